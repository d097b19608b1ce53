namespace Conformance.Framework.Checks;

/// <summary>
/// FLOW-02: an asynchronous operation the target accepted does not fail. Judged on the poll's last
/// state; still processing is not applicable (null): the poll's bounds decide, never a bare timeout.
/// </summary>
public static class WorkflowFinishes
{
    public static CheckResult? Check(PollState state, string history) => state switch
    {
        PollState.Finished => CheckResult.Pass(Requirement.WorkflowFinishes, $"finished after {history}"),
        PollState.Failed => CheckResult.Fail(Requirement.WorkflowFinishes, $"FAILED after {history}"),
        _ => null,
    };
}
