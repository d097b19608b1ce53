using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Conformance.ReferenceServer.Hosting;
using FluentAssertions;
using NJsonSchema;
using NUnit.Framework;

namespace Conformance.SelfTests.Reporting;

/// <summary>
/// The conformance statement of real suite runs (subprocesses, as a user runs the suite): the whole
/// suite against the embedded default (about a minute and a half), and one endpoint's tests against
/// reference servers over HTTP: two clean, one with a fault switched on, compared by tools/Conformance.Compare.
/// </summary>
[TestFixture]
[Category("end-to-end")]
public sealed class StatementTests
{
    private const string EmbeddedKey = "statement-canary-3f9a1c7e5b";

    private static readonly Lazy<Task<StatementRun>> Embedded = new(() => RunAsync("embedded", new Dictionary<string, string> { ["EMBEDDED_API_KEY"] = EmbeddedKey }, filter: null),
        LazyThreadSafetyMode.ExecutionAndPublication);

    // AcceptBadKey on one endpoint: its wrong keys are accepted (AUTH-03, AUTH-04; fixtures/fault-expectations.json),
    // and so is a wrong header beside valid query credentials (AUTH-10). Only that endpoint's cases run, in each of these.
    private static readonly Lazy<Task<StatementRun>> Faulted = new(() => RunOneEndpointAsync("faulted", FaultPlan.Of((Fault.AcceptBadKey, "am.transfer.unapproved"))),
        LazyThreadSafetyMode.ExecutionAndPublication);

    private static readonly Lazy<Task<StatementRun>> Clean = new(() => RunOneEndpointAsync("clean", null), LazyThreadSafetyMode.ExecutionAndPublication);

    private static readonly Lazy<Task<StatementRun>> CleanAgain = new(() => RunOneEndpointAsync("clean-again", null), LazyThreadSafetyMode.ExecutionAndPublication);

    private static readonly string[] CasesTheFaultBreaks =
        ["am.transfer.unapproved, BadKeyHeader", "am.transfer.unapproved, BadKeyQuery", "am.transfer.unapproved, BadHeaderOverQuery"];

    private static readonly XNamespace Trx = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";

    [Test]
    public async Task The_embedded_default_is_conformant_with_known_deviations_and_lists_them()
    {
        var statement = (await Embedded.Value).Statement;

        statement.Verdict.Kind.Should().Be(VerdictRule.ConformantWithKnownDeviations);
        statement.Verdict.Coverage.Exercised.Should().Be(statement.Verdict.Coverage.Applicable).And.BePositive();
        statement.Verdict.KnownDeviations.Should().NotBeEmpty();
        statement.Verdict.Line.Should().Contain(statement.Verdict.KnownDeviations[0].Case);
        statement.Requirements.Select(r => r.Id).Should().Equal(Conformance.Framework.Checks.Requirement.All.Select(r => r.Id));
        statement.Target.Hosts.Values.Should().OnlyContain(h => h == "127.0.0.1");
        statement.Target.Versions.Should().ContainKey("archivematica").And.ContainKey("storage");
        statement.Settings.Should().Match<StatementSettings>(s => s.AllowWrites && s.AllowDestructive && s.AllowHostileWrites, "the embedded server allows every tier");
    }

    [Test]
    public async Task The_json_form_matches_its_published_schema()
    {
        var run = await Embedded.Value;
        var schema = await JsonSchema.FromFileAsync(Path.Combine(Paths.Schemas, "statement", "conformance-statement.json"));

        schema.Validate(await File.ReadAllTextAsync(run.Json)).Select(e => $"{e.Kind} at {e.Path}").Should().BeEmpty();
    }

    [Test]
    public async Task Its_counts_equal_the_TRX_totals_of_the_same_run()
    {
        var run = await Embedded.Value;
        var counters = XDocument.Load(run.Trx).Descendants(Trx + "Counters").Single();
        int C(string name) => (int?)counters.Attribute(name) ?? 0;
        var failed = C("failed") + C("error") + C("timeout") + C("aborted");
        var t = run.Statement.Totals;

        t.Tests.Should().Be(C("total"));
        t.Passed.Should().Be(C("passed"));
        t.Failed.Should().Be(failed);
        (t.KnownDeviation + t.Inconclusive + t.NotRun + t.Advisory).Should().Be(C("total") - C("passed") - failed);
        run.Statement.Cases.Should().HaveCount(t.Tests);
    }

    [Test]
    public async Task Neither_file_holds_the_key()
    {
        var run = await Embedded.Value;

        foreach (var file in new[] { run.Json, run.Html }.Concat(Directory.GetFiles(run.Folder, "coverage-*.txt")))
        {
            var text = await File.ReadAllTextAsync(file);
            text.Should().NotContain(EmbeddedKey, file).And.NotContain(Uri.EscapeDataString(EmbeddedKey));
        }
    }

