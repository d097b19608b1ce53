using System.Text;
using System.Text.Json.Nodes;
using NUnit.Framework;

namespace Conformance.SelfTests.Recordings;

/// <summary>
/// Real request/response pairs recorded against Archivematica servers, read in place from
/// ../shared/recordings (format in its README.md). Nothing of them is copied into the repository.
/// </summary>
internal static class RecordedTraffic
{
    private static readonly Lazy<IReadOnlyList<RecordedInteraction>> Loaded = new(Load);

    public static string Folder => Path.Combine(Paths.Shared, "recordings");

    public static bool Present => Directory.Exists(Folder);

    /// <summary>Every interaction of every recording, ordered by recording name and index; empty when the folder is absent.</summary>
    public static IReadOnlyList<RecordedInteraction> All => Loaded.Value;

    /// <summary>Skips the calling test when the recordings are absent, and fails it when that happens on CI.</summary>
    public static void Require()
    {
        if (Present)
        {
            return;
        }

        var message = $"The recorded traffic is not present at {Folder}; these tests need ../shared/recordings beside the repository.";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail(message + " CI=true, so its absence is a failure.");
        }

        Assert.Ignore(message);
    }

    private static IReadOnlyList<RecordedInteraction> Load() => !Present ? [] :
        Directory.EnumerateFiles(Folder, "*.json")
            .Order(StringComparer.Ordinal)
            .SelectMany(file =>
            {
                var name = Path.GetFileNameWithoutExtension(file);
                var interactions = JsonNode.Parse(File.ReadAllText(file))!["interactions"]!.AsArray();
                return interactions.Select((x, i) => RecordedInteraction.Parse(name, i, x!.AsObject()));
            })
            .ToList();
}

/// <summary>One recorded request and its response; names of headers are lower-case as recorded.</summary>
internal sealed record RecordedInteraction(
    string Recording,
    int Index,
    string Method,
    string Url,
    string Path,
    IReadOnlyList<KeyValuePair<string, string>> Query,
    IReadOnlyDictionary<string, string> RequestHeaders,
    string? RequestBody,
    int Status,
    string Reason,
    IReadOnlyDictionary<string, string> ResponseHeaders,
    string ResponseBody)
{
    /// <summary>"aips_aips #1": the test name and the key in the expectations file.</summary>
    public string Name => $"{Recording} #{Index}";

    public string? RequestHeader(string name) => RequestHeaders.GetValueOrDefault(name.ToLowerInvariant());

    public string? ResponseHeader(string name) => ResponseHeaders.GetValueOrDefault(name.ToLowerInvariant());

    public bool HasQuery(string name) => Query.Any(p => p.Key == name);

    /// <summary>The exchange as the suite's HTTP layer would have built it: redacted, with the body decoded to text.</summary>
    public Exchange ToExchange(string service, AuthMode mode) => new()
    {
        Service = service,
        AuthMode = mode,
        Method = Method,
        Url = Redactor.Redact(Url),
        RequestHeaders = RequestHeaders.Select(h => new KeyValuePair<string, string>(h.Key, Redactor.Redact(h.Value))).ToList(),
        RequestBody = RequestBody is null ? null : Redactor.Redact(RequestBody),
        RequestContentType = RequestHeader("Content-Type"),
        Status = Status,
        Reason = Reason,
        ResponseHeaders = ResponseHeaders.Select(h => new KeyValuePair<string, string>(h.Key, Redactor.Redact(h.Value))).ToList(),
        Body = Redactor.Redact(ResponseBody),
    };

    public static RecordedInteraction Parse(string recording, int index, JsonObject interaction)
    {
        var request = interaction["request"]!.AsObject();
        var response = interaction["response"]!.AsObject();
        return new RecordedInteraction(
            recording,
            index,
            (string)request["method"]!,
            (string)request["url"]!,
            (string)request["path"]!,
            Pairs(request["query"]),
            Headers(request["headers"]),
            Body(request["body"], request["body_encoding"]),
            (int)response["status"]!,
            (string?)response["reason"] ?? string.Empty,
            Headers(response["headers"]),
            Body(response["body"], response["body_encoding"]) ?? string.Empty);
    }

    private static Dictionary<string, string> Headers(JsonNode? node) =>
        node?.AsObject().ToDictionary(h => h.Key.ToLowerInvariant(), h => (string)h.Value!) ?? [];

    // A parameter repeated in the query is recorded as an array of its values.
    private static List<KeyValuePair<string, string>> Pairs(JsonNode? node) =>
        node?.AsObject().SelectMany(p => p.Value is JsonArray values
            ? values.Select(v => new KeyValuePair<string, string>(p.Key, (string)v!))
            : [new KeyValuePair<string, string>(p.Key, (string)p.Value!)]).ToList() ?? [];

    // Archives and non-UTF-8 bodies are stored as base64; the suite reads every body as UTF-8 text.
    private static string? Body(JsonNode? body, JsonNode? encoding) => body is null ? null
        : (string?)encoding == "base64" ? Encoding.UTF8.GetString(Convert.FromBase64String((string)body!))
        : (string)body!;
}
