using FluentAssertions;
using FluentAssertions.Execution;
using FluentAssertions.Primitives;
using NUnit.Framework;

namespace Conformance.Framework.Verdicts;

public static class VerdictAssertionExtensions
{
    public static VerdictAssertions Should(this Verdict verdict) => new(verdict);
}

/// <summary>
/// Turns a verdict into the NUnit outcome: passed, failed (with every failed requirement and the
/// redacted exchange), ignored (a setting or service is missing) or inconclusive (nothing to test with).
/// </summary>
public sealed class VerdictAssertions(Verdict verdict) : ReferenceTypeAssertions<Verdict, VerdictAssertions>(verdict)
{
    protected override string Identifier => "verdict";

    [CustomAssertion]
    public AndConstraint<VerdictAssertions> Pass()
    {
        Reports.TestVerdict.Attach(Subject);
        switch (Subject.NotRun)
        {
            case NotRunKind.Ignored:
                Assert.Ignore(Subject.NotRunReason ?? "not run");
                break;
            case NotRunKind.Inconclusive:
                // Reported as skipped, not as NUnit's Inconclusive: the JUnit logger has no such
                // outcome and would list the test as passed. The prefix keeps the distinction.
                Assert.Ignore("INCONCLUSIVE: " + (Subject.NotRunReason ?? "could not be exercised"));
                break;
        }

        if (!Subject.Passed && Subject.KnownDeviations.Count > 0)
        {
            // Visible and counted as a warning, never passed: the release is known to fail this.
            Assert.Warn("KNOWN-DEVIATION: " + string.Join("; ", Subject.KnownDeviations.Select(d => $"{d.Reason} ({d.Link})")) + Environment.NewLine + Subject.Describe());
            return new AndConstraint<VerdictAssertions>(this);
        }

        Execute.Assertion
            .ForCondition(Subject.Results.Count > 0)
            .FailWith("No check ran: a verdict without results cannot pass.")
            .Then
            .ForCondition(Subject.Passed)
            .FailWith(Literal(Subject.Describe()));
        TestContext.Out.WriteLine(string.Join(Environment.NewLine, Subject.Results));
        return new AndConstraint<VerdictAssertions>(this);
    }

    [CustomAssertion]
    public AndConstraint<VerdictAssertions> FailWith(string requirementId)
    {
        Execute.Assertion
            .ForCondition(Subject.Failures.Any(f => f.Requirement.Id == requirementId))
            .FailWith(Literal($"Expected a failure of {requirementId}, but the verdict was:\n{(Subject.Passed ? "passed" : Subject.NotRun != NotRunKind.None ? Subject.NotRunReason : Subject.Describe())}"));
        return new AndConstraint<VerdictAssertions>(this);
    }

    // FluentAssertions treats braces as placeholders; the message is already complete.
    private static string Literal(string message) => message.Replace("{", "{{", StringComparison.Ordinal).Replace("}", "}}", StringComparison.Ordinal);
}
