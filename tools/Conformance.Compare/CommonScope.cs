namespace Conformance.Compare;

/// <summary>
/// Two statements narrowed to what both runs exercised (--only-exercised-by-both), for runs that
/// could not reach the same parts of a target: a run over HTTP cannot arrange what the embedded
/// server arranges in-process (an uploaded AIP, a completed ingest), so those endpoints' cases are
/// inconclusive there, and the hostile probes aimed at them meet a 404 instead of a 400. Kept: cases
/// judged in both runs, on endpoints whose every applicable auth-matrix cell both runs judged (and
/// cases of no endpoint: workflows, pagination, preflight). Coverage is then not compared.
/// </summary>
public static class CommonScope
{
    public const string Option = "--only-exercised-by-both";

    public static (StatementFile Before, StatementFile After, string Summary) Of(StatementFile before, StatementFile after)
    {
        var endpoints = before.FullyExercised.Intersect(after.FullyExercised, StringComparer.Ordinal).ToHashSet(StringComparer.Ordinal);
        var rows = before.MatrixRows.Union(after.MatrixRows, StringComparer.Ordinal).ToHashSet(StringComparer.Ordinal);
        var tests = before.Cases.Keys
            .Where(t => after.Cases.TryGetValue(t, out var later) && later.Exercised && before.Cases[t].Exercised
                && (EndpointOf(before.Cases[t].Case, rows) is not { } endpoint || endpoints.Contains(endpoint)))
            .ToHashSet(StringComparer.Ordinal);

        StatementFile Narrow(StatementFile s)
        {
            var cases = s.Cases.Where(c => tests.Contains(c.Key)).ToDictionary(c => c.Key, c => c.Value, StringComparer.Ordinal);
            return s with
            {
                Cases = cases,
                Endpoints = s.Endpoints.Where(endpoints.Contains).ToHashSet(StringComparer.Ordinal),
                KnownDeviations = cases.Values.SelectMany(c => c.KnownDeviations).ToHashSet(StringComparer.Ordinal),
                Exercised = 0,
                Applicable = 0,
            };
        }

        var summary = $"Compared only what both runs exercised ({Option}): {tests.Count} cases (of {before.Cases.Count} earlier, {after.Cases.Count} later), "
            + $"on the {endpoints.Count} of {rows.Count} endpoints whose every applicable auth-matrix cell both runs judged, and cases of no endpoint; coverage not compared.";
        return (Narrow(before), Narrow(after), summary);
    }

    // "ss.file.delete_aip@v2, hostile json pipeline: sql-injection" -> "ss.file.delete_aip@v2"; null for a case of no matrix row.
    private static string? EndpointOf(string caseName, IReadOnlySet<string> rows)
    {
        var comma = caseName.IndexOf(", ", StringComparison.Ordinal);
        var first = comma < 0 ? caseName : caseName[..comma];
        return rows.Contains(first) ? first : null;
    }
}
