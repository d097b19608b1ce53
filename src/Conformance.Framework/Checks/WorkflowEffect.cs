namespace Conformance.Framework.Checks;

/// <summary>
/// FLOW-01: a workflow step has the effect the contract promises, visible to the reads that follow.
/// What a step promises is the workflow's own (its definition states the condition and both
/// messages); this judges it, and an effect a poll never saw.
/// </summary>
public static class WorkflowEffect
{
    public static CheckResult Check(bool holds, string passed, string failed) =>
        new(Requirement.WorkflowEffect, holds, holds ? passed : failed);

    /// <summary>An acknowledged change that reads did not show within the poll's bounds.</summary>
    public static CheckResult NeverVisible(string history, string bounds) =>
        CheckResult.Fail(Requirement.WorkflowEffect, $"still not visible after {history} ({bounds})");
}
