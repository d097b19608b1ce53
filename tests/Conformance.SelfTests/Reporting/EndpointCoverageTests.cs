using FluentAssertions;
using NJsonSchema;
using NUnit.Framework;

namespace Conformance.SelfTests.Reporting;

/// <summary>
/// The coverage table from made-up records (built as the suite builds them, from NUnit's status and
/// message): what counts as exercised, inconclusive grouped by reason, not run grouped by the setting
/// that would run it, endpoints the target's release lacks, and the Storage Service counted under v2.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class EndpointCoverageTests
{
    private static readonly IReadOnlyDictionary<ServiceKind, string> Versions = new Dictionary<ServiceKind, string>
    {
        [ServiceKind.Archivematica] = "1.15.1", // am.admin.levels exists before 1.15 only
        [ServiceKind.Storage] = "0.21.1",
    };

    private const string WritesNotAllowed = "not run: mutating test (creates or changes data); set AllowWrites=true (ALLOW_WRITES=true) to run it against this target";
    private const string DestructiveNotAllowed = "not run: destructive test (deletes or replaces data); set AllowDestructive=true (ALLOW_DESTRUCTIVE=true) to run it against this target";
    private const string NoCompletedTransfer = "discovery found no object: am.transfer.completed has no 'results[0]' on this target";
    private const string Uuid = "5e3c9a10-1234-4abc-9def-0123456789ab";

    private static readonly EndpointCoverage Coverage = EndpointCoverage.Of(ReferenceTarget.Catalogue, Versions, Records());

    // Every auth-matrix case passed, except: am.transfer.status inconclusive under every mode, am.ingest.status under
    // Header only (a UUID in its reason), am.transfer.approve and ss.file.reingest (v1, v2) not run by their tier,
    // ss.space.list@v2 a known deviation (Header) and a failure (Query), ss.pipeline.list@v1 inconclusive under Header,
    // ss.root@v2 broken under Header, ss.pipeline.detail@v2 Basic left out by a filter, am.admin.levels absent in 1.15.1.
    private static List<CaseRecord> Records() =>
        CaseFactory.All(ReferenceTarget.Catalogue).Where(c => c.Kind == CaseKind.Auth && c.Name != "ss.pipeline.detail@v2, Basic").Select(c =>
        {
            var (status, message, broken) = (RunOutcomes.MatrixRow(c), c.Mode) switch
            {
                ("am.transfer.status", _) => ("Skipped", $"INCONCLUSIVE: {c.Name} could not be exercised: {NoCompletedTransfer}", false),
                ("am.ingest.status", AuthMode.Header) => ("Skipped", $"INCONCLUSIVE: {c.Name} could not be exercised: no MCPClient processed transfer {Uuid} in 60 s", false),
                ("am.transfer.approve", _) => ("Skipped", WritesNotAllowed, false),
                ("am.admin.levels", _) => ("Skipped", "am.admin.levels is not part of Archivematica dashboard 1.15.1 (exists in <1.15)", false),
                ("ss.file.reingest@v2" or "ss.file.reingest@v1", _) => ("Skipped", DestructiveNotAllowed, false),
                ("ss.space.list@v2", AuthMode.Header) => ("Warning", "KNOWN-DEVIATION: a known bug (https://example.org/1)", false),
                ("ss.space.list@v2", AuthMode.Query) => ("Failed", "[STATUS-01] expected 200, got 500", false),
                ("ss.pipeline.list@v1", AuthMode.Header) => ("Skipped", $"INCONCLUSIVE: {c.Name} could not be exercised: precondition 'uploaded-aip' could not be arranged", false),
                ("ss.root@v2", AuthMode.Header) => ("Failed", "System.NullReferenceException", true),
                _ => ("Passed", (string?)null, false),
            };
            return RunOutcomes.Of($"Conformance.Tests.ReadOnlyEndpoints.Answers_per_contract({c.Name})", $"Answers_per_contract({c.Name})", [c], [], status, broken, message, null);
        }).ToList();

    private static ModeCount Mode(string block, AuthMode mode) => Coverage.Services.Single(b => b.Name == block).Mode(mode.ToString())!;

    [Test]
    public void Endpoints_are_counted_per_service_and_auth_mode_by_what_became_of_their_case()
    {
        Coverage.Services.Select(b => (b.Name, b.Endpoints, b.Counted)).Should().Equal(("dashboard", 29, true), ("Storage Service v2", 65, true), ("Storage Service v1", 65, false));

        // exercised, inconclusive, not run, not in the release: a known deviation and a failure are exercised, a broken test is not.
        Mode("dashboard", AuthMode.Header).Should().Be(new ModeCount("Header", 25, 2, 1, 1));
        Mode("dashboard", AuthMode.Query).Should().Be(new ModeCount("Query", 26, 1, 1, 1));
        Mode("Storage Service v2", AuthMode.Header).Should().Be(new ModeCount("Header", 63, 1, 1, 0));
        Mode("Storage Service v2", AuthMode.Query).Should().Be(new ModeCount("Query", 64, 0, 1, 0));
        Mode("Storage Service v2", AuthMode.Basic).Should().Be(new ModeCount("Basic", 63, 0, 2, 0), "a case left out by the filter is not run");
        Mode("Storage Service v1", AuthMode.Header).Should().Be(new ModeCount("Header", 63, 1, 1, 0));
        Coverage.Services.SelectMany(b => b.Modes.Select(m => m.Exercised + m.Inconclusive + m.NotRun + m.NotApplicable == b.Endpoints)).Should().OnlyContain(sums => sums);
    }

    [Test]
    public void The_headline_counts_the_dashboard_and_the_Storage_Service_under_v2()
    {
        Coverage.Headline.Should().Be("Header: 25 of 29 dashboard and 63 of 65 Storage Service endpoints exercised (88 of 94; 1 not in the target's release)",
            "ss.pipeline.list is inconclusive under v1 only, so it counts");
    }

    [Test]
    public void Inconclusive_cases_are_grouped_by_their_reason_without_the_case_name_and_with_short_uuids()
    {
        Coverage.Inconclusive.Should().BeEquivalentTo(
        [
            new CoverageReason("archivematica", NoCompletedTransfer, 1, 11, 1, AuthModes.All.Select(m => m.ToString()).ToList()),
            new CoverageReason("archivematica", "no MCPClient processed transfer 5e3c9a10… in 60 s", 1, 1, 1, ["Header"]),
            new CoverageReason("storage", CoverageReasons.SuiteError, 1, 1, 1, ["Header"]),
            new CoverageReason("storage", "precondition 'uploaded-aip' could not be arranged", 1, 1, 0, ["Header"]),
        ]);
    }

    [Test]
    public void Cases_not_run_are_grouped_by_the_setting_that_would_run_them()
    {
        Coverage.NotRun.Should().BeEquivalentTo(
        [
            new CoverageReason("archivematica", "AllowWrites=true", 1, 11, 1, AuthModes.All.Select(m => m.ToString()).ToList()),
            new CoverageReason("storage", "AllowDestructive=true", 1, 22, 1, AuthModes.All.Select(m => m.ToString()).ToList()),
            new CoverageReason("storage", CoverageReasons.NotSelected, 1, 1, 0, ["Basic"]),
        ]);
        Coverage.NotRun.Should().NotContain(r => r.Reason.Contains("admin.levels", StringComparison.Ordinal), "an endpoint the release lacks is not applicable, not 'not run'");
    }

    [Test]
    public void Each_endpoint_missed_under_Header_is_listed_with_its_reason()
    {
        Coverage.NotExercisedUnderHeader.Select(g => $"{g.Endpoint}: {g.Outcome}: {g.Reason}").Should().Equal(
            "am.ingest.status: inconclusive: no MCPClient processed transfer 5e3c9a10… in 60 s",
            $"am.transfer.status: inconclusive: {NoCompletedTransfer}",
            "am.admin.levels: not applicable: not in Archivematica dashboard 1.15.1",
            "am.transfer.approve: not run: AllowWrites=true",
            $"ss.root: inconclusive: {CoverageReasons.SuiteError}",
            "ss.file.reingest: not run: AllowDestructive=true");
    }

    [Test]
    public void A_case_that_was_not_judged_is_never_exercised()
    {
        var inconclusive = CaseFactory.All(ReferenceTarget.Catalogue).Where(c => c.Kind == CaseKind.Auth)
            .Select(c => RunOutcomes.Of($"T({c.Name})", c.Name, [c], [], "Skipped", false, $"INCONCLUSIVE: {c.Name} could not be exercised: nothing arranged", null)).ToList();
        var broken = inconclusive.Select((r, i) => i % 2 == 0 ? r with { Outcome = CaseOutcome.Passed, SuiteError = true } : r with { Outcome = CaseOutcome.Failed, SuiteError = true }).ToList();

        foreach (var records in new[] { inconclusive, broken })
        {
            var coverage = EndpointCoverage.Of(ReferenceTarget.Catalogue, Versions, records);
            coverage.Services.SelectMany(b => b.Modes).Should().OnlyContain(m => m.Exercised == 0);
            coverage.Headline.Should().StartWith("Header: 0 of 29 dashboard and 0 of 65 Storage Service endpoints exercised (0 of 94");
        }
    }

    [Test]
    public void Reasons_name_the_setting_and_keep_what_was_missing()
    {
        CoverageReasons.NotRun("x", "not run: hostile input to a mutating endpoint (a vulnerable server acts on what it accepts); set AllowWrites=true (ALLOW_WRITES=true) and AllowHostileWrites=true (ALLOW_HOSTILE_WRITES=true) to run it against this target")
            .Should().Be("AllowWrites=true and AllowHostileWrites=true");
        CoverageReasons.NotRun("x", "not run: the bad-credential budget (5) is used up; raise BadCredentialBudget (BAD_CREDENTIAL_BUDGET) to send more").Should().Be("BadCredentialBudget (used up)");
        CoverageReasons.NotRun("x", "not run: the Storage Service is not configured (set STORAGE_SERVICE_URL, STORAGE_SERVICE_USER and STORAGE_SERVICE_API_KEY)").Should().Be("the Storage Service is not configured");
        CoverageReasons.NotRun("x", "DRY RUN: would send GET http://h/api/ x").Should().Be("DryRun=true (nothing was sent)");
        CoverageReasons.NotRun("x", "not run: am.transfer.hide_completed changes every completed transfer, not only what this run created; set AllowBulkChanges=true (ALLOW_BULK_CHANGES=true) on an instance where that is acceptable")
            .Should().Be("AllowBulkChanges=true");
        CoverageReasons.Inconclusive("ss.file.move@v2, Basic", "INCONCLUSIVE: not run: HTTP Basic needs the user's password; set StorageServicePassword (STORAGE_SERVICE_PASSWORD)")
            .Should().Be("HTTP Basic needs the user's password; set StorageServicePassword (STORAGE_SERVICE_PASSWORD)");
        CoverageReasons.Inconclusive("c", "INCONCLUSIVE: c could not be exercised: " + new string('x', 300) + "\nsecond line").Should().HaveLength(200).And.EndWith("…");
    }

    [Test]
    public void The_table_shows_the_headline_a_row_per_auth_mode_and_the_reasons()
    {
        var full = CoverageTable.Render(Coverage, "run1", full: true);
        var compact = CoverageTable.Render(Coverage, "run1", full: false);

        full.Should().StartWith("Endpoint coverage of run run1: " + Coverage.Headline);
        var header = full.Split('\n').Single(l => l.StartsWith("Header ", StringComparison.Ordinal));
        header.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Should().Equal("25", "2", "1", "1", "63", "1", "1", "0", "63", "1", "1", "0");
        full.Should().Contain("  dashboard         1 endpoint      1 case    1 under Header [Header]: no MCPClient processed transfer 5e3c9a10… in 60 s")
            .And.Contain("  Storage Service   1 endpoint     22 cases   1 under Header: AllowDestructive=true")
            .And.Contain("Not exercised under Header (6):")
            .And.NotContain(Uuid);
        compact.Should().NotContain("Not exercised under Header").And.Contain(header);
    }

    [Test]
    public void The_statement_carries_the_table_in_json_and_html_and_the_schema_describes_it()
    {
        var statement = StatementSamples.Build(Records());
        var json = StatementJson.Serialize(statement);
        var html = StatementHtml.Render(statement);
        var schema = JsonSchema.FromFileAsync(Path.Combine(Paths.Schemas, "statement", "conformance-statement.json")).GetAwaiter().GetResult();

        schema.Validate(json).Select(e => $"{e.Kind} at {e.Path}").Should().BeEmpty();
        StatementJson.Deserialize(json)!.EndpointCoverage.Should().BeEquivalentTo(statement.EndpointCoverage);
        html.Should().Contain("<table id=\"coverage\">").And.Contain(System.Net.WebUtility.HtmlEncode(statement.EndpointCoverage!.Headline))
            .And.Contain("<table id=\"coverage-inconclusive\">").And.Contain("<table id=\"coverage-not-run\">").And.Contain("<table id=\"coverage-gaps\">");
        schema.Validate(json.Replace("\"counted\": true", "\"counted\": \"yes\"", StringComparison.Ordinal)).Should().NotBeEmpty("the schema is not a formality");
    }
}
