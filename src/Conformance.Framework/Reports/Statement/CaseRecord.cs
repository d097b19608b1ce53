namespace Conformance.Framework.Reports.Statement;

/// <summary>A known deviation that covered a failure of a case in this run.</summary>
public sealed record MatchedDeviation(string Case, string Requirement, string Service, string Versions, string Reason, string Link, string Source);

/// <summary>
/// One finished test as the statement keeps it: no message (only, for a case not exercised, its
/// reason, short and redacted), no body, nothing that could carry a secret; the answer's status, media type and body shape only (<see cref="AnswerShape"/>), so two
/// runs can be compared case by case.
/// </summary>
public sealed record CaseRecord
{
    /// <summary>The NUnit full name, unique in a run.</summary>
    public required string Test { get; init; }

    /// <summary>The case name, e.g. "am.transfer.status, Header" (the test's arguments), or the test name.</summary>
    public required string Case { get; init; }

    public required CaseOutcome Outcome { get; init; }

    /// <summary>Why an inconclusive or not-run case was not exercised, short and redacted (<see cref="CoverageReasons"/>); null otherwise.</summary>
    public string? Reason { get; init; }

    /// <summary>The test itself threw (a defect of the suite, Allure "broken"); the outcome is then failed.</summary>
    public bool SuiteError { get; init; }

    /// <summary>The matrix row ("am.transfer.status", "ss.space.list@v2") and column of an auth-matrix case; null for other tests.</summary>
    public string? MatrixEndpoint { get; init; }

    public string? MatrixAuthMode { get; init; }

    public int? Status { get; init; }

    /// <summary>The answer's media type (with its charset), see <see cref="AnswerShape.MediaTypeOf"/>.</summary>
    public string? ContentType { get; init; }

    /// <summary>The answer's body shape, see <see cref="AnswerShape.Of"/>; null when no answer came.</summary>
    public string? BodyShape { get; init; }

    /// <summary>The test's categories and its fixtures' (what the statement counts the selection by).</summary>
    public IReadOnlyList<string> Categories { get; init; } = [];

    /// <summary>Requirement ids the case checked (or, when it did not get that far, the ones it is there to check).</summary>
    public IReadOnlyList<string> Requirements { get; init; } = [];

    public IReadOnlyList<string> FailedRequirements { get; init; } = [];

    public IReadOnlyList<MatchedDeviation> Deviations { get; init; } = [];

    /// <summary>The Allure result's historyId (stable across runs: a hash of <see cref="Test"/>).</summary>
    public string? AllureHistoryId { get; init; }

    /// <summary>The Allure result's uuid (<see cref="AllureResultBuilder.UuidOf"/>): what the statement's link to the test's result is made of.</summary>
    public string? AllureUuid { get; init; }
}
