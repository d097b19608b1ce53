namespace Conformance.Framework.Checks;

/// <summary>
/// What the exposure checks look for: advice, not contract requirements (they are not in
/// <see cref="Requirement.All"/> nor in docs/requirements.md), so a failed one is reported as a
/// warning. The id is the check's name in test names ("plain-http").
/// </summary>
public static class Advisory
{
    public static readonly Requirement PlainHttp = new(ExposureChecks.PlainHttp, "the service is reached over HTTPS unless it is on this machine (loopback)");
    public static readonly Requirement QueryKeyOverPlainHttp = new(ExposureChecks.QueryKeyOverPlainHttp, "over plain HTTP to another host, API keys in the query string (logged by proxies, kept in browser history) are refused");
    public static readonly Requirement ServerHeader = new(ExposureChecks.ServerHeader, "Server and X-Powered-By headers name no software versions");
    public static readonly Requirement CorsWithCredentials = new(ExposureChecks.CorsWithCredentials, "CORS does not let any origin (a wildcard or the Origin sent back) make credentialed requests");

    public static IReadOnlyList<Requirement> All { get; } = [PlainHttp, QueryKeyOverPlainHttp, ServerHeader, CorsWithCredentials];
}
