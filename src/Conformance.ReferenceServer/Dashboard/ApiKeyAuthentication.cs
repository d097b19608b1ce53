using Microsoft.AspNetCore.Http;

namespace Conformance.ReferenceServer.Dashboard;

/// <summary>
/// tastypie's <c>ApiKeyAuthentication</c> as the dashboard uses it (auth.md sections 1 and 2).
/// Only the API-key backend is emulated: the dashboard would also accept a Django session
/// (<c>SessionAuthentication</c>), but the reference server has no login, so there are no sessions.
/// The IP allowlist (<c>api_whitelist</c>) is empty, i.e. allows everyone.
/// </summary>
internal static class ApiKeyAuthentication
{
    /// <param name="postForm">Django's <c>request.POST</c> (empty unless a POST form body).</param>
    /// <param name="faults">Deliberate deviations for this endpoint (see <see cref="Fault"/>); none on a faithful server.</param>
    public static bool IsAuthenticated(HttpRequest request, IFormCollection postForm, ReferenceServerOptions options, CredentialFaults faults)
    {
        if (faults.AcceptNoCredentials && CarriesNoCredentials(request, postForm))
        {
            return true;
        }
        if (!TryExtractCredentials(request, postForm, faults, out var username, out var apiKey))
        {
            return false;
        }
        if (string.IsNullOrEmpty(username) || string.IsNullOrEmpty(apiKey))
        {
            return false;
        }
        if (!string.Equals(username, options.User, StringComparison.Ordinal))
        {
            return false;
        }
        return string.Equals(apiKey, options.ApiKey, StringComparison.Ordinal) || faults.AcceptBadKey;
    }

    /// <summary>
    /// <c>extract_credentials</c>: a header "ApiKey user:key" (scheme case-insensitive, split once on the
    /// first space, then once on the first colon) wins; a missing header, one without a space or with
    /// another scheme falls back to <c>username</c>/<c>api_key</c> from the query string, else the POST
    /// form, field by field. An ApiKey header without a colon fails outright (no fallback).
    /// Faults: <see cref="Fault.IgnoreHeaderAuth"/> treats the header as absent, <see cref="Fault.IgnoreQueryAuth"/> skips the query.
    /// </summary>
    private static bool TryExtractCredentials(HttpRequest request, IFormCollection postForm, CredentialFaults faults, out string? username, out string? apiKey)
    {
        var authorization = faults.IgnoreHeader ? "" : request.Headers.Authorization.ToString();
        var space = authorization.IndexOf(' ', StringComparison.Ordinal);
        if (authorization.Length > 0 && space >= 0
            && authorization[..space].ToLowerInvariant() == "apikey")
        {
            var data = authorization[(space + 1)..];
            var colon = data.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0)
            {
                username = apiKey = null;
                return false;
            }
            username = data[..colon];
            apiKey = data[(colon + 1)..];
            return true;
        }
        username = Fallback(request, postForm, "username", faults.IgnoreQuery);
        apiKey = Fallback(request, postForm, "api_key", faults.IgnoreQuery);
        return true;
    }

    /// <summary>No Authorization header and no username/api_key anywhere: what <see cref="Fault.AcceptNoCredentials"/> lets in.</summary>
    private static bool CarriesNoCredentials(HttpRequest request, IFormCollection postForm) =>
        request.Headers.Authorization.Count == 0
        && string.IsNullOrEmpty(Fallback(request, postForm, "username", ignoreQuery: false))
        && string.IsNullOrEmpty(Fallback(request, postForm, "api_key", ignoreQuery: false));

    /// <summary><c>request.GET.get(name) or request.POST.get(name)</c> (QueryDict.get = last value).</summary>
    private static string? Fallback(HttpRequest request, IFormCollection postForm, string name, bool ignoreQuery)
    {
        var fromQuery = ignoreQuery ? default : request.Query[name];
        var value = fromQuery.Count > 0 ? fromQuery[fromQuery.Count - 1] : null;
        if (!string.IsNullOrEmpty(value))
        {
            return value;
        }
        var fromForm = postForm[name];
        return fromForm.Count > 0 ? fromForm[fromForm.Count - 1] : null;
    }
}
