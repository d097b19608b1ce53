namespace Conformance.Compare;

public sealed record CaseChange(string Test, CaseLine? Before, CaseLine? After)
{
    /// <summary>Worse: a case that passed (or failed only as a known deviation) now fails.</summary>
    public bool IsRegression => Before?.Outcome is "passed" or "known deviation" && After?.Outcome == "failed";
}

/// <summary>What differs between an earlier and a later statement, and whether the later run is worse.</summary>
public sealed record StatementDifference(
    IReadOnlyList<CaseChange> OutcomeChanged,
    IReadOnlyList<CaseChange> AnswerChanged,
    IReadOnlyList<string> CasesAdded,
    IReadOnlyList<string> CasesRemoved,
    IReadOnlyList<string> EndpointsAppeared,
    IReadOnlyList<string> EndpointsDisappeared,
    IReadOnlyList<string> DeviationsStarted,
    IReadOnlyList<string> DeviationsStopped,
    bool CoverageFell)
{
    public bool IsEmpty => OutcomeChanged.Count + AnswerChanged.Count + CasesAdded.Count + CasesRemoved.Count + EndpointsAppeared.Count
        + EndpointsDisappeared.Count + DeviationsStarted.Count + DeviationsStopped.Count == 0 && !CoverageFell;

    public bool LaterIsWorse => CoverageFell || OutcomeChanged.Any(c => c.IsRegression);

    public static StatementDifference Between(StatementFile before, StatementFile after)
    {
        var common = before.Cases.Keys.Intersect(after.Cases.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return new StatementDifference(
            common.Where(t => before.Cases[t].Outcome != after.Cases[t].Outcome).Select(t => new CaseChange(t, before.Cases[t], after.Cases[t])).ToList(),
            common.Where(t => before.Cases[t].Outcome == after.Cases[t].Outcome && !before.Cases[t].SameAnswer(after.Cases[t]))
                .Select(t => new CaseChange(t, before.Cases[t], after.Cases[t])).ToList(),
            after.Cases.Keys.Except(before.Cases.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(),
            before.Cases.Keys.Except(after.Cases.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(),
            after.Endpoints.Except(before.Endpoints, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(),
            before.Endpoints.Except(after.Endpoints, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(),
            after.KnownDeviations.Except(before.KnownDeviations, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(),
            before.KnownDeviations.Except(after.KnownDeviations, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(),
            after.Exercised < before.Exercised || after.Coverage < before.Coverage);
    }
}
