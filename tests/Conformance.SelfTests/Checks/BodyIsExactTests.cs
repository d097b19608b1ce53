using FluentAssertions;
using NUnit.Framework;

namespace Conformance.SelfTests.Checks;

/// <summary>BODY-02.</summary>
[Parallelizable(ParallelScope.All)]
public sealed class BodyIsExactTests
{
    private const string Exact = "{\"message\": \"API key not valid.\", \"error\": true}";

    [Test]
    public void Passes_on_the_exact_body() => BodyIsExact.Check(Exchanges.CompletedTransfers(body: Exact), Exact).Passed.Should().BeTrue();

    [Test]
    public void Fails_on_a_single_changed_byte() =>
        BodyIsExact.Check(Exchanges.CompletedTransfers(body: Exact.Replace(", ", ",", StringComparison.Ordinal)), Exact)
            .Should().Match<CheckResult>(r => !r.Passed && r.Requirement.Id == "BODY-02");
}
