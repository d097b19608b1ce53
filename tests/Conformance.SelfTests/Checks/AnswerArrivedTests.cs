using FluentAssertions;
using NUnit.Framework;

namespace Conformance.SelfTests.Checks;

/// <summary>TRANSPORT-01.</summary>
[Parallelizable(ParallelScope.All)]
public sealed class AnswerArrivedTests
{
    [Test]
    public void Passes_when_a_response_arrived() => AnswerArrived.Check(Exchanges.CompletedTransfers()).Passed.Should().BeTrue();

    [Test]
    public void Fails_when_no_response_arrived() =>
        AnswerArrived.Check(Exchanges.CompletedTransfers() with { TransportError = "Connection refused" })
            .Should().Match<CheckResult>(r => !r.Passed && r.Requirement.Id == "TRANSPORT-01" && r.Message == "no response: Connection refused");
}
