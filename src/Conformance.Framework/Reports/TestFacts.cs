
namespace Conformance.Framework.Reports;

/// <summary>The outcomes Allure knows. NUnit's inconclusive and ignored are both <see cref="Skipped"/>: never passed.</summary>
public enum ReportStatus
{
    Passed,
    Failed,
    Broken,
    Skipped,
}

/// <summary>
/// Everything the reporter knows about one finished test, independent of NUnit: what the NUnit
/// extension collects and the self-tests make by hand. <see cref="Arguments"/> holds the test's
/// arguments (a <see cref="Cases.ConformanceCase"/> for catalogue tests).
/// </summary>
public sealed record TestFacts
{
    public required string Name { get; init; }

    public required string FullName { get; init; }

    public string? ClassName { get; init; }

    public string? MethodName { get; init; }

    public IReadOnlyList<string> Categories { get; init; } = [];

    public IReadOnlyList<object?> Arguments { get; init; } = [];

    public required ReportStatus Status { get; init; }

    /// <summary>The test framework's message: the failure message, or why the test was skipped.</summary>
    public string? Message { get; init; }

    public string? StackTrace { get; init; }

    /// <summary>What the test wrote to its output (TestContext.Out).</summary>
    public string? Output { get; init; }

    public DateTimeOffset Start { get; init; }

    public DateTimeOffset Stop { get; init; }

    public string? Thread { get; init; }

    /// <summary>The verdict the test published, when it got that far.</summary>
    public Verdict? Verdict { get; init; }
}
