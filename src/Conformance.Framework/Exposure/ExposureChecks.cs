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

/// <summary>
/// One exposure check of one service: a case like any other, for the <see cref="Executor"/>. Its
/// verdict holds the check's result (none where the check does not apply); a failed result is a
/// warning, not a failure (<see cref="ExposureChecks.Warning"/>).
/// </summary>
public sealed record ExposureCheck(ServiceKind Service, string Check) : ISuiteCase
{
    public string Name => $"{Service.CatalogueName()}, {Check}";

    public Tier Tier => Tier.ReadOnly;

    public IReadOnlyList<ServiceKind> Services => [Service];

    public Endpoint? Endpoint => null;

    public bool Hostile => false;

    public bool PresentsWrongCredentials => false;

    public Task<Prepared> PrepareAsync(ConformanceSession session, CancellationToken cancellationToken)
    {
        var client = session.Client(Service)!;
        var baseUrl = client.Endpoint.BaseUrl;
        var plan = ExposureChecks.ProbePlan(Service);
        // Plain HTTP is judged from the URL alone; the query-key read is sent only where it tells
        // something: plain HTTP to another host (over HTTPS or loopback the key is not exposed in transit).
        var sends = Check != ExposureChecks.PlainHttp && (Check != ExposureChecks.QueryKeyOverPlainHttp || PlainHttpNotExposed.IsExposed(baseUrl));
        var line = sends ? $"GET {baseUrl.ToString().TrimEnd('/')}{plan.Path}  [{Tier.Name()}, auth {(Check == ExposureChecks.QueryKeyOverPlainHttp ? AuthMode.Query : AuthMode.Header)}, {Check}]" : null;
        return Task.FromResult(Prepared.Ready(line, async (testName, ct) =>
        {
            var result = Check switch
            {
                ExposureChecks.PlainHttp => PlainHttpNotExposed.Check(baseUrl),
                ExposureChecks.QueryKeyOverPlainHttp when sends =>
                    QueryKeyRefusedOverPlainHttp.Check(baseUrl, await client.SendAsync(plan, AuthMode.Query, testName, ct)),
                ExposureChecks.QueryKeyOverPlainHttp => null,
                ExposureChecks.ServerHeader => ServerHeaderNamesNoVersion.Check(await client.SendAsync(plan, AuthMode.Header, testName, ct)),
                _ => CorsRefusesForeignCredentials.Check(
                    await client.SendAsync(ExposureChecks.ProbePlan(Service, new KeyValuePair<string, string>("Origin", ExposureChecks.ForeignOrigin)), AuthMode.Header, testName, ct),
                    ExposureChecks.ForeignOrigin),
            };
            return Judgements.Of(new Verdict { Results = result is null ? [] : [result] });
        }));
    }
}
