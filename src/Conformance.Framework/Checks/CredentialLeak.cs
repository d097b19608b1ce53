
namespace Conformance.Framework.Checks;

/// <summary>
/// LEAK-01: a response body never carries the user's API key or password back. The client looks for
/// the secrets in the raw body before redaction (<see cref="Exchange.BodyEchoesSecret"/>); the check
/// judges that finding. The one contractual echo is exempt: tastypie's meta.next/previous repeat the
/// request's query string, so a key the request itself put in its query may come back there.
/// </summary>
public static class CredentialLeak
{
    /// <summary>
    /// True when <paramref name="body"/> contains one of the secrets in any form the leak scan knows
    /// (<see cref="Redaction.SecretScanner.Forms"/>: as is, URL-encoded, JSON-escaped, base64). Secrets
    /// shorter than <see cref="Redaction.SecretScanner.MinimumLength"/> are not looked for: a short key
    /// (say "test") also occurs in ordinary text, such as the user name.
    /// </summary>
    public static bool Echoes(string? body, params string?[] secrets) => Finder(secrets).Echoed(body);

    /// <summary>The secrets' forms built once, for a client that scans every body it receives.</summary>
    public static EchoFinder Finder(params string?[] secrets) => new(
        [.. secrets.OfType<string>().Where(s => s.Length >= Redaction.SecretScanner.MinimumLength).SelectMany(s => Redaction.SecretScanner.Forms(s).Select(f => f.Text)).Distinct()]);

    /// <summary>Looks for all forms of all secrets in one pass over a body.</summary>
    public sealed class EchoFinder(string[] forms)
    {
        private readonly System.Buffers.SearchValues<string>? _forms = forms.Length == 0 ? null : System.Buffers.SearchValues.Create(forms, StringComparison.Ordinal);

        public bool Echoed(string? body) => _forms is not null && !string.IsNullOrEmpty(body) && body.AsSpan().ContainsAny(_forms);
    }

    /// <summary>Auth modes that put the valid API key in the query string.</summary>
    public static bool SendsKeyInQuery(AuthMode mode) => mode is AuthMode.Query or AuthMode.HeaderWithoutColon or AuthMode.BadHeaderOverQuery;

    public static CheckResult NotEchoed(Exchange x) =>
        !x.BodyEchoesSecret ? CheckResult.Pass(Requirement.CredentialsNotEchoed, "the body does not contain the API key or password")
        : SendsKeyInQuery(x.AuthMode) ? CheckResult.Pass(Requirement.CredentialsNotEchoed, "the body repeats the API key the request sent in its query string (allowed: tastypie's meta.next echoes the query)")
        : CheckResult.Fail(Requirement.CredentialsNotEchoed, $"the response body contains the user's API key or password (masked as {Redaction.Redactor.Mask} in this report), which the request did not put in its query string");
}
