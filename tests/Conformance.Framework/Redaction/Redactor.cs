using System.Collections.Concurrent;
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

    private static readonly ConcurrentDictionary<string, byte> Secrets = new(StringComparer.Ordinal);

    /// <summary>Registers a secret (API key, password). Very short values are masked by pattern only, to keep text readable.</summary>
    public static void Register(string? secret)
    {
        if (!string.IsNullOrEmpty(secret))
        {
            Secrets.TryAdd(secret, 0);
        }
    }

    public static string Redact(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? string.Empty;
        }

        var result = ApiKeyHeader().Replace(text, m => $"{m.Groups[1].Value}{m.Groups[2].Value}:{Mask}");
        result = BasicOrBearer().Replace(result, m => $"{m.Groups[1].Value} {Mask}");
        result = CredentialParameter().Replace(result, m => $"{m.Groups[1].Value}={Mask}");
        result = SessionCookie().Replace(result, m => $"{m.Groups[1].Value}={Mask}");
        foreach (var secret in Secrets.Keys.OrderByDescending(s => s.Length))
        {
            if (secret.Length >= 4)
            {
                result = result.Replace(secret, Mask, StringComparison.Ordinal);
                result = result.Replace(Uri.EscapeDataString(secret), Mask, StringComparison.Ordinal);
            }
        }

        return result;
    }

    // "ApiKey user:key" (scheme in any case); the user name stays readable.
    [GeneratedRegex(@"\b(ApiKey\s+)([^\s:""']*):[^\s""'&]+", RegexOptions.IgnoreCase)]
    private static partial Regex ApiKeyHeader();

    // A challenge's parameters (WWW-Authenticate: Basic realm="...") are no credentials and stay readable.
    [GeneratedRegex(@"\b(Basic|Bearer|Token)\s+(?!realm=)[A-Za-z0-9+/=._~-]{4,}", RegexOptions.IgnoreCase)]
    private static partial Regex BasicOrBearer();

    // api_key=..., password=... in query strings, forms and JSON-ish text.
    [GeneratedRegex(@"\b(api_key|apikey|password)=[^&\s""'#]*", RegexOptions.IgnoreCase)]
    private static partial Regex CredentialParameter();

    [GeneratedRegex(@"\b(sessionid|csrftoken)=[^;\s""']*", RegexOptions.IgnoreCase)]
    private static partial Regex SessionCookie();
}
