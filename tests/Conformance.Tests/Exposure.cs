using Conformance.Framework.Cases;
using Conformance.Framework.Configuration;
using Conformance.Framework.Exposure;
using Conformance.Framework.Http;
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
        var session = Suite.Session;
        if (Suite.PreflightFailure is not null || session is null)
        {
            Assert.Ignore("not run: the preflight check failed (see the test Target_is_reachable_and_accepts_the_credentials)");
        }

        var client = session!.Client(service);
        if (client is null)
        {
            Assert.Ignore(CaseRunner.NotConfiguredReason(service));
        }

        if (session.Settings.DryRun && check != ExposureChecks.PlainHttp)
        {
            Assert.Ignore($"DRY RUN: would send GET {ExposureChecks.ProbePlan(service).Path} to check {check}");
        }

        var baseUrl = client!.Endpoint.BaseUrl;
        var testName = TestContext.CurrentContext.Test.FullName;
        var warning = check switch
        {
            ExposureChecks.PlainHttp => ExposureChecks.JudgePlainHttp(baseUrl),
            // Sent only where it tells something: plain HTTP to another host. Over HTTPS or loopback the key is not exposed in transit.
            ExposureChecks.QueryKeyOverPlainHttp when ExposureChecks.IsExposedPlainHttp(baseUrl) =>
                ExposureChecks.JudgeQueryKey(baseUrl, await client.SendAsync(ExposureChecks.ProbePlan(service), AuthMode.Query, testName)),
            ExposureChecks.QueryKeyOverPlainHttp => null,
            ExposureChecks.ServerHeader => ExposureChecks.JudgeServerHeader(await client.SendAsync(ExposureChecks.ProbePlan(service), AuthMode.Header, testName)),
            _ => ExposureChecks.JudgeCors(
                await client.SendAsync(ExposureChecks.ProbePlan(service, new KeyValuePair<string, string>("Origin", ExposureChecks.ForeignOrigin)), AuthMode.Header, testName),
                ExposureChecks.ForeignOrigin),
        };

        if (warning is not null)
        {
            Assert.Warn($"EXPOSURE ({check}): {warning}");
        }
        else
        {
            TestContext.Out.WriteLine($"{check}: {ExposureChecks.Describe(check)}: nothing to warn about at {baseUrl}");
        }
    }
}
