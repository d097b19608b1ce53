using NUnit.Framework;

namespace Conformance.Tests;

/// <summary>
/// Transport and exposure: warnings (Assert.Warn), not failures, because the contract does not make
/// them requirements. One read per check and service; read-only, so safe on any target.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
[Category(Categories.Exposure)]
[Category(Categories.ReadOnly)]
public sealed class Exposure
{
    public static IEnumerable<TestCaseData> Checks() =>
        from service in new[] { ServiceKind.Archivematica, ServiceKind.Storage }
        from check in ExposureChecks.All
        select new TestCaseData(service, check)
            .SetName($"{{m}}({service.CatalogueName()}, {check})")
            .SetDescription(ExposureChecks.Describe(check))
            .SetCategory(service.CatalogueName());

    [TestCaseSource(nameof(Checks))]
    public async Task Warns_about(ServiceKind service, string check)
    {
        var finding = await SentAhead.ResultAsync(name => LookAsync(service, check, name));
        if (finding.NotRun is { } reason)
        {
            Assert.Ignore(reason);
        }

        if (finding.Warning is { } warning)
        {
            Assert.Warn($"EXPOSURE ({check}): {warning}");
        }
        else
        {
            TestContext.Out.WriteLine($"{check}: {ExposureChecks.Describe(check)}: nothing to warn about at {finding.BaseUrl}");
        }
    }

    /// <summary>Sends what the check needs (at most one read) and judges the answer.</summary>
    public static async Task<ExposureFinding> LookAsync(ServiceKind service, string check, string testName)
    {
        if (Suite.Target.SessionFor(Tier.ReadOnly) is not { } session)
        {
            return ExposureFinding.NotRunBecause(Suite.PreflightFailedReason);
        }

        if (session.Client(service) is not { } client)
        {
            return ExposureFinding.NotRunBecause(CaseRunner.NotConfiguredReason(service));
        }

        if (session.Settings.DryRun && check != ExposureChecks.PlainHttp)
        {
            return ExposureFinding.NotRunBecause($"DRY RUN: would send GET {ExposureChecks.ProbePlan(service).Path} to check {check}");
        }

        var baseUrl = client.Endpoint.BaseUrl;
        var result = check switch
        {
            ExposureChecks.PlainHttp => PlainHttpNotExposed.Check(baseUrl),
            // Sent only where it tells something: plain HTTP to another host. Over HTTPS or loopback the key is not exposed in transit.
            ExposureChecks.QueryKeyOverPlainHttp when PlainHttpNotExposed.IsExposed(baseUrl) =>
                QueryKeyRefusedOverPlainHttp.Check(baseUrl, await client.SendAsync(ExposureChecks.ProbePlan(service), AuthMode.Query, testName)),
            ExposureChecks.QueryKeyOverPlainHttp => null,
            ExposureChecks.ServerHeader => ServerHeaderNamesNoVersion.Check(await client.SendAsync(ExposureChecks.ProbePlan(service), AuthMode.Header, testName)),
            _ => CorsRefusesForeignCredentials.Check(
                await client.SendAsync(ExposureChecks.ProbePlan(service, new KeyValuePair<string, string>("Origin", ExposureChecks.ForeignOrigin)), AuthMode.Header, testName),
                ExposureChecks.ForeignOrigin),
        };
        var warning = ExposureChecks.Warning(result);
        return new ExposureFinding(null, warning, baseUrl);
    }
}

/// <summary>What one exposure check found: not run (why), a warning, or nothing to warn about at the URL.</summary>
public sealed record ExposureFinding(string? NotRun, string? Warning, Uri? BaseUrl)
{
    public static ExposureFinding NotRunBecause(string reason) => new(reason, null, null);
}
