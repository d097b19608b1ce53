namespace Conformance.Framework.Checks;

/// <summary>
/// STATUS-01: the status is the one the contract gives. The same comparison judges the requirements
/// whose clause is a status (an auth mode's, METHOD-01, SLASH-01, AUTH-09), named by the caller.
/// </summary>
public static class StatusIsContractual
{
    public static CheckResult Check(Exchange x, int expected, Requirement requirement) => x.Status == expected
        ? CheckResult.Pass(requirement, $"status {expected}")
        : CheckResult.Fail(requirement, $"expected status {expected}, got {x.Status} {x.Reason}");
}
