namespace Conformance.Framework.Reports.Statement;

/// <summary>
/// What one run of the suite found, in a form a person can sign and a program can compare
/// (schemas/statement/conformance-statement.json documents the JSON form). Holds host names and
/// versions, never credentials or URLs.
/// </summary>
public sealed record ConformanceStatement
{
    public string StatementVersion { get; init; } = "1";

    public required string RunId { get; init; }

    /// <summary>When the statement was written, UTC, ISO 8601.</summary>
    public required string Date { get; init; }

    public required StatementTarget Target { get; init; }

    public required StatementSuite Suite { get; init; }

    public required StatementSettings Settings { get; init; }

    public required StatementVerdict Verdict { get; init; }

    public required OutcomeCounts Totals { get; init; }

    public required IReadOnlyList<RequirementRow> Requirements { get; init; }

    public required StatementMatrix Matrix { get; init; }

    /// <summary>Endpoints exercised per service and auth mode, with the reasons for the rest (<see cref="Statement.EndpointCoverage"/>); absent from statements written before it.</summary>
    public EndpointCoverage? EndpointCoverage { get; init; }

    public required IReadOnlyList<CaseEntry> Cases { get; init; }
}

/// <param name="Hosts">Service name ("archivematica", "storage") to host name: no scheme, port, path or query.</param>
/// <param name="Versions">Service name to the version detected (dashboard: X-Archivematica-Version; Storage Service: StorageServiceVersion).</param>
/// <param name="VersionBasis">Service name to how its version was decided (the Storage Service's: set, or detected and from what).</param>
public sealed record StatementTarget(bool Embedded, IReadOnlyDictionary<string, string> Hosts, IReadOnlyDictionary<string, string> Versions, IReadOnlyDictionary<string, string>? VersionBasis = null);

/// <summary>The suite's version and SHA-256 digests of the data it ran with, as found in the test output folder.</summary>
public sealed record StatementSuite(string Version, string CatalogueSha256, string SchemasSha256, string KnownDeviationsSha256);

/// <param name="AllowWrites">Writes were allowed: set, or the embedded server (always on there); so for the other two.</param>
/// <param name="Filter">What the statement can say of the run's --filter: NUnit gives the tests no public way to read it (<see cref="TestSelection.FilterNotVisible"/>).</param>
/// <param name="Selection">Which tests ran, by category, against the tests the assembly holds: what the filter left.</param>
public sealed record StatementSettings(bool Embedded, bool AllowWrites, bool AllowDestructive, bool AllowHostileWrites, bool DryRun, string Filter, TestSelection Selection);

/// <param name="Kind">"conformant", "conformant with known deviations", "not conformant" or "incomplete".</param>
/// <param name="Line">The verdict as one sentence, with what it rests on.</param>
/// <param name="Rule">The rule the verdict follows, so a reader need not look it up.</param>
public sealed record StatementVerdict(string Kind, string Line, string Rule, Coverage Coverage, IReadOnlyList<string> FailingRequirements,
    IReadOnlyList<string> SuiteErrors, IReadOnlyList<MatchedDeviation> KnownDeviations);

/// <param name="Cells">Endpoint × auth-mode cells in the catalogue.</param>
/// <param name="Applicable">Cells whose endpoint exists in the target's versions.</param>
/// <param name="Exercised">Applicable cells judged: passed, failed or known deviation.</param>
public sealed record Coverage(int Cells, int Applicable, int Exercised)
{
    public double Percent => Applicable == 0 ? 0 : Math.Round(100.0 * Exercised / Applicable, 1);
}

public sealed record OutcomeCounts
{
    public int Tests { get; init; }

    public int Passed { get; init; }

    public int Failed { get; init; }

    public int KnownDeviation { get; init; }

    public int Inconclusive { get; init; }

    public int NotRun { get; init; }

    public int Advisory { get; init; }
}

public sealed record RequirementRow(string Id, string Shall, int Passed, int Failed, int KnownDeviation, int Inconclusive, int NotRun);

public sealed record StatementMatrix(IReadOnlyList<string> AuthModes, IReadOnlyList<MatrixRow> Rows);

public sealed record MatrixRow(string Endpoint, IReadOnlyList<MatrixCell> Cells);

/// <param name="Outcome">A <see cref="CaseOutcome"/> text, or "not applicable" (the endpoint does not exist in the target's version).</param>
/// <param name="Test">The NUnit full name of the cell's test, when it ran.</param>
/// <param name="Link">The test's result in the Allure report (<see cref="StatementBuilder.LinkTo"/>).</param>
public sealed record MatrixCell(string AuthMode, string Outcome, string? Test, string? Link);

/// <param name="Status">The answer's status; null when none came.</param>
/// <param name="ContentType">The answer's media type, with its charset.</param>
/// <param name="BodyShape">The answer's body shape (<see cref="AnswerShape.Of"/>): values masked, never the body.</param>
public sealed record CaseEntry(string Case, string Test, string Outcome, int? Status, string? ContentType, string? BodyShape, string? Endpoint, string? AuthMode,
    IReadOnlyList<string> FailedRequirements, IReadOnlyList<string> KnownDeviations, string? AllureHistoryId, string? AllureUuid);
