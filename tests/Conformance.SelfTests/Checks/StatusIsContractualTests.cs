using FluentAssertions;
using NUnit.Framework;

namespace Conformance.SelfTests.Checks;

/// <summary>STATUS-01, and the requirements whose clause is a status (named by the caller).</summary>
[Parallelizable(ParallelScope.All)]
public sealed class StatusIsContractualTests
{
    [Test]
    public void Passes_on_the_contracts_status() =>
        StatusIsContractual.Check(Exchanges.CompletedTransfers(), 200, Requirement.Status).Passed.Should().BeTrue();

    [Test]
    public void Fails_on_a_wrong_status()
    {
        var result = StatusIsContractual.Check(Exchanges.CompletedTransfers(status: 500), 200, Requirement.Status);
        result.Should().Match<CheckResult>(r => !r.Passed && r.Requirement.Id == "STATUS-01");
        result.Message.Should().Contain("expected status 200, got 500");
    }

    [Test]
    public void Fails_under_the_requirement_it_is_given() =>
        StatusIsContractual.Check(Exchanges.CompletedTransfers(status: 200), 403, Requirement.NoCredentialsRejected)
            .Should().Match<CheckResult>(r => !r.Passed && r.Requirement.Id == "AUTH-05");
}
