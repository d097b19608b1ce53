using NUnit.Framework;

namespace Conformance.Tests;

/// <summary>
/// Every mutating and destructive case. They run one at a time and alone: a bulk hide must not race
/// a single hide, and the target's state must be what the case arranged.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class WriteEndpoints
{
    public static IEnumerable<TestCaseData> Cases() => Suite.TestCases(c => c.Tier != Tier.ReadOnly);

    [TestCaseSource(nameof(Cases))]
    public async Task Answers_per_contract(ConformanceCase testCase) => (await Suite.RunAsync(testCase, TestContext.CurrentContext.Test.FullName)).Should().Pass();
}
