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
        var verdict = await SentAhead.VerdictAsync(name => Suite.SendAsync(new ExposureCheck(service, check), name));
        if (verdict.NotRunReason is { } reason)
        {
            Assert.Ignore(reason);
        }

        if (ExposureChecks.Warning(verdict.Results.SingleOrDefault()) is { } warning)
        {
            Assert.Warn($"EXPOSURE ({check}): {warning}");
        }
        else
        {
            var baseUrl = Suite.Target.SessionFor(Tier.ReadOnly)?.Client(service)?.Endpoint.BaseUrl;
            TestContext.Out.WriteLine($"{check}: {ExposureChecks.Describe(check)}: nothing to warn about at {baseUrl}");
        }
    }
}