    [Test]
    public async Task The_coverage_table_is_on_the_console_in_its_file_and_in_the_allure_report()
    {
        var run = await Embedded.Value;
        var coverage = run.Statement.EndpointCoverage!;
        var file = Path.Combine(run.Folder, $"coverage-{run.Statement.RunId}.txt");

        coverage.Headline.Should().Be("Header: 29 of 29 dashboard and 65 of 65 Storage Service endpoints exercised (94 of 94)");
        run.Output.Should().Contain($"Coverage: {coverage.Headline}. Table: {file}", "the headline and the file are shown at the default verbosity");
        (await File.ReadAllTextAsync(file)).Should().StartWith($"Endpoint coverage of run {run.Statement.RunId}: {coverage.Headline}").And.Contain("Not exercised under Header (0):");

        var allure = Path.Combine(run.Folder, "allure-results");
        (await File.ReadAllLinesAsync(Path.Combine(allure, "environment.properties"))).Should().Contain("coverage=" + coverage.Headline);
        var globals = JsonDocument.Parse(await File.ReadAllTextAsync(Directory.GetFiles(allure, "*-globals.json").Should().ContainSingle().Subject));
        var attachment = globals.RootElement.GetProperty("attachments").EnumerateArray().Should().ContainSingle().Subject;
        attachment.GetProperty("name").GetString().Should().Be("Endpoint coverage per service and auth mode");
        (await File.ReadAllTextAsync(Path.Combine(allure, attachment.GetProperty("source").GetString()!))).Should().Be(await File.ReadAllTextAsync(file));
    }

    [Test]
    public async Task The_html_form_needs_nothing_from_elsewhere()
    {
        var html = await File.ReadAllTextAsync((await Embedded.Value).Html);

        // Links to the known deviations' trackers are text; nothing is loaded, and every link stays on this machine.
        html.Should().NotContainAny("<script", "<link", "<img", "<iframe", "src=", "@import", "url(");
        Regex.Matches(html, "href=\"([^\"]*)\"").Select(m => m.Groups[1].Value).Should().OnlyContain(h => h.StartsWith("../allure-report/", StringComparison.Ordinal));
    }

    [Test]
    public async Task Chromium_shows_the_verdict_and_the_same_totals()
    {
        var chromium = ExternalTools.RequireChromium();
        var run = await Embedded.Value;
        var profile = Directory.CreateTempSubdirectory("chromium-profile-").FullName;
        try
        {
            var dom = await Subprocess.RunAsync(chromium,
                ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", $"--user-data-dir={profile}", "--dump-dom", new Uri(run.Html).AbsoluteUri],
                run.Folder, TimeSpan.FromMinutes(2));
            dom.TimedOut.Should().BeFalse();

            var verdict = Regex.Match(dom.Output, "<p class=\"verdict[^\"]*\" id=\"verdict\">(.*?)</p>", RegexOptions.Singleline);
            verdict.Success.Should().BeTrue("the page shows a verdict:\n" + dom.Output[..Math.Min(2000, dom.Output.Length)]);
            verdict.Groups[1].Value.Should().Contain("Verdict: conformant with known deviations.");

            var totals = Regex.Match(dom.Output, "<table id=\"totals\">.*?</table>", RegexOptions.Singleline).Value;
            var numbers = Regex.Matches(totals, "<td class=\"n\">(\\d+)</td>").Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
            var t = run.Statement.Totals;
            numbers.Should().Equal(t.Tests, t.Passed, t.Failed, t.KnownDeviation, t.Inconclusive, t.NotRun, t.Advisory);

            var cells = Regex.Matches(dom.Output, "<td class=\"passed\" title=").Count;
            cells.Should().Be(run.Statement.Matrix.Rows.Sum(r => r.Cells.Count(c => c.Outcome == "passed")));
        }
        finally
        {
            Directory.Delete(profile, recursive: true);
        }
    }

    [Test]
    public async Task With_a_fault_it_is_not_conformant_and_names_the_broken_requirements()
    {
        var run = await Faulted.Value;

        run.Statement.Verdict.Kind.Should().Be(VerdictRule.NotConformant, run.Statement.Verdict.Line);
        run.Statement.Verdict.FailingRequirements.Should().BeEquivalentTo(["AUTH-03", "AUTH-04", "AUTH-10"]);
        run.Statement.Verdict.Line.Should().StartWith("Not conformant: requirements with unexplained failures: AUTH-03, AUTH-04, AUTH-10");
        run.Statement.Cases.Where(c => c.Outcome == "failed").Select(c => c.Case).Should().BeEquivalentTo(CasesTheFaultBreaks);
        run.Statement.Requirements.Single(r => r.Id == "AUTH-03").Failed.Should().Be(1);
        var json = await File.ReadAllTextAsync(run.Json);
        foreach (var secret in run.Secrets)
        {
            json.Should().NotContain(secret);
        }
    }

