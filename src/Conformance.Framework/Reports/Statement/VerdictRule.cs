namespace Conformance.Framework.Reports.Statement;

/// <summary>The statement's verdict, by a rule stated in the statement itself (and in the README).</summary>
public static class VerdictRule
{
    public const string Conformant = "conformant";
    public const string ConformantWithKnownDeviations = "conformant with known deviations";
    public const string NotConformant = "not conformant";
    public const string Incomplete = "incomplete";

    public const string Rule =
        "Not conformant when any requirement has a failure no known deviation covers (a failure is a finding whatever else ran); " +
        "else incomplete when fewer than all endpoint × auth-mode cells applicable to the target's versions were exercised (passed, failed or known deviation), " +
        "or when the suite itself failed on a test; else conformant with known deviations when a known deviation covered a failure; else conformant.";

    public static StatementVerdict Decide(Coverage coverage, IReadOnlyList<RequirementRow> requirements, IReadOnlyList<CaseRecord> records)
    {
        var failing = requirements.Where(r => r.Failed > 0).Select(r => r.Id).ToList();
        var suiteErrors = records.Where(r => r.SuiteError).Select(r => r.Test).ToList();
        var deviations = records.SelectMany(r => r.Deviations).Distinct().OrderBy(d => d.Case, StringComparer.Ordinal).ThenBy(d => d.Requirement, StringComparer.Ordinal).ToList();
        var figure = $"{coverage.Exercised} of {coverage.Applicable} applicable endpoint × auth-mode cells exercised ({coverage.Percent:0.0} %)";

        var (kind, line) = true switch
        {
            _ when failing.Count > 0 => (NotConformant, $"Not conformant: requirements with unexplained failures: {string.Join(", ", failing)} ({figure})."),
            _ when coverage.Exercised < coverage.Applicable || coverage.Applicable == 0 || suiteErrors.Count > 0 =>
                (Incomplete, $"Incomplete: {figure}" + (suiteErrors.Count > 0 ? $"; {suiteErrors.Count} tests failed inside the suite" : string.Empty) + "."),
            _ when deviations.Count > 0 => (ConformantWithKnownDeviations,
                $"Conformant with known deviations: {deviations.Count} known deviations matched ({string.Join("; ", deviations.Select(d => $"{d.Case} [{d.Requirement}]"))}); {figure}."),
            _ => (Conformant, $"Conformant: every requirement held; {figure}."),
        };
        return new StatementVerdict(kind, line, Rule, coverage, failing, suiteErrors, deviations);
    }
}
