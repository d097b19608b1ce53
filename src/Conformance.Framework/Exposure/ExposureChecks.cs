namespace Conformance.Framework.Exposure;

/// <summary>
/// Transport and exposure checks the contract does not make requirements of, reported as warnings:
/// plain HTTP to a host that is not loopback, API keys accepted in the query string over plain HTTP,
/// a Server (or X-Powered-By) header that names versions, and CORS that lets any origin send
/// credentials. This names them and the one read each sends; the judgements are in Checks/
/// (<see cref="Advisory"/>), pure functions of the base URL and an exchange.
/// </summary>
public static class ExposureChecks
{
    public const string PlainHttp = "plain-http";
    public const string QueryKeyOverPlainHttp = "query-key-over-plain-http";
    public const string ServerHeader = "server-header";
    public const string CorsWithCredentials = "cors-credentials";

    /// <summary>The Origin the CORS check presents: a site no target can trust.</summary>
    public const string ForeignOrigin = "https://conformance-probe.invalid";

    public static IReadOnlyList<string> All { get; } = [PlainHttp, QueryKeyOverPlainHttp, ServerHeader, CorsWithCredentials];

    /// <summary>What each check looks for, for test descriptions and the README.</summary>
    public static string Describe(string check) =>
        Advisory.All.FirstOrDefault(a => a.Id == check)?.Shall ?? throw new ArgumentOutOfRangeException(nameof(check));

    /// <summary>The warning a check's result gives: its message when it failed, else none.</summary>
    public static string? Warning(CheckResult? result) => result is { Passed: false } ? result.Message : null;

    /// <summary>The plan of the one read each service's checks send: a small list that any user may read.</summary>
    public static RequestPlan ProbePlan(ServiceKind service, params KeyValuePair<string, string>[] headers) => service == ServiceKind.Archivematica
        ? new RequestPlan { Method = "GET", Path = "/api/transfer/completed", Headers = headers }
        : new RequestPlan { Method = "GET", Path = "/api/v2/pipeline/", Query = [new("limit", "1")], Headers = headers };
}
