using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Conformance.Framework.Requests;

/// <summary>
/// With <see cref="Settings.RequestLog"/>, every request a <see cref="ServiceClient"/> sends is
/// appended to a file as one JSON line, in the shape of the reference server's request log, so the
/// benchmark can measure the burst against a real target (which keeps no such log) and replay it
/// (bench/Replay). Credentials are never written: each secret is replaced by a placeholder naming
/// the environment variable that holds it (see <see cref="Placeholder"/>); the replay puts it back.
/// </summary>
public sealed class RequestCapture
{
    // One writer per file for the whole process: two sessions appending through two streams would overwrite each other's lines.
    private static readonly ConcurrentDictionary<string, RequestCapture> Open = new(StringComparer.Ordinal);

    private readonly StreamWriter _writer;
    private readonly Lock _gate = new();

    private RequestCapture(string path)
    {
        _writer = new StreamWriter(new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite), new UTF8Encoding(false)) { AutoFlush = true };
    }

    /// <summary>The capture appending to <paramref name="path"/>, shared by every client of the process.</summary>
    public static RequestCapture To(string path) => Open.GetOrAdd(Path.GetFullPath(path), p => new RequestCapture(p));

    /// <summary>"__ARCHIVEMATICA_API_KEY__": stands for the value of that variable; "__X_URLENCODED__" for its URL-encoded form.</summary>
    public static string Placeholder(string environmentVariable) => $"__{environmentVariable}__";

    /// <summary>The secrets of one service and the variable each comes from.</summary>
    private static IReadOnlyList<(string Secret, string Variable)> SecretsOf(ServiceEndpoint endpoint) =>
        new (string? Secret, Setting Setting)[]
        {
            (endpoint.Credentials.ApiKey, endpoint.Kind == ServiceKind.Archivematica ? Settings.ArchivematicaApiKey : Settings.StorageServiceApiKey),
            (endpoint.Password, Settings.StorageServicePassword),
        }
        .Where(s => !string.IsNullOrEmpty(s.Secret))
        .Select(s => (s.Secret!, s.Setting.EnvironmentVariable))
        .ToList();

    /// <summary>What one service's client appends through: this file, scrubbed of that service's secrets.</summary>
    public Action<Sent> For(ServiceEndpoint endpoint)
    {
        var scrubber = new Scrubber(SecretsOf(endpoint));
        return sent => Append(sent, scrubber);
    }

    private void Append(Sent request, Scrubber scrub)
    {
        var line = JsonSerializer.Serialize(new Entry(
            Time: UnixSeconds(request.At),
            Milliseconds: request.Elapsed.TotalMilliseconds,
            Received: UnixSeconds(request.At + request.Elapsed),
            Origin: request.Url.GetLeftPart(UriPartial.Authority),
            Method: request.Method,
            Target: scrub.Text(request.Url.PathAndQuery),
            Headers: request.Headers.Select(h => new[] { h.Key, scrub.Header(h.Key, h.Value) }).ToList(),
            Body: request.Body is { Length: > 0 } body ? Convert.ToBase64String(scrub.Bytes(body)) : null,
            Status: request.Status,
            Service: request.Service,
            Auth: request.Auth.ToString()), CaptureJson.Options);
        lock (_gate)
        {
            _writer.Write(line + "\n");
        }
    }

    private static double UnixSeconds(DateTimeOffset at) => (at - DateTimeOffset.UnixEpoch).Ticks / (double)TimeSpan.TicksPerSecond;

    /// <summary>What went on the wire for one attempt, credentials included (scrubbed on writing).</summary>
    public sealed record Sent(DateTimeOffset At, TimeSpan Elapsed, string Service, AuthMode Auth, string Method, Uri Url, IReadOnlyList<KeyValuePair<string, string>> Headers, byte[]? Body, int Status);

    /// <summary>One line: the reference server's fields (time = sent, Unix seconds) plus when the answer was read, the service and the auth mode.</summary>
    private sealed record Entry(double Time, double Milliseconds, double Received, string Origin, string Method, string Target, List<string[]> Headers, string? Body, int Status, string Service, string Auth);

    /// <summary>Replaces each secret, plain or URL-encoded, by its placeholder in one pass (so a placeholder is never rewritten).</summary>
    private sealed class Scrubber
    {
        private readonly Dictionary<string, string> _placeholders = new(StringComparer.Ordinal);
        private readonly Regex? _pattern;

        public Scrubber(IReadOnlyList<(string Secret, string Variable)> secrets)
        {
            foreach (var (secret, variable) in secrets)
            {
                _placeholders.TryAdd(secret, Placeholder(variable));
                _placeholders.TryAdd(Uri.EscapeDataString(secret), Placeholder(variable + "_URLENCODED"));
            }

            _pattern = _placeholders.Count == 0 ? null
                : new Regex(string.Join('|', _placeholders.Keys.OrderByDescending(k => k.Length).Select(AnyHexCase)), RegexOptions.CultureInvariant);
        }

        public string Text(string text) => _pattern?.Replace(text, m => _placeholders.TryGetValue(m.Value, out var exact) ? exact : _placeholders[Uppercase(m.Value)]) ?? text;

        // RestSharp writes "%2b" where Uri.EscapeDataString writes "%2B": the hex digits of an escape match in either case
        // (the replay writes them upper case, which a server decodes the same), the rest of a secret only exactly.
        private static string AnyHexCase(string secret) =>
            Regex.Replace(Regex.Escape(secret), "%([0-9A-F])([0-9A-F])", m => $"%{Either(m.Groups[1].Value)}{Either(m.Groups[2].Value)}");

        private static string Either(string hex) => char.IsLetter(hex[0]) ? $"[{hex}{hex.ToLowerInvariant()}]" : hex;

        private static string Uppercase(string match) => Regex.Replace(match, "%[0-9a-fA-F]{2}", m => m.Value.ToUpperInvariant());

        // Basic credentials are base64: scrubbed inside, then encoded again.
        public string Header(string name, string value)
        {
            const string basic = "Basic ";
            if (name.Equals("Authorization", StringComparison.OrdinalIgnoreCase) && value.StartsWith(basic, StringComparison.OrdinalIgnoreCase))
            {
                try
                {
                    var decoded = Encoding.Latin1.GetString(Convert.FromBase64String(value[basic.Length..]));
                    return value[..basic.Length] + Convert.ToBase64String(Encoding.Latin1.GetBytes(Text(decoded)));
                }
                catch (FormatException)
                {
                    // Not base64 (a hostile or malformed header): scrubbed as text below.
                }
            }

            return Text(value);
        }

        // Latin-1 maps bytes to characters one to one, so a body that is not UTF-8 survives unchanged.
        public byte[] Bytes(byte[] body) => _pattern is null ? body : Encoding.Latin1.GetBytes(Text(Encoding.Latin1.GetString(body)));
    }

    private static class CaptureJson
    {
        public static readonly JsonSerializerOptions Options = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };
    }
}
