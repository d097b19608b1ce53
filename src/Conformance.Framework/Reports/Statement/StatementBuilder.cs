
namespace Conformance.Framework.Reports.Statement;

/// <summary>Turns the run's case records into a statement: requirement rows, the auth matrix, the verdict.</summary>
public static class StatementBuilder
{
    public const string NotApplicable = "not applicable";

    /// <summary>Where a matrix cell links to: the Allure report's page, from TestResults/ (README, "Conformance statement").</summary>
    public const string AllureReportPage = "../allure-report/index.html";

    public static ConformanceStatement Build(
        string runId, DateTimeOffset date, StatementTarget target, StatementSuite suite, StatementSettings settings,
        EndpointCatalogue catalogue, IReadOnlyDictionary<ServiceKind, string> versions, IReadOnlyList<CaseRecord> records)
    {
        var requirements = Requirement.All.Select(r => Row(r, records)).ToList();
        var matrix = Matrix(catalogue, versions, records);
        var cells = matrix.Rows.SelectMany(r => r.Cells).ToList();
        var coverage = new Coverage(cells.Count, cells.Count(c => c.Outcome != NotApplicable),
            cells.Count(c => c.Outcome != NotApplicable && CaseOutcomes.Parse(c.Outcome).Exercised()));
        return new ConformanceStatement
        {
            RunId = runId,
            Date = date.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
            Target = target,
            Suite = suite,
            Settings = settings,
            Verdict = VerdictRule.Decide(coverage, requirements, records),
            Totals = Totals(records),
            Requirements = requirements,
            Matrix = matrix,
            EndpointCoverage = EndpointCoverage.Of(catalogue, versions, records),
            Cases = records.Select(Entry).ToList(),
        };
    }

    public static OutcomeCounts Totals(IReadOnlyList<CaseRecord> records) => new()
    {
        Tests = records.Count,
        Passed = records.Count(r => r.Outcome == CaseOutcome.Passed),
        Failed = records.Count(r => r.Outcome == CaseOutcome.Failed),
        KnownDeviation = records.Count(r => r.Outcome == CaseOutcome.KnownDeviation),
        Inconclusive = records.Count(r => r.Outcome == CaseOutcome.Inconclusive),
        NotRun = records.Count(r => r.Outcome == CaseOutcome.NotRun),
        Advisory = records.Count(r => r.Outcome == CaseOutcome.Advisory),
    };

    /// <summary>
    /// How a case counts for one requirement it concerns: a check of it failed (failed, or known
    /// deviation when a known deviation covered the case), it held (passed), or the case never got
    /// to it (inconclusive, not run; a suite error counts as inconclusive: nothing was judged).
    /// </summary>
    public static CaseOutcome? For(CaseRecord record, string requirementId)
    {
        if (!record.Requirements.Contains(requirementId))
        {
            return null;
        }

        if (record.FailedRequirements.Contains(requirementId))
        {
            return record.Outcome == CaseOutcome.KnownDeviation ? CaseOutcome.KnownDeviation : CaseOutcome.Failed;
        }

        return record.Outcome switch
        {
            _ when record.SuiteError => CaseOutcome.Inconclusive,
            CaseOutcome.Passed or CaseOutcome.KnownDeviation => CaseOutcome.Passed,
            // A failed case without a failed check of this requirement: it held, unless nothing was checked at all (a failed preflight).
            CaseOutcome.Failed => record.FailedRequirements.Count == 0 ? CaseOutcome.Failed : CaseOutcome.Passed,
            CaseOutcome.Inconclusive => CaseOutcome.Inconclusive,
            CaseOutcome.Advisory => null,
            _ => CaseOutcome.NotRun,
        };
    }

    private static RequirementRow Row(Requirement requirement, IReadOnlyList<CaseRecord> records)
    {
        var outcomes = records.Select(r => For(r, requirement.Id)).Where(o => o is not null).ToList();
        int Count(CaseOutcome o) => outcomes.Count(x => x == o);
        return new RequirementRow(requirement.Id, requirement.Shall, Count(CaseOutcome.Passed), Count(CaseOutcome.Failed), Count(CaseOutcome.KnownDeviation),
            Count(CaseOutcome.Inconclusive), Count(CaseOutcome.NotRun));
    }

    private static StatementMatrix Matrix(EndpointCatalogue catalogue, IReadOnlyDictionary<ServiceKind, string> versions, IReadOnlyList<CaseRecord> records)
    {
        var byCase = records.Where(r => r.MatrixEndpoint is not null).GroupBy(r => r.Case, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var authCases = CaseFactory.All(catalogue).Where(c => c.Kind == CaseKind.Auth).ToList();
        var modes = AuthModes.All.Where(m => authCases.Any(c => c.Mode == m)).Select(m => m.ToString()).ToList();
        var rows = authCases.GroupBy(RunOutcomes.MatrixRow, StringComparer.Ordinal).Select(g => new MatrixRow(g.Key, g.Select(c =>
        {
            byCase.TryGetValue(c.Name, out var record);
            var outcome = !Applies(c.Endpoint, versions) ? NotApplicable
                : record is null ? CaseOutcome.NotRun.Text()
                : record.SuiteError ? CaseOutcome.Inconclusive.Text()
                : record.Outcome.Text();
            return new MatrixCell(c.Mode.ToString(), outcome, record?.Test, record?.AllureUuid is { } uuid ? LinkTo(uuid) : null);
        }).ToList())).ToList();
        return new StatementMatrix(modes, rows);
    }

    /// <summary>The same test as the version gate (<see cref="Gates.VersionGate"/>): an endpoint outside the target's version range does not exist there.</summary>
    public static bool Applies(Endpoint endpoint, IReadOnlyDictionary<ServiceKind, string> versions) =>
        !(versions.TryGetValue(endpoint.Service, out var version) && endpoint.Versions.TryGetValue(endpoint.Service.CatalogueName(), out var range) && !range.Contains(version));

    /// <summary>
    /// The test's result in the Allure 3 report: the page, then '#' and the report's id of the result,
    /// which Allure 3 makes as the MD5 of the result's uuid (core's testResultRawToState: id =
    /// md5(uuid)); the report opens that result when its address ends so (its router reads
    /// "#&lt;id&gt;"). <see cref="AllureResultBuilder.UuidOf"/> gives the uuid before the result is written.
    /// </summary>
    public static string LinkTo(string allureUuid) => AllureReportPage + "#" + AllureReportId(allureUuid);

    /// <summary>Allure 3's id of a result in its report. MD5 because Allure uses it, not for security.</summary>
#pragma warning disable CA5351
    public static string AllureReportId(string allureUuid) =>
        Convert.ToHexString(System.Security.Cryptography.MD5.HashData(System.Text.Encoding.UTF8.GetBytes(allureUuid))).ToLowerInvariant();
#pragma warning restore CA5351

    private static CaseEntry Entry(CaseRecord r) => new(r.Case, r.Test, r.Outcome.Text(), r.Status, r.ContentType, r.BodyShape, r.MatrixEndpoint, r.MatrixAuthMode,
        r.FailedRequirements, r.Deviations.Select(d => $"{d.Case} [{d.Requirement}]").ToList(), r.AllureHistoryId, r.AllureUuid);
}
