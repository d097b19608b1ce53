using System.Text.RegularExpressions;
using FluentAssertions;
using NUnit.Framework;

namespace Conformance.SelfTests.Recordings;

/// <summary>
/// Real traffic through the suite's own checks: every interaction recorded against real Archivematica
/// servers is judged as the suite would judge that answer live, and must reach the verdict committed
/// in fixtures/recordings-expectations.json. Conformant answers pass; recorded bugs and behaviour the
/// contract rules out fail with the requirement they break.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class RecordedTrafficTests
{
    private const string Absent = "recordings absent";

    private static readonly RecordedCaseResolver Resolver = new(ReferenceTarget.Catalogue, ReferenceTarget.Schemas);

    private static readonly string[] Verdicts = [RecordedOutcome.Pass, RecordedOutcome.Fail, RecordedOutcome.NotApplicableVerdict];

    private static IEnumerable<TestCaseData> Interactions() => RecordedTraffic.Present
        ? RecordedTraffic.All.Select(x => new TestCaseData(x.Name).SetName(x.Name))
        : [new TestCaseData(Absent).SetName(Absent)];

    [TestCaseSource(nameof(Interactions))]
    public async Task Suite_reaches_the_committed_verdict(string interaction)
    {
        RecordedTraffic.Require();
        var recorded = RecordedTraffic.All.Single(x => x.Name == interaction);
        var outcome = await Resolver.JudgeAsync(recorded);
        var expected = RecordingExpectations.All.SingleOrDefault(e => e.Name == interaction);
        var actual = $"{outcome.Name}" + (outcome.FailedRequirements.Count > 0 ? $" [{string.Join(", ", outcome.FailedRequirements)}]" : "");

        expected.Should().NotBeNull($"{RecordingExpectations.File} must give a verdict for {interaction}; the suite's is {actual}:\n{outcome.Describe()}");
        (outcome.Name == expected!.Verdict && outcome.FailedRequirements.SequenceEqual(expected.Requirements.Order(StringComparer.Ordinal)))
            .Should().BeTrue($"the committed verdict for {interaction} is {expected}, but the suite's is {actual}:\n{outcome.Describe()}");
        await TestContext.Out.WriteLineAsync(outcome.Describe());
    }

    // A conformant recorded answer, broken on purpose the way a faulty server would break it.
    [TestCase("status", "STATUS-01")]
    [TestCase("content-type", "CT-01")]
    [TestCase("missing-field", "SCHEMA-01")]
    [TestCase("string-size", "SCHEMA-01")]
    public async Task A_recorded_answer_broken_on_purpose_fails_with_the_broken_requirement(string breakage, string requirementId)
    {
        RecordedTraffic.Require();
        const string conformant = "get_package_details #1";
        var recorded = RecordedTraffic.All.Single(x => x.Name == conformant);
        (await Resolver.JudgeAsync(recorded)).Name.Should().Be(RecordedOutcome.Pass, $"{conformant} is the conformant answer the breakages start from");

        var broken = breakage switch
        {
            "status" => recorded with { Status = 500, Reason = "INTERNAL SERVER ERROR" },
            "content-type" => recorded with { ResponseHeaders = new Dictionary<string, string>(recorded.ResponseHeaders) { ["content-type"] = "text/html; charset=utf-8" } },
            "missing-field" => recorded with { ResponseBody = recorded.ResponseBody.Replace("\"uuid\":", "\"uuid_\":", StringComparison.Ordinal) },
            "string-size" => recorded with { ResponseBody = Regex.Replace(recorded.ResponseBody, "\"size\": (\\d+)", "\"size\": \"$1\"") },
            _ => throw new ArgumentOutOfRangeException(nameof(breakage)),
        };
        var outcome = await Resolver.JudgeAsync(broken);
        outcome.FailedRequirements.Should().Equal([requirementId], outcome.Describe());
    }

    [Test]
    public void Expectations_name_exactly_the_recorded_interactions()
    {
        RecordedTraffic.Require();
        var recorded = RecordedTraffic.All.Select(x => x.Name).ToHashSet();
        var committed = RecordingExpectations.All.Select(e => e.Name).ToList();

        recorded.Except(committed).Should().BeEmpty($"every recorded interaction needs a verdict in {RecordingExpectations.File}");
        committed.Except(recorded).Should().BeEmpty($"{RecordingExpectations.File} must not name interactions that are no longer recorded");
    }

    [Test]
    public void Expectations_file_is_well_formed()
    {
        var known = Requirement.All.Select(r => r.Id).ToHashSet();
        var all = RecordingExpectations.All;

        all.Should().NotBeEmpty();
        all.GroupBy(e => e.Name).Where(g => g.Count() > 1).Select(g => g.Key).Should().BeEmpty("each interaction has one verdict");
        all.Where(e => !Verdicts.Contains(e.Verdict)).Should().BeEmpty("verdicts are pass, fail or not-applicable");
        all.Where(e => (e.Verdict == RecordedOutcome.Fail) != (e.Requirements.Count > 0)).Should().BeEmpty("a fail names the requirements it breaks, and only a fail does");
        all.SelectMany(e => e.Requirements).Where(r => !known.Contains(r)).Should().BeEmpty("requirement ids come from docs/requirements.md");
        all.Where(e => string.IsNullOrWhiteSpace(e.Reason)).Should().BeEmpty("every verdict has a one-line reason");
    }
}
