using System.Text;

namespace Conformance.ReferenceServer.Storage.Tastypie;

/// <summary>
/// MultiAuthentication(BasicAuthentication(), ApiKeyAuthentication(), SessionAuthentication()) with the
/// one configured user (auth.md §3). The first backend that succeeds wins. Session authentication is
/// not emulated: the reference server has no Django login, so no request can carry a session and that
/// backend would always say no. Failure is always Basic's 401 (it is the first backend).
/// </summary>
internal static class StorageAuthenticator
{
    /// <param name="faults">Deliberate deviations for this endpoint (see <see cref="Fault"/>); none on a faithful server.</param>
    public static bool IsAuthenticated(StorageRequest request, ReferenceServerOptions options, CredentialFaults faults) =>
        (faults.AcceptNoCredentials && CarriesNoCredentials(request))
        || BasicSucceeds(request, options, faults.AcceptBadKey) || ApiKeySucceeds(request, options, faults);

    /// <summary>The 401 every credential failure produces (Basic's "unauthorized" object).</summary>
    public static Reply Unauthorized() =>
        Reply.Empty(401).WithHeader("WWW-Authenticate", "Basic Realm=\"django-tastypie\"") with { Source = ReplySource.AuthFailure };

    /// <summary>"Basic &lt;base64(user:password)&gt;": scheme case-insensitive, exactly two whitespace-separated parts.</summary>
    private static bool BasicSucceeds(StorageRequest request, ReferenceServerOptions options, bool acceptBadKey)
    {
        var parts = (request.Header("Authorization") ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 2 || !parts[0].Equals("basic", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        // Python's non-validating b64decode drops characters outside the alphabet.
        var data = new string(parts[1].Where(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '/' or '=').ToArray());
        var buffer = new byte[data.Length];
        if (!Convert.TryFromBase64String(data, buffer, out var written))
        {
            return false;
        }
        string userPass;
        try
        {
            userPass = new UTF8Encoding(false, true).GetString(buffer, 0, written);
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
        var bits = userPass.Split(':', 2);
        return bits.Length == 2 && bits[0].Length > 0 && bits[1].Length > 0
            && bits[0] == options.User && (bits[1] == options.Password || acceptBadKey);
    }

    /// <summary>
    /// "ApiKey user:key" (split once on the first space, scheme case-insensitive, remainder split once on
    /// the first colon, nothing trimmed). No colon is a failure without fallback; a missing header, a
    /// header without a space or with another scheme falls back to username/api_key from the query
    /// string, then the POST form. Faults: <see cref="Fault.IgnoreHeaderAuth"/> treats the header as
    /// absent, <see cref="Fault.IgnoreQueryAuth"/> skips the query string.
    /// </summary>
    private static bool ApiKeySucceeds(StorageRequest request, ReferenceServerOptions options, CredentialFaults faults)
    {
        string? username;
        string? apiKey;
        var header = faults.IgnoreHeader ? "" : request.Header("Authorization") ?? "";
        var space = header.IndexOf(' ', StringComparison.Ordinal);
        if (header.Length > 0 && space >= 0 && header[..space].Equals("apikey", StringComparison.OrdinalIgnoreCase))
        {
            var bits = header[(space + 1)..].Split(':', 2);
            if (bits.Length != 2)
            {
                return false;
            }
            (username, apiKey) = (bits[0], bits[1]);
        }
        else
        {
            username = OrElse(faults.IgnoreQuery ? null : request.Query.Get("username"), request.Form.Get("username"));
            apiKey = OrElse(faults.IgnoreQuery ? null : request.Query.Get("api_key"), request.Form.Get("api_key"));
        }
        return !string.IsNullOrEmpty(username) && !string.IsNullOrEmpty(apiKey)
            && username == options.User && (apiKey == options.ApiKey || faults.AcceptBadKey);
    }

    /// <summary>No Authorization header and no username/api_key anywhere: what <see cref="Fault.AcceptNoCredentials"/> lets in.</summary>
    private static bool CarriesNoCredentials(StorageRequest request) =>
        request.Header("Authorization") is null
        && string.IsNullOrEmpty(OrElse(request.Query.Get("username"), request.Form.Get("username")))
        && string.IsNullOrEmpty(OrElse(request.Query.Get("api_key"), request.Form.Get("api_key")));

    /// <summary>Python's "a or b": an empty first value falls through to the second.</summary>
    private static string? OrElse(string? first, string? second) => string.IsNullOrEmpty(first) ? second : first;
}
