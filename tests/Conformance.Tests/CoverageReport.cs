using NUnit.Framework;

namespace Conformance.Tests;

/// <summary>
/// The run's endpoint coverage (README, "Coverage per run"): the table on the console and in
/// coverage-&lt;run id&gt;.txt next to the statement, and, for the Allure report, the headline as an
/// environment entry and the table as a global attachment (<see cref="SuiteReportEnvironment"/>).
/// </summary>
internal static class CoverageReport
{
    /// <summary>What the Allure report's environment takes, once the statement is written; null before.</summary>
    public static (EndpointCoverage Coverage, string Table, string File)? Written { get; private set; }

    public static void Write(string runId, EndpointCoverage coverage, string folder)
    {
        var table = Redactor.Redact(CoverageTable.Render(coverage, runId, full: true));
        var file = Path.Combine(folder, $"coverage-{runId}.txt");
        File.WriteAllText(file, table);
        Written = (coverage, table, file);

        // Progress is shown with --logger "console;verbosity=normal"; the error stream at any verbosity
        // (NUnit's adapter sends it as a warning), so the headline and the file are never missed.
        TestContext.Progress.WriteLine(Redactor.Redact(CoverageTable.Render(coverage, runId, full: false)));
        TestContext.Error.WriteLine($"Coverage: {coverage.Headline}. Table: {file}");
    }
}
