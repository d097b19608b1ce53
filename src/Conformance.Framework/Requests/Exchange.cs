using System.Text;

namespace Conformance.Framework.Requests;

/// <summary>
/// One request and what came back, as the checks see it. Everything in it is already redacted,
/// so it can be printed anywhere. <see cref="TransportError"/> is set when no response arrived.
/// </summary>
public sealed record Exchange
{
    public required string Service { get; init; }

    public required AuthMode AuthMode { get; init; }

    public required string Method { get; init; }

    /// <summary>Absolute URL with credentials masked.</summary>
    public required string Url { get; init; }

    public IReadOnlyList<KeyValuePair<string, string>> RequestHeaders { get; init; } = [];

    public string? RequestBody { get; init; }

    public string? RequestContentType { get; init; }

    public int Status { get; init; }

    public string? Reason { get; init; }

    /// <summary>Response headers, content headers included; names compared case-insensitively.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> ResponseHeaders { get; init; } = [];

    public string Body { get; init; } = string.Empty;

    public TimeSpan Elapsed { get; init; }

    public string? TransportError { get; init; }

    /// <summary>True when the raw body (before redaction) contained the user's API key or password; see <see cref="Checks.CredentialLeak"/>.</summary>
    public bool BodyEchoesSecret { get; init; }

    /// <summary>Values of the request found on the target by discovery, and where (<see cref="DiscoveredValue"/>).</summary>
    public IReadOnlyList<DiscoveredValue> Discovered { get; init; } = [];

    /// <summary>How many times the request was sent (more than one after retries of a read).</summary>
    public int Attempts { get; init; } = 1;

    public string? ContentType => Header("Content-Type");

    public string? Header(string name) =>
        ResponseHeaders.Where(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value).FirstOrDefault();

    public bool HasHeader(string name) => ResponseHeaders.Any(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>A runnable curl command reproducing the request, credentials masked.</summary>
    public string ToCurl()
    {
        var curl = new StringBuilder("curl -i");
        if (Method != "GET")
        {
            curl.Append(" -X ").Append(Method);
        }

        foreach (var (name, value) in RequestHeaders)
        {
            curl.Append(" -H ").Append(ShellQuote($"{name}: {value}"));
        }

        if (RequestBody is not null)
        {
            if (RequestContentType is not null && !RequestHeaders.Any(h => h.Key.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)))
            {
                curl.Append(" -H ").Append(ShellQuote($"Content-Type: {RequestContentType}"));
            }

            curl.Append(" --data-binary ").Append(ShellQuote(RequestBody));
        }

        return Redactor.Redact(curl.Append(' ').Append(ShellQuote(Url)).ToString());
    }

    /// <summary>The whole exchange for a failure message: request, status line, key headers, start of the body.</summary>
    public string Describe(int maxBody = 1000)
    {
        var text = new StringBuilder();
        text.AppendLine($"Request:  {Method} {Url}  [{Service}, auth mode {AuthMode}]");
        foreach (var found in Discovered)
        {
            text.AppendLine($"Discovered: {found}");
        }

        if (TransportError is not null)
        {
            text.AppendLine($"Response: none: {TransportError} (after {Elapsed.TotalMilliseconds:F0} ms{Tries})");
        }
        else
        {
            text.AppendLine($"Response: {Status} {Reason} ({Elapsed.TotalMilliseconds:F0} ms{Tries})");
            foreach (var (name, value) in ResponseHeaders.Where(h => KeyHeaders.Contains(h.Key)))
            {
                text.AppendLine($"  {name}: {value}");
            }

            text.AppendLine(Body.Length == 0 ? "  (empty body)" : $"  Body: {Shorten(Body, maxBody)}");
        }

        text.Append("Reproduce: ").Append(ToCurl());
        return Redactor.Redact(text.ToString());
    }

    private string Tries => Attempts > 1 ? $", {Attempts} attempts" : "";

    private static readonly HashSet<string> KeyHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Content-Type", "Content-Length", "Location", "Allow", "WWW-Authenticate", "X-Archivematica-Version", "X-Archivematica-ID", "Content-Disposition",
    };

    private static string Shorten(string body, int max) =>
        body.Length <= max ? body : body[..max] + $"... ({body.Length} characters in all)";

    private static string ShellQuote(string value) => "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
