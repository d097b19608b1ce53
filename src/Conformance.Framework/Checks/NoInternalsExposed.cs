namespace Conformance.Framework.Checks;

/// <summary>INPUT-02: no answer is a debug page or carries a stack trace, a database error or a server-side source path (<see cref="LeakScanner"/>).</summary>
public static class NoInternalsExposed
{
    public static CheckResult Check(Exchange x) => LeakScanner.Find(x.Body) is { } leak
        ? CheckResult.Fail(Requirement.NoInternalsExposed, $"the answer carries {leak.What}: «{leak.Evidence}»")
        : CheckResult.Pass(Requirement.NoInternalsExposed, "no debug page, stack trace, database error or source path");
}
