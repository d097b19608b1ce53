using FluentAssertions;
using NUnit.Framework;

namespace Conformance.SelfTests.Checks;

/// <summary>FLOW-01: a step's promised effect, and one a poll never saw.</summary>
[Parallelizable(ParallelScope.All)]
public sealed class WorkflowEffectTests
{
    [Test]
    public void Passes_with_the_passed_message_when_the_effect_holds() =>
        WorkflowEffect.Check(true, "listed", "not listed").Should().Be(CheckResult.Pass(Requirement.WorkflowEffect, "listed"));

    [Test]
    public void Fails_with_the_failed_message_when_it_does_not() =>
        WorkflowEffect.Check(false, "listed", "not listed").Should().Be(CheckResult.Fail(Requirement.WorkflowEffect, "not listed"));

    [Test]
    public void An_effect_never_visible_within_the_bounds_fails() =>
        WorkflowEffect.NeverVisible("3 status reads in 1.0 s: PROCESSING", "bounds: PollAttempts=3")
            .Should().Match<CheckResult>(r => !r.Passed && r.Requirement.Id == "FLOW-01" && r.Message == "still not visible after 3 status reads in 1.0 s: PROCESSING (bounds: PollAttempts=3)");
}
