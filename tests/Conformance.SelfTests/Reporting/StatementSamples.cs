
namespace Conformance.SelfTests.Reporting;

/// <summary>Statements built by the suite's builder from made-up records: every auth-matrix case of the catalogue passed (or one did not).</summary>
internal static class StatementSamples
{
    private static readonly IReadOnlyDictionary<ServiceKind, string> Versions = new Dictionary<ServiceKind, string>
    {
        [ServiceKind.Archivematica] = "1.13.2",
        [ServiceKind.Storage] = "0.19.0",
    };

    public static ConformanceStatement Clean() => Build(AllPassed());

    public static ConformanceStatement WithFailure(string caseName) =>
        Build(AllPassed().Select(r => r.Case == caseName ? r with { Outcome = CaseOutcome.Failed, Status = 200, FailedRequirements = [r.Requirements[0]] } : r).ToList());

    public static ConformanceStatement Without(string caseName) => Build(AllPassed().Where(r => r.Case != caseName).ToList());

    public static ConformanceStatement Build(IReadOnlyList<CaseRecord> records) => StatementBuilder.Build(
        "sample", new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero),
        new StatementTarget(true, new Dictionary<string, string> { ["archivematica"] = "127.0.0.1" }, new Dictionary<string, string> { ["archivematica"] = "1.13.2" }),
        new StatementSuite("0.0.0", new string('0', 64), new string('1', 64), "absent"),
        new StatementSettings(true, true, true, true, false, TestSelection.FilterNotVisible, TestSelection.Of(null, records)),
        ReferenceTarget.Catalogue, Versions, records);

    /// <summary>The same run with every case of one endpoint inconclusive (its precondition could not be arranged) and one probe of it answered otherwise.</summary>
    public static ConformanceStatement WithEndpointNotExercised(string endpoint) =>
        Build([.. AllPassed().Select(r => r.MatrixEndpoint == endpoint ? r with { Outcome = CaseOutcome.Inconclusive, Status = null, BodyShape = null } : r),
            Probe(endpoint, 404)]);

    public static ConformanceStatement WithProbe(string endpoint) => Build([.. AllPassed(), Probe(endpoint, 400)]);

    private static CaseRecord Probe(string endpoint, int status) => new()
    {
        Test = $"Conformance.Tests.WriteHostileInputs.Is_refused({endpoint}, hostile body: invalid-json)",
        Case = $"{endpoint}, hostile body: invalid-json",
        Outcome = CaseOutcome.Passed,
        Status = status,
        ContentType = "text/html; charset=utf-8",
        BodyShape = "html",
        Requirements = ["INPUT-01"],
    };

    /// <summary>The same run with one case's answer of another shape (a field added), its outcome unchanged.</summary>
    public static ConformanceStatement WithOtherShape(string caseName) =>
        Build(AllPassed().Select(r => r.Case == caseName ? r with { BodyShape = "json-object:0123456789ab" } : r).ToList());

    private static List<CaseRecord> AllPassed() =>
        CaseFactory.All(ReferenceTarget.Catalogue).Where(c => c.Kind == CaseKind.Auth).Select(c => new CaseRecord
        {
            Test = $"Conformance.Tests.Endpoints.Answers_per_contract({c.Name})",
            Case = c.Name,
            Outcome = CaseOutcome.Passed,
            MatrixEndpoint = RunOutcomes.MatrixRow(c),
            MatrixAuthMode = c.Mode.ToString(),
            Status = 403,
            ContentType = "application/json",
            BodyShape = "json-object:2b1e0c5a9d7f",
            AllureUuid = AllureResultBuilder.UuidOf($"Conformance.Tests.Endpoints.Answers_per_contract({c.Name})"),
            Requirements = RequirementsOf.Intended(c, []),
        }).ToList();
}
