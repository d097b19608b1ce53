using NUnit.Framework;

namespace Conformance.Tests;

/// <summary>Every read-only case: auth matrix, error cases, 405 probes and slash redirects. Safe on any target, so fully parallel.</summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class ReadOnlyEndpoints
{
    public static IEnumerable<TestCaseData> Cases() => Suite.TestCases(c => c.Tier == Tier.ReadOnly);

    [TestCaseSource(nameof(Cases))]
    public async Task Answers_per_contract(ConformanceCase testCase) => (await SentAhead.VerdictAsync(name => Suite.SendAsync(testCase, name))).Should().Pass();
}
