namespace Conformance.Framework.Verdicts;

/// <summary>The outcome of one check on one exchange.</summary>
public sealed record CheckResult(Requirement Requirement, bool Passed, string Message)
{
    public static CheckResult Pass(Requirement requirement, string message) => new(requirement, true, message);

    public static CheckResult Fail(Requirement requirement, string message) => new(requirement, false, message);

    public override string ToString() => $"[{Requirement.Id}] {(Passed ? "ok" : "FAILED")}: {Message}";
}