    [Test]
    public async Task A_filtered_run_says_the_filter_is_not_visible_and_counts_what_ran()
    {
        var selection = (await Clean.Value).Statement.Settings;

        selection.Filter.Should().Be(TestSelection.FilterNotVisible);
        selection.Selection.Ran.Should().Be((await Clean.Value).Statement.Totals.Tests).And.BeLessThan(selection.Selection.Loaded!.Value);
        selection.Selection.Loaded.Should().Be((await Embedded.Value).Statement.Totals.Tests, "the assembly holds every test the unfiltered run ran");
        selection.Selection.ByCategory.Single(c => c.Category == "auth-matrix").Ran.Should().Be(11);
        (await Embedded.Value).Statement.Settings.Selection.ByCategory.Should().OnlyContain(c => c.Ran == c.Loaded);
    }

    [Test]
    public async Task Comparing_a_clean_run_with_a_faulted_one_lists_exactly_the_cases_the_fault_breaks_and_exits_1()
    {
        var (exit, output) = Compare((await Clean.Value).Json, (await Faulted.Value).Json);

        exit.Should().Be(Conformance.Compare.CompareCommand.Worse, output);
        var listed = output.Split('\n').Where(l => l.StartsWith("  ", StringComparison.Ordinal)).Select(l => l.Trim()).ToList();
        listed.Select(l => l[..l.IndexOf(':', StringComparison.Ordinal)]).Should().BeEquivalentTo(CasesTheFaultBreaks, output);
        listed.Should().OnlyContain(l => l.Contains(": passed -> failed (answer 4", StringComparison.Ordinal) && l.Contains(" -> 200 ", StringComparison.Ordinal) && l.Contains("(worse)", StringComparison.Ordinal), output);
    }

    [Test]
    public async Task Two_clean_runs_compare_empty_and_exit_0()
    {
        var (exit, output) = Compare((await Clean.Value).Json, (await CleanAgain.Value).Json);

        exit.Should().Be(Conformance.Compare.CompareCommand.NotWorse, output);
        output.Should().EndWith("No difference.\n");
        (await Clean.Value).Statement.Cases.Where(c => c.Endpoint != null).Should().OnlyContain(c => c.BodyShape != null, "every case of the auth matrix got an answer, so its shape was compared");
    }

    private static (int ExitCode, string Output) Compare(string before, string after)
    {
        using var output = new StringWriter { NewLine = "\n" };
        var exit = Conformance.Compare.CompareCommand.Run([before, after], output, output);
        return (exit, output.ToString());
    }

        [OneTimeTearDown]
    public async Task RemoveTheEmbeddedRun()
    {
        foreach (var run in new[] { Embedded, Clean, CleanAgain, Faulted }.Where(r => r.IsValueCreated && r.Value.IsCompletedSuccessfully))
        {
            Directory.Delete((await run.Value).Folder, recursive: true);
        }
    }

    private sealed record StatementRun(string Folder, string Json, string Html, string Trx, string Output, ConformanceStatement Statement)
    {
        public IReadOnlyList<string> Secrets { get; init; } = [];
    }

    // The suite over HTTP against a reference server of its own, filtered to am.transfer.unapproved.
    private static async Task<StatementRun> RunOneEndpointAsync(string name, FaultPlan? faults)
    {
        await using var target = await ReferenceTarget.StartAsync(faults);
        var run = await RunAsync(name, new Dictionary<string, string>(Safety.SafetyTests.Environment(target.Host)), filter: "Name~am.transfer.unapproved");
        return run with { Secrets = [target.Host.Options.ApiKey, target.Host.Options.Password] };
    }

    private static async Task<StatementRun> RunAsync(string name, Dictionary<string, string> environment, string? filter)
    {
        var folder = Directory.CreateTempSubdirectory($"statement-{name}-").FullName;
        environment["STATEMENT_DIRECTORY"] = folder;
        environment["ALLURE_RESULTS_DIRECTORY"] = Path.Combine(folder, "allure-results");
        var (_, output) = await SuiteProcess.RunAsync(environment, filter,
            timeout: TimeSpan.FromMinutes(10), arguments: ["--results-directory", folder, "--logger", "trx;LogFileName=suite.trx"]);
        var json = Directory.GetFiles(folder, "conformance-statement-*.json").Should().ContainSingle(output).Subject;
        var statement = JsonSerializer.Deserialize<ConformanceStatement>(await File.ReadAllTextAsync(json), StatementJson.Options)!;
        return new StatementRun(folder, json, Path.ChangeExtension(json, ".html"), Path.Combine(folder, "suite.trx"), output, statement);
    }
}
