using System.Collections.Concurrent;
using NUnit.Framework.Interfaces;

namespace Conformance.Framework.Reports.Statement;

/// <summary>
/// Every finished test of the run, recorded where the Allure results are (after the test, by
/// <see cref="AllureResultsAttribute"/>), for the conformance statement written at the end. Tests run
/// in parallel: the records are kept in a concurrent dictionary keyed by the test's full name.
/// </summary>
public static class RunOutcomes
{
    private static readonly ConcurrentDictionary<string, CaseRecord> Records = new(StringComparer.Ordinal);

    public static IReadOnlyList<CaseRecord> All => Records.Values.OrderBy(r => r.Test, StringComparer.Ordinal).ToList();

    public static void Record(ITest test, ITestResult result, Verdict? verdict)
    {
        var state = result.ResultState;
        Records[test.FullName] = Of(test.FullName, test.Name, test.Arguments, TestCategories.Of(test),
            state.Status.ToString(), AllureResultBuilder.StatusOf(state.Status.ToString(), state.Label, state.Site.ToString()) == ReportStatus.Broken, result.Message, verdict);
    }

    /// <summary>The record of one test, from what NUnit and the test's verdict say (public for the self-tests).</summary>
    public static CaseRecord Of(string fullName, string name, IReadOnlyList<object?> arguments, IReadOnlyList<string> categories, string nunitStatus, bool broken, string? message, Verdict? verdict)
    {
        var testCase = arguments.OfType<ConformanceCase>().FirstOrDefault();
        var checkedRequirements = verdict?.Results.Select(r => r.Requirement.Id).Distinct().ToList() ?? [];
        var intended = RequirementsOf.Intended(testCase, categories);
        var exchange = verdict?.Exchange;
        var outcome = OutcomeOf(nunitStatus, message);
        var caseName = arguments.FirstOrDefault() switch
        {
            ConformanceCase c => c.Name,
            WorkflowDefinition w => w.CaseName,
            HostileProbe p => p.Name,
            _ => name,
        };
        return new CaseRecord
        {
            Test = fullName,
            Case = caseName,
            Outcome = outcome,
            Reason = CoverageReasons.Of(outcome, caseName, message),
            SuiteError = broken,
            MatrixEndpoint = testCase is { Kind: CaseKind.Auth } ? MatrixRow(testCase) : null,
            MatrixAuthMode = testCase is { Kind: CaseKind.Auth } ? testCase.Mode.ToString() : null,
            Status = exchange is { TransportError: null } ? exchange.Status : null,
            ContentType = exchange is { TransportError: null } ? AnswerShape.MediaTypeOf(exchange.ContentType) : null,
            BodyShape = AnswerShape.Of(exchange),
            Categories = categories,
            Requirements = checkedRequirements.Count == 0 ? intended
                : testCase is { Kind: CaseKind.Auth } ? [.. checkedRequirements.Union(intended, StringComparer.Ordinal)]
                : checkedRequirements,
            FailedRequirements = verdict?.Failures.Select(f => f.Requirement.Id).Distinct().ToList() ?? [],
            Deviations = verdict?.KnownDeviations.Select(d => new MatchedDeviation(d.Case, d.Requirement, d.Service, d.Versions.Text, d.Reason, d.Link, d.Source)).ToList() ?? [],
            AllureHistoryId = AllureResultBuilder.HistoryIdOf(fullName),
            AllureUuid = AllureResultBuilder.UuidOf(fullName),
        };
    }

    /// <summary>The matrix row of an auth-matrix case: the endpoint id, with the Storage Service API version.</summary>
    public static string MatrixRow(ConformanceCase c) => c.ApiVersion is null ? c.Endpoint.Id : $"{c.Endpoint.Id}@{c.ApiVersion}";

    // NUnit's status plus the message prefixes the suite gives (VerdictAssertions): a skipped test is inconclusive or not run.
    private static CaseOutcome OutcomeOf(string nunitStatus, string? message) => nunitStatus switch
    {
        "Passed" => CaseOutcome.Passed,
        "Failed" => CaseOutcome.Failed,
        "Warning" when message?.Contains(AllureCategories.KnownDeviationMarker, StringComparison.Ordinal) == true => CaseOutcome.KnownDeviation,
        "Warning" => CaseOutcome.Advisory,
        "Inconclusive" => CaseOutcome.Inconclusive,
        _ when message?.StartsWith("INCONCLUSIVE", StringComparison.Ordinal) == true => CaseOutcome.Inconclusive,
        _ => CaseOutcome.NotRun,
    };
}
