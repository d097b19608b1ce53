using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Conformance.Bench.Replay;

/// <summary>One line of the reference server's request log or of the suite's capture.</summary>
internal sealed record Logged(string Method, Uri Url, IReadOnlyList<(string Name, string Value)> Headers, byte[]? Body, int Status)
{
    // Set by the connection or the content, not by the caller.
    private static readonly HashSet<string> Skipped = new(StringComparer.OrdinalIgnoreCase) { "Host", "Content-Length", "Connection", "Transfer-Encoding", "Expect" };

    public static Logged Parse(string line, CredentialFiller credentials)
    {
        var node = JsonNode.Parse(line)!;
        var url = new Uri((string)node["origin"]! + credentials.Fill((string)node["target"]!), new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true });
        var headers = node["headers"]!.AsArray().Select(h => ((string)h![0]!, credentials.FillHeader((string)h[0]!, (string)h[1]!))).ToList();
        var body = (string?)node["body"] is { } b ? credentials.Fill(Convert.FromBase64String(b)) : null;
        return new Logged((string)node["method"]!, url, headers, body, (int)node["status"]!);
    }

    public HttpRequestMessage ToMessage()
    {
        var message = new HttpRequestMessage(new HttpMethod(Method), Url);
        if (Body is not null)
        {
            message.Content = new ByteArrayContent(Body);
        }

        foreach (var (name, value) in Headers.Where(h => !Skipped.Contains(h.Name)))
        {
            if (name.StartsWith("Content-", StringComparison.OrdinalIgnoreCase))
            {
                message.Content ??= new ByteArrayContent([]);
                message.Content.Headers.TryAddWithoutValidation(name, value);
            }
            else
            {
                message.Headers.TryAddWithoutValidation(name, value);
            }
        }

        return message;
    }
}

/// <summary>
/// Puts the credentials back into a capture: "__NAME__" is the value of the environment variable NAME,
/// "__NAME_URLENCODED__" its URL-encoded form (the suite's RequestCapture writes them). Only the
/// suite's secret variables are read; Basic credentials are decoded, filled and encoded again.
/// </summary>
internal sealed partial class CredentialFiller(Func<string, string?> variables)
{
    private static readonly string[] Variables = ["ARCHIVEMATICA_API_KEY", "STORAGE_SERVICE_API_KEY", "STORAGE_SERVICE_PASSWORD"];

    public string Fill(string text) => text.Contains("__", StringComparison.Ordinal) ? Placeholder().Replace(text, Value) : text;

    public string FillHeader(string name, string value)
    {
        const string basic = "Basic ";
        if (!name.Equals("Authorization", StringComparison.OrdinalIgnoreCase) || !value.StartsWith(basic, StringComparison.OrdinalIgnoreCase))
        {
            return Fill(value);
        }

        try
        {
            var decoded = Encoding.Latin1.GetString(Convert.FromBase64String(value[basic.Length..]));
            return value[..basic.Length] + Convert.ToBase64String(Encoding.Latin1.GetBytes(Fill(decoded)));
        }
        catch (FormatException)
        {
            return Fill(value);
        }
    }

    // Latin-1 maps bytes to characters one to one, so a body that is not UTF-8 survives unchanged.
    public byte[] Fill(byte[] body) => Encoding.Latin1.GetBytes(Fill(Encoding.Latin1.GetString(body)));

    private string Value(Match m)
    {
        var name = m.Groups["name"].Value;
        if (!Variables.Contains(name))
        {
            return m.Value;
        }

        var value = variables(name);
        if (string.IsNullOrEmpty(value))
        {
            throw new InvalidOperationException($"The log holds a placeholder for {name}: set that environment variable to replay it.");
        }

        return m.Groups["encoded"].Success ? Uri.EscapeDataString(value) : value;
    }

    [GeneratedRegex("__(?<name>[A-Z][A-Z_]*?)(?<encoded>_URLENCODED)?__")]
    private static partial Regex Placeholder();
}
