using Conformance.SelfTests.Faults;
using NUnit.Framework;

namespace Conformance.SelfTests.Coverage;

/// <summary>docs/coverage.md is what <see cref="CoverageReport"/> generates; UPDATE_COVERAGE=1 rewrites it.</summary>
[TestFixture]
[Category("coverage")]
public sealed class CoverageDocumentTests
{
    [Test]
    public void Committed_coverage_document_is_up_to_date()
    {
        var generated = CoverageReport.Generate(ReferenceTarget.Catalogue, FaultExpectations.Load());
        var path = CoverageReport.DocumentPath;
        if (Environment.GetEnvironmentVariable("UPDATE_COVERAGE") == "1")
        {
            File.WriteAllText(path, generated);
            TestContext.Out.WriteLine($"Wrote {path}.");
            return;
        }

        var committed = File.Exists(path) ? File.ReadAllText(path).ReplaceLineEndings("\n") : "";
        if (committed == generated)
        {
            return;
        }

        var committedLines = committed.Split('\n');
        var generatedLines = generated.Split('\n');
        var first = Enumerable.Range(0, Math.Max(committedLines.Length, generatedLines.Length))
            .First(i => i >= committedLines.Length || i >= generatedLines.Length || committedLines[i] != generatedLines[i]);
        Assert.Fail($"""
            docs/coverage.md is out of date with the catalogue, the case factory or the fault expectations.
            First difference at line {first + 1}:
              committed: {(first < committedLines.Length ? committedLines[first] : "(end of file)")}
              generated: {(first < generatedLines.Length ? generatedLines[first] : "(end of file)")}
            Regenerate it and commit the result:
              {CoverageReport.RegenerateCommand}
            """);
    }
}
