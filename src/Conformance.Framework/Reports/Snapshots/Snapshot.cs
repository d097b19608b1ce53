using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Conformance.Framework.Reports.Snapshots;

/// <summary>
/// One case's answer, normalized so that two recordings of an unchanged target are byte-identical
/// and nothing secret or host-specific is kept: the status, the media type, the headers the checks
/// read (values masked), whether the body matched its schema, and the body's structure with every
/// value reduced to its type (<see cref="AnswerShape.Shape"/>: UUIDs, dates, paths, counts, hosts vanish).
/// </summary>
/// <param name="Test">The test's full name without the suite's namespace: unique in a run, stable across runs.</param>
/// <param name="Tier">The case's tier (read-only, mutating, destructive).</param>
/// <param name="Schema">"matches", "does not match", or "not checked" (no schema, or the status was already wrong).</param>
/// <param name="Body">"empty", "text", "html", or "json-object {…}" (the structure).</param>
public sealed partial record Snapshot(string Test, string Tier, int Status, string? ContentType, IReadOnlyDictionary<string, string> Headers, string Schema, string Body)
{
    /// <summary>The response headers the checks read (catalogue expectations, the Allow and CORS checks); the others change from server to server for no contractual reason.</summary>
    public static readonly IReadOnlyList<string> CheckedHeaders =
    [
        "Access-Control-Allow-Credentials", "Access-Control-Allow-Origin", "Allow", "Content-Disposition", "Content-Length",
        "In-Progress", "Location", "WWW-Authenticate", "X-Archivematica-ID", "X-Archivematica-Version",
    ];

    /// <summary>The fields compared between two snapshots of a case, in the order a mismatch names them.</summary>
    public static readonly IReadOnlyList<string> Fields = ["status", "contentType", "headers", "schema", "body"];

    private const string SuiteNamespace = "Conformance.Tests.";

    /// <summary>The snapshot of a verdict's exchange, or null when no answer came (nothing stable to keep).</summary>
    public static Snapshot? Of(string testFullName, string tier, Verdict verdict)
    {
        if (verdict.Exchange is not { TransportError: null } exchange)
        {
            return null;
        }

        var schema = verdict.Results.Where(r => r.Requirement == Requirement.Schema).Select(r => r.Passed ? "matches" : "does not match").FirstOrDefault() ?? "not checked";
        var headers = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in CheckedHeaders)
        {
            if (exchange.Header(name) is { } value)
            {
                headers[name] = MaskHeader(name, value);
            }
        }

        return new Snapshot(TestName(testFullName), tier, exchange.Status, AnswerShape.MediaTypeOf(exchange.ContentType), headers, schema, BodyOf(exchange));
    }

    /// <summary>The test's name as snapshots keep it: without the suite's namespace.</summary>
    public static string TestName(string fullName) => fullName.StartsWith(SuiteNamespace, StringComparison.Ordinal) ? fullName[SuiteNamespace.Length..] : fullName;

    /// <summary>A file name made of the test name alone (so the same case always lands in the same file); a short hash keeps apart names that only differ in characters a file name cannot hold.</summary>
    public static string FileNameOf(string test)
    {
        var readable = test.Replace(", ", ",", StringComparison.Ordinal);
        var safe = UnsafeCharacters().Replace(readable, "_");
        if (safe.Length > 150)
        {
            safe = safe[..150];
        }

        return safe == readable ? safe + ".json" : $"{safe}~{Hash(test)}.json";
    }

    /// <summary>The field values by name, as compared (<see cref="Fields"/>); headers one by one ("headers.Allow").</summary>
    public IReadOnlyDictionary<string, string> FieldValues()
    {
        var values = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["status"] = Status.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["contentType"] = ContentType ?? "(none)",
            ["schema"] = Schema,
            ["body"] = Body,
        };
        foreach (var name in CheckedHeaders)
        {
            values["headers." + name] = Headers.TryGetValue(name, out var value) ? value : "(absent)";
        }

        return values;
    }

    /// <summary>Keys in ordinal order, two-space indentation, "\n" line ends: the same answer gives the same bytes on every machine.</summary>
    public string ToJson()
    {
        var headers = new JsonObject();
        foreach (var (name, value) in Headers.OrderBy(h => h.Key, StringComparer.Ordinal))
        {
            headers[name] = value;
        }

        var json = new JsonObject
        {
            ["body"] = Body,
            ["contentType"] = ContentType,
            ["headers"] = headers,
            ["schema"] = Schema,
            ["status"] = Status,
            ["test"] = Test,
            ["tier"] = Tier,
        };
        return json.ToJsonString(Options) + "\n";
    }

    public static Snapshot FromJson(string text)
    {
        var json = JsonNode.Parse(text)!.AsObject();
        var headers = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in json["headers"]!.AsObject())
        {
            headers[name] = value!.GetValue<string>();
        }

        return new Snapshot(
            json["test"]!.GetValue<string>(),
            json["tier"]!.GetValue<string>(),
            json["status"]!.GetValue<int>(),
            json["contentType"]?.GetValue<string>(),
            headers,
            json["schema"]!.GetValue<string>(),
            json["body"]!.GetValue<string>());
    }

    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true, NewLine = "\n", Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static string BodyOf(Exchange exchange)
    {
        if (string.IsNullOrWhiteSpace(exchange.Body))
        {
            return "empty";
        }

        try
        {
            using var document = JsonDocument.Parse(exchange.Body);
            var root = document.RootElement;
            return $"json-{root.ValueKind.ToString().ToLowerInvariant()} {AnswerShape.Shape(root)}";
        }
        catch (JsonException)
        {
            return AnswerShape.Of(exchange)!;
        }
    }

    // Values that change from run to run or name the host: origins, UUIDs, dates, file names, lengths, numeric ids in a path (an async task's).
    private static string MaskHeader(string name, string value)
    {
        if (name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
        {
            return "<present>";
        }

        var masked = Origin().Replace(value, "<origin>");
        masked = Uuid().Replace(masked, "<uuid>");
        masked = Date().Replace(masked, "<date>");
        masked = FileName().Replace(masked, "filename=<name>");
        masked = NumberSegment().Replace(masked, "/<n>");
        return Redaction.Redactor.Redact(masked);
    }

    private static string Hash(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..8].ToLowerInvariant();

    [GeneratedRegex("[^A-Za-z0-9._,()@=+-]")]
    private static partial Regex UnsafeCharacters();

    [GeneratedRegex(@"[a-zA-Z][a-zA-Z0-9+.-]*://[^/\s,;""]+")]
    private static partial Regex Origin();

    [GeneratedRegex("[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}")]
    private static partial Regex Uuid();

    [GeneratedRegex(@"\d{4}-\d{2}-\d{2}([T ][0-9:.]+)?(Z|[+-]\d{2}:?\d{2})?")]
    private static partial Regex Date();

    [GeneratedRegex(@"/\d+(?=/|$|\?)")]
    private static partial Regex NumberSegment();

    [GeneratedRegex(@"filename\*?=(""[^""]*""|[^;\s]+)")]
    private static partial Regex FileName();
}
