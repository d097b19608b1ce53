using NUnit.Framework;

namespace Conformance.Tests;

/// <summary>Hostile-input probes on read-only endpoints: the request cannot change anything on a correct server, so they run on any target, in parallel.</summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
[Category(Categories.HostileInput)]
public sealed class ReadOnlyHostileInputs
{
    public static IEnumerable<TestCaseData> Cases() => HostileCases.For(p => p.Tier == Tier.ReadOnly);

    [TestCaseSource(nameof(Cases))]
    public async Task Is_refused(HostileProbe probe) => (await SentAhead.VerdictAsync(name => Suite.SendAsync(probe, name))).Should().Pass();
}

/// <summary>Hostile-input probes on write endpoints: in the endpoint's tier and, on a configured target, only with AllowHostileWrites; one at a time, with reads before and after that must not change.</summary>
[TestFixture]
[NonParallelizable]
[Category(Categories.HostileInput)]
public sealed class WriteHostileInputs
{
    public static IEnumerable<TestCaseData> Cases() => HostileCases.For(p => p.Tier != Tier.ReadOnly);

    [TestCaseSource(nameof(Cases))]
    public async Task Is_refused(HostileProbe probe) => (await Suite.RunAsync(probe, TestContext.CurrentContext.Test.FullName)).Should().Pass();
}

internal static class HostileCases
{
    private static readonly Lazy<HostileInputCatalogue> Inputs = new(() => HostileInputCatalogue.Load(Suite.FromOutput("fixtures", "hostile-inputs.json")));

    public static IEnumerable<TestCaseData> For(Func<HostileProbe, bool> include) =>
        ProbeFactory.All(Suite.Catalogue, Inputs.Value).Where(include).Select(p =>
        {
            var data = new TestCaseData(p).SetName($"{{m}}({p.Name})")
                .SetCategory(p.Service.CatalogueName()).SetCategory(p.Tier.Name())
                .SetCategory("resource-" + p.Endpoint.Resource).SetCategory("probe-" + p.Kind);
            if (p.ApiVersion is not null)
            {
                data.SetCategory("api-" + p.ApiVersion);
            }

            return data.SetProperty("Endpoint", p.Endpoint.Id);
        });
}
