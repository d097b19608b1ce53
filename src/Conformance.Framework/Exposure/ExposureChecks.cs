using System.Net;
using System.Text.RegularExpressions;

namespace Conformance.Framework.Exposure;

/// <summary>
/// Transport and exposure checks the contract does not make requirements of, reported as warnings:
/// plain HTTP to a host that is not loopback, API keys accepted in the query string over plain HTTP,
/// a Server (or X-Powered-By) header that names versions, and CORS that lets any origin send
/// credentials. The judgements are pure functions of the base URL and an exchange; the self-tests
/// feed them hand-made ones.
/// </summary>
public static partial class ExposureChecks
{
    public const string PlainHttp = "plain-http";
    public const string QueryKeyOverPlainHttp = "query-key-over-plain-http";
    public const string ServerHeader = "server-header";
    public const string CorsWithCredentials = "cors-credentials";

    /// <summary>The Origin the CORS check presents: a site no target can trust.</summary>
    public const string ForeignOrigin = "https://conformance-probe.invalid";

    public static IReadOnlyList<string> All { get; } = [PlainHttp, QueryKeyOverPlainHttp, ServerHeader, CorsWithCredentials];

    /// <summary>What each check looks for, for test descriptions and the README.</summary>
    public static string Describe(string check) => check switch
    {
        PlainHttp => "the service is reached over HTTPS unless it is on this machine (loopback)",
        QueryKeyOverPlainHttp => "over plain HTTP to another host, API keys in the query string (logged by proxies, kept in browser history) are refused",
        ServerHeader => "Server and X-Powered-By headers name no software versions",
        CorsWithCredentials => "CORS does not let any origin (a wildcard or the Origin sent back) make credentialed requests",
        _ => throw new ArgumentOutOfRangeException(nameof(check)),
    };

    /// <summary>True when plain HTTP can be read by others on the way: the host is not loopback.</summary>
    public static bool IsExposedPlainHttp(Uri baseUrl) => baseUrl.Scheme == Uri.UriSchemeHttp && !IsLoopback(baseUrl);

    /// <summary>A warning when the base URL is plain HTTP to a non-loopback host.</summary>
    public static string? JudgePlainHttp(Uri baseUrl) => IsExposedPlainHttp(baseUrl)
        ? $"{baseUrl.GetLeftPart(UriPartial.Authority)} is plain HTTP to a host that is not loopback: API keys and data cross the network readable by anyone on the way; use HTTPS"
        : null;

    /// <summary>A warning when a request with the key in the query string was accepted over exposed plain HTTP.</summary>
    public static string? JudgeQueryKey(Uri baseUrl, Exchange queryAuthenticated) =>
        IsExposedPlainHttp(baseUrl) && queryAuthenticated.TransportError is null && queryAuthenticated.Status is >= 200 and < 300
            ? $"{queryAuthenticated.Method} {queryAuthenticated.Url} with ?username=&api_key= over plain HTTP answered {queryAuthenticated.Status}: the key travels in the clear and lands in proxy and server logs"
            : null;

    /// <summary>A warning when Server or X-Powered-By carries a version number.</summary>
    public static string? JudgeServerHeader(Exchange x)
    {
        var disclosed = new[] { "Server", "X-Powered-By", "X-AspNet-Version", "X-Runtime-Version" }
            .Select(name => (Name: name, Value: x.Header(name)))
            .Where(h => h.Value is not null && Version().IsMatch(h.Value))
            .Select(h => $"{h.Name}: {h.Value}")
            .ToList();
        return disclosed.Count == 0 ? null : $"{string.Join("; ", disclosed)} tells anyone which versions to look up vulnerabilities for";
    }

    /// <summary>A warning when CORS answers a foreign Origin with a wildcard or that origin, and allows credentials.</summary>
    public static string? JudgeCors(Exchange x, string origin)
    {
        var allowOrigin = x.Header("Access-Control-Allow-Origin");
        var allowCredentials = x.Header("Access-Control-Allow-Credentials");
        var anyOrigin = allowOrigin is not null && (allowOrigin.Trim() == "*" || string.Equals(allowOrigin.Trim(), origin, StringComparison.OrdinalIgnoreCase));
        return anyOrigin && string.Equals(allowCredentials?.Trim(), "true", StringComparison.OrdinalIgnoreCase)
            ? $"Access-Control-Allow-Origin: {allowOrigin} with Access-Control-Allow-Credentials: true for Origin {origin}: any web site can make requests with its visitors' credentials"
            : null;
    }

    private static bool IsLoopback(Uri url) =>
        url.IsLoopback || (IPAddress.TryParse(url.DnsSafeHost, out var address) && IPAddress.IsLoopback(address));

    /// <summary>The plan of the one read each service's checks send: a small list that any user may read.</summary>
    public static RequestPlan ProbePlan(ServiceKind service, params KeyValuePair<string, string>[] headers) => service == ServiceKind.Archivematica
        ? new RequestPlan { Method = "GET", Path = "/api/transfer/completed", Headers = headers }
        : new RequestPlan { Method = "GET", Path = "/api/v2/pipeline/", Query = [new("limit", "1")], Headers = headers };

    [GeneratedRegex(@"\d+\.\d+")]
    private static partial Regex Version();
}
