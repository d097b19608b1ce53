using System.Text.Json;
using FluentAssertions;
using NUnit.Framework;

namespace Conformance.SelfTests.Reporting;

/// <summary>What one test's Allure result says: the tree labels, one step per check, the exchange as attachments, and never a key.</summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class AllureResultBuilderTests
{
    private static ConformanceCase Case(string name) => CaseFactory.All(ReferenceTarget.Catalogue).Single(c => c.Name == name);

    private static TestFacts Facts(ConformanceCase c, Verdict? verdict, ReportStatus status = ReportStatus.Failed, string? message = null) => new()
    {
        Name = $"Answers_per_contract({c.Name})",
        FullName = $"Conformance.Tests.ReadOnlyEndpoints.Answers_per_contract({c.Name})",
        ClassName = "Conformance.Tests.ReadOnlyEndpoints",
        MethodName = "Answers_per_contract",
        Arguments = [c],
        Status = status,
        Message = message ?? verdict?.Describe(),
        Start = DateTimeOffset.UtcNow.AddMilliseconds(-40),
        Stop = DateTimeOffset.UtcNow,
        Verdict = verdict,
    };

    private static Verdict AcceptedBadKey() => new()
    {
        Exchange = Exchanges.CompletedTransfers() with { AuthMode = AuthMode.BadKeyHeader, RequestHeaders = [new("Authorization", "ApiKey test:***")] },
        Results =
        [
            CheckResult.Pass(Requirement.Transport, "a response arrived"),
            CheckResult.Fail(Requirement.WrongKeyHeaderRejected, "expected status 403, got 200 OK"),
        ],
    };

    private static string Label(AllureResult result, string name) => result.Labels.Single(l => l.Name == name).Value;

    [Test]
    public void An_auth_case_is_grouped_by_service_resource_and_auth_mode()
    {
        var result = AllureResultBuilder.Build(Facts(Case("am.transfer.completed, BadKeyHeader"), AcceptedBadKey())).Result;

        Label(result, "epic").Should().Be("Archivematica dashboard");
        Label(result, "feature").Should().Be("transfer");
        Label(result, "story").Should().Be("auth mode BadKeyHeader");
        Label(result, "severity").Should().Be("critical");
        Label(result, "tag").Should().Be("read-only");
        Label(result, "subSuite").Should().Be("am.transfer.completed");
        result.Labels.Where(l => l.Name == AllureResultBuilder.RequirementLabel).Select(l => l.Value).Should().Equal("AUTH-03");
        result.Parameters.Should().Contain([new AllureParameter("endpoint", "am.transfer.completed"), new AllureParameter("auth mode", "BadKeyHeader")]);
        result.Status.Should().Be("failed");
        result.StatusDetails!.Message.Should().StartWith("[AUTH-03] expected status 403, got 200 OK");
        result.HistoryId.Should().HaveLength(32).And.Be(AllureResultBuilder.Build(Facts(Case("am.transfer.completed, BadKeyHeader"), AcceptedBadKey())).Result.HistoryId);
    }

    [TestCase("am.transfer.completed, Header", "auth mode Header")]
    [TestCase("am.transfer.status, unknown-uuid", "error cases")]
    [TestCase("am.transfer.completed, PUT not allowed", "method not allowed")]
    public void The_story_is_the_auth_mode_or_the_kind_of_check(string caseName, string story) =>
        Label(AllureResultBuilder.Build(Facts(Case(caseName), null, ReportStatus.Passed)).Result, "story").Should().Be(story);

    [Test]
    public void Each_check_is_a_step_with_its_requirement_and_outcome()
    {
        var steps = AllureResultBuilder.Build(Facts(Case("am.transfer.completed, BadKeyHeader"), AcceptedBadKey())).Result.Steps;

        steps.Select(s => (s.Name, s.Status)).Should().Equal(
            ("[TRANSPORT-01] a response arrived", "passed"),
            ("[AUTH-03] expected status 403, got 200 OK", "failed"));
        steps[1].StatusDetails!.Message.Should().Be(Requirement.WrongKeyHeaderRejected.Shall);
    }

    [Test]
    public void The_exchange_is_attached_as_a_curl_line_and_the_whole_response()
    {
        var verdict = AcceptedBadKey();
        var output = AllureResultBuilder.Build(Facts(Case("am.transfer.completed, BadKeyHeader"), verdict));
        string Attachment(string name) => output.Files.Single(f => f.Source == output.Result.Attachments.Single(a => a.Name == name).Source).Content;

        output.Result.Attachments.Select(a => a.Name).Should().Contain(["Request (curl)", "Response", "Failure"]);
        output.Files.Should().OnlyContain(f => f.Source.Contains("-attachment.", StringComparison.Ordinal));
        Attachment("Request (curl)").Should().Be(verdict.Exchange!.ToCurl() + "\n");
        Attachment("Response").Should().Contain("HTTP 200 OK").And.Contain("Content-Type: application/json")
            .And.Contain("X-Archivematica-ID: ").And.EndWith(Exchanges.CompletedTransfersBody);
        Attachment("Failure").Should().Be(verdict.Describe());
    }

    [Test]
    public void A_large_body_is_cut_and_says_so()
    {
        var verdict = AcceptedBadKey() with { Exchange = Exchanges.CompletedTransfers(body: new string('x', 200_000)) };
        var output = AllureResultBuilder.Build(Facts(Case("am.transfer.completed, BadKeyHeader"), verdict));
        var response = output.Files.Single(f => f.Source == output.Result.Attachments.Single(a => a.Name == "Response").Source).Content;

        response.Length.Should().BeLessThan(AllureResultBuilder.MaxAttachmentCharacters + 200);
        response.Should().EndWith($"the report keeps the first {AllureResultBuilder.MaxAttachmentCharacters})");
    }

    [Test]
    public void Schema_errors_are_attached_one_a_line()
    {
        var verdict = AcceptedBadKey() with
        {
            Results = [CheckResult.Fail(Requirement.Schema, "body does not match archivematica/am.transfer.completed.200.json: PropertyRequired at $.message; StringExpected at $.results[0]")],
        };
        var output = AllureResultBuilder.Build(Facts(Case("am.transfer.completed, Header"), verdict));
        var errors = output.Files.Single(f => f.Source == output.Result.Attachments.Single(a => a.Name == "Schema errors").Source).Content;

        errors.Should().Be("body does not match archivematica/am.transfer.completed.200.json:\n  - PropertyRequired at $.message\n  - StringExpected at $.results[0]\n");
    }

    [Test]
    public void A_test_that_failed_without_a_verdict_still_gets_a_result()
    {
        var facts = new TestFacts
        {
            Name = "Target_is_reachable_and_accepts_the_credentials",
            FullName = "Conformance.Tests.Preflight.Target_is_reachable_and_accepts_the_credentials",
            ClassName = "Conformance.Tests.Preflight",
            MethodName = "Target_is_reachable_and_accepts_the_credentials",
            Categories = ["preflight"],
            Status = ReportStatus.Failed,
            Message = "Preflight failed; no test was run against this target.",
            StackTrace = "   at Conformance.Tests.Preflight.Target_is_reachable_and_accepts_the_credentials()",
            Output = "some output",
        };
        var output = AllureResultBuilder.Build(facts);

        output.Result.Status.Should().Be("failed");
        output.Result.StatusDetails!.Message.Should().Be(facts.Message);
        output.Result.StatusDetails.Trace.Should().Be(facts.StackTrace);
        Label(output.Result, "feature").Should().Be("preflight");
        Label(output.Result, "severity").Should().Be("blocker");
        output.Result.Steps.Should().BeEmpty();
        output.Result.Attachments.Select(a => a.Name).Should().Equal("Test output");
    }

    [Test]
    public void Output_that_only_repeats_the_steps_is_not_attached_again_but_any_other_output_is()
    {
        var verdict = new Verdict { Exchange = Exchanges.CompletedTransfers(), Results = [CheckResult.Pass(Requirement.Transport, "a response arrived"), CheckResult.Pass(Requirement.Status, "status 200")] };
        var checkLines = string.Join(Environment.NewLine, verdict.Results);

        AllureResultBuilder.Build(Facts(Case("am.transfer.completed, Header"), verdict, ReportStatus.Passed) with { Output = checkLines + Environment.NewLine })
            .Result.Attachments.Select(a => a.Name).Should().Equal("Request (curl)", "Response");
        AllureResultBuilder.Build(Facts(Case("am.transfer.completed, Header"), verdict, ReportStatus.Passed) with { Output = checkLines + "\nsomething else the test said" })
            .Result.Attachments.Select(a => a.Name).Should().Equal("Request (curl)", "Response", "Test output");
    }

    [Test]
    public void A_case_that_did_not_run_is_skipped_with_its_reason()
    {
        var verdict = Verdict.Skipped(NotRunKind.Inconclusive, "nothing to discover");
        var result = AllureResultBuilder.Build(Facts(Case("am.transfer.status, Header"), verdict, ReportStatus.Skipped, message: "")).Result;

        result.Status.Should().Be("skipped");
        result.StatusDetails!.Message.Should().Be("nothing to discover");
    }

    [TestCase("Passed", "", "Test", ReportStatus.Passed)]
    [TestCase("Failed", "", "Test", ReportStatus.Failed)]
    [TestCase("Failed", "Error", "Test", ReportStatus.Broken)]
    [TestCase("Failed", "", "SetUp", ReportStatus.Broken)]
    [TestCase("Failed", "", "Parent", ReportStatus.Broken)]
    [TestCase("Failed", "Invalid", "Test", ReportStatus.Broken)]
    [TestCase("Skipped", "Ignored", "Test", ReportStatus.Skipped)]
    [TestCase("Inconclusive", "", "Test", ReportStatus.Skipped)]
    [TestCase("Warning", "", "Test", ReportStatus.Skipped)]
    public void NUnit_outcomes_map_to_allure_statuses(string status, string label, string site, ReportStatus expected) =>
        AllureResultBuilder.StatusOf(status, label, site).Should().Be(expected);

    [Test]
    public void No_key_reaches_any_file_even_one_a_server_echoes_inside_a_json_body()
    {
        const string key = "echoed-0f1e2d3c4b5a69788796a5b4c3d2e1f0";
        Redactor.Register(key);
        var body = $$"""{"meta": {"next": "/api/v2/file/?username=test&api_key={{key}}&offset=20", "previous": "/api/v2/file/?api_key={{key}}"}, "echo": "ApiKey test:{{key}}", "quote": "say \"{{key}}\""}""";
        var verdict = AcceptedBadKey() with { Exchange = Exchanges.CompletedTransfers(body: body) with { Url = $"http://127.0.0.1:1/api/v2/file/?api_key={key}" } };
        var facts = Facts(Case("am.transfer.completed, BadKeyHeader"), verdict, message: $"failed: api_key={key} and {key}") with { Output = key, StackTrace = key };
        var folder = Directory.CreateTempSubdirectory("allure-redaction-").FullName;
        try
        {
            var writer = new AllureResultsWriter(folder);
            writer.Prepare()();
            writer.Write(AllureResultBuilder.Build(facts));
            writer.WriteEnvironment([new("url", $"http://host/?api_key={key}")]);

            SecretScanner.Scan([folder], [key]).Should().BeEmpty();
            foreach (var file in Directory.GetFiles(folder, "*.json"))
            {
                FluentActions.Invoking(() => JsonDocument.Parse(File.ReadAllText(file)).Dispose()).Should().NotThrow(file);
            }

            Directory.GetFiles(folder, "*-attachment.*").Select(File.ReadAllText).Should().Contain(t => t.Contains("api_key=***&offset=20", StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
