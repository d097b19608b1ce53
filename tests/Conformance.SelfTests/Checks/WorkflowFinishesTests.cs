using FluentAssertions;
using NUnit.Framework;

namespace Conformance.SelfTests.Checks;

/// <summary>FLOW-02: finished passes, failed fails, still processing is for the poll's bounds to decide.</summary>
[Parallelizable(ParallelScope.All)]
public sealed class WorkflowFinishesTests
{
    [Test]
    public void Finished_passes() =>
        WorkflowFinishes.Check(PollState.Finished, "2 status reads").Should().Be(CheckResult.Pass(Requirement.WorkflowFinishes, "finished after 2 status reads"));

    [Test]
    public void Failed_fails() =>
        WorkflowFinishes.Check(PollState.Failed, "2 status reads").Should().Match<CheckResult>(r => !r.Passed && r.Requirement.Id == "FLOW-02" && r.Message == "FAILED after 2 status reads");

    [Test]
    public void Still_processing_does_not_apply() => WorkflowFinishes.Check(PollState.Processing, "2 status reads").Should().BeNull();
}
