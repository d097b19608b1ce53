namespace Conformance.Framework.Reports.Statement;

/// <summary>
/// What became of one test, in the statement's words. Every outcome but <see cref="Passed"/> and
/// <see cref="Failed"/> is "skipped" in TRX and JUnit; <see cref="Advisory"/> is an exposure warning
/// (docs/requirements.md, "Advisories"), which no requirement covers.
/// </summary>
public enum CaseOutcome
{
    Passed,
    Failed,
    KnownDeviation,
    Inconclusive,
    NotRun,
    Advisory,
}

public static class CaseOutcomes
{
    /// <summary>The name used in the JSON and the HTML: "passed", "failed", "known deviation", "inconclusive", "not run", "advisory".</summary>
    public static string Text(this CaseOutcome outcome) => outcome switch
    {
        CaseOutcome.KnownDeviation => "known deviation",
        CaseOutcome.NotRun => "not run",
        _ => outcome.ToString().ToLowerInvariant(),
    };

    public static CaseOutcome Parse(string text) =>
        Enum.GetValues<CaseOutcome>().FirstOrDefault(o => o.Text() == text, CaseOutcome.NotRun);

    /// <summary>The case reached the target and was judged: what coverage counts.</summary>
    public static bool Exercised(this CaseOutcome outcome) => outcome is CaseOutcome.Passed or CaseOutcome.Failed or CaseOutcome.KnownDeviation;
}
