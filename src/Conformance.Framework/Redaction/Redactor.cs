using System.Buffers;
using System.Text.RegularExpressions;

namespace Conformance.Framework.Redaction;

/// <summary>
/// Removes credentials from anything the suite prints or writes. Every configured secret is
/// registered once at start-up; patterns catch credentials in their usual places as well, so a key
/// the suite never saw (say, one a server echoes) is still hidden where it sits in a known shape.
/// </summary>
public static partial class Redactor
{
    public const string Mask = "***";

    // Every pattern below starts with one of these words: text without any of them (most of what is
    // redacted, thousands of times a run) skips the patterns.
    private static readonly SearchValues<string> PatternWords = SearchValues.Create(
        ["apikey", "api_key", "basic", "bearer", "token", "password", "sessionid", "csrftoken"], StringComparison.OrdinalIgnoreCase);

    private static readonly Lock Gate = new();

    /// <summary>Each registered secret and its URL-encoded form, longest first; replaced whole on registration.</summary>
    private static (string Plain, string Encoded)[] _secrets = [];

    /// <summary>Registers a secret (API key, password). Very short values are masked by pattern only, to keep text readable.</summary>
    public static void Register(string? secret)
    {
        if (string.IsNullOrEmpty(secret) || secret.Length < 4)
        {
            return;
        }

        lock (Gate)
        {
            if (_secrets.All(s => s.Plain != secret))
            {
                _secrets = [.. _secrets.Append((Plain: secret, Encoded: Uri.EscapeDataString(secret))).OrderByDescending(s => s.Plain.Length)];
            }
        }
    }

    public static string Redact(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? string.Empty;
        }

        var result = text;
        if (text.AsSpan().ContainsAny(PatternWords))
        {
            result = ApiKeyHeader().Replace(result, m => $"{m.Groups[1].Value}{m.Groups[2].Value}:{Mask}");
            result = BasicOrBearer().Replace(result, m => $"{m.Groups[1].Value} {Mask}");
            result = CredentialParameter().Replace(result, m => $"{m.Groups[1].Value}={Mask}");
            result = SessionCookie().Replace(result, m => $"{m.Groups[1].Value}={Mask}");
        }

        foreach (var (plain, encoded) in _secrets)
        {
            result = result.Replace(plain, Mask, StringComparison.Ordinal).Replace(encoded, Mask, StringComparison.Ordinal);
        }

        return result;
    }

    // "ApiKey user:key" (scheme in any case); the user name stays readable.
    [GeneratedRegex(@"\b(ApiKey\s+)([^\s:""']*):[^\s""'&]+", RegexOptions.IgnoreCase)]
    private static partial Regex ApiKeyHeader();

    // A challenge's parameters (WWW-Authenticate: Basic realm="...") are no credentials and stay readable,
    // nor is the prose after a case name ending in an auth mode ("ss.file.list@v2, Basic could not be exercised").
    [GeneratedRegex(@"\b(Basic|Bearer|Token)\s+(?!realm=)(?!(?:could|cannot|can|needs|is|was|were|not|auth|authentication|credentials)\b)[A-Za-z0-9+/=._~-]{4,}", RegexOptions.IgnoreCase)]
    private static partial Regex BasicOrBearer();

    // api_key=..., password=... in query strings, forms and JSON-ish text.
    [GeneratedRegex(@"\b(api_key|apikey|password)=[^&\s""'#]*", RegexOptions.IgnoreCase)]
    private static partial Regex CredentialParameter();

    [GeneratedRegex(@"\b(sessionid|csrftoken)=[^;\s""']*", RegexOptions.IgnoreCase)]
    private static partial Regex SessionCookie();
}
