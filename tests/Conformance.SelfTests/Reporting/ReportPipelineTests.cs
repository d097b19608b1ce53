using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using FluentAssertions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;
using NUnit.Framework;

namespace Conformance.SelfTests.Reporting;

/// <summary>
/// The reports end to end, as a user makes them: `dotnet test tests/Conformance.Tests` on a small
/// filtered subset (TRX, JUnit and console output, Allure results), then `npm run report`, then the
/// HTML report opened in headless Chromium. The target is a stub that passes the preflight, breaks
/// the contract and echoes the (distinctive) API key back in headers and bodies, so failures,
/// skips and redaction are all exercised. One run serves every test of this fixture.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class ReportPipelineTests
{
    // Auth matrix, error cases and probes of one endpoint (failures), a mutating endpoint (skipped:
    // writes are not allowed on a configured target) and the preflight (passes).
    private const string Filter = "(Name~am.transfer.completed)|(Name~am.transfer.hide_completed)|(TestCategory=preflight)";
    private const string FailingTest = "Answers_per_contract(am.transfer.completed, BadKeyHeader)";

    private static readonly Lazy<Task<PipelineRun>> Run = new(RunPipelineAsync);

    private sealed record PipelineRun(string Folder, string Key, string Console, bool StubSawKey)
    {
        public string Results => Path.Combine(Folder, "allure-results");

        public string Report => Path.Combine(Folder, "allure-report");

        public string TestResults => Path.Combine(Folder, "TestResults");

        public string Trx => Path.Combine(TestResults, "suite.trx");

        public string Junit => Path.Combine(TestResults, "junit.xml");
    }

    [OneTimeTearDown]
    public async Task RemoveTheRunsFolder()
    {
        if (Run.IsValueCreated && Run.Value.IsCompletedSuccessfully)
        {
            var folder = (await Run.Value).Folder;
            if (TestContext.CurrentContext.Result.FailCount == 0)
            {
                Directory.Delete(folder, recursive: true);
            }
            else
            {
                TestContext.Progress.WriteLine($"Report pipeline artefacts kept for inspection: {folder}");
            }
        }
    }

    [Test]
    public async Task The_reports_totals_equal_the_TRX_totals()
    {
        ExternalTools.RequireNodeAndAllure();
        var run = await Run.Value;

        var trx = TrxCounters(run.Trx);
        using var summary = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(run.Report, "summary.json")));
        var stats = summary.RootElement.GetProperty("stats");
        int Stat(string name) => stats.TryGetProperty(name, out var value) ? value.GetInt32() : 0;

        (trx.Passed, trx.Failed, trx.Skipped).Should().Match<(int P, int F, int S)>(t => t.P > 0 && t.F > 0 && t.S > 0, "the subset must pass, fail and skip something for the comparison to mean anything");
        Stat("total").Should().Be(trx.Total);
        Stat("passed").Should().Be(trx.Passed);
        (Stat("failed") + Stat("broken")).Should().Be(trx.Failed);
        (Stat("skipped") + Stat("unknown")).Should().Be(trx.Skipped);
        Directory.GetFiles(run.Results, "*-result.json").Should().HaveCount(trx.Total);
        AllureResults(run).Select(r => r.GetProperty("name").GetString()).Should().BeEquivalentTo(TrxNames(run.Trx));
    }

    [Test]
    public async Task A_failure_message_reaches_the_console_TRX_JUnit_and_Allure_intact()
    {
        ExternalTools.RequireNodeAndAllure();
        var run = await Run.Value;

        var allure = AllureResults(run).Single(r => r.GetProperty("name").GetString() == FailingTest);
        var message = Normalize(allure.GetProperty("statusDetails").GetProperty("message").GetString()!);
        message.Should().StartWith("[AUTH-03] expected status 403, got 200").And.Contain("Request:  GET ").And.Contain("Reproduce: curl -i ");

        Normalize(TrxMessage(run.Trx, FailingTest)).Should().Be(message);
        Normalize(JunitMessage(run.Junit, FailingTest)).Should().Contain(message);
        var console = Normalize(run.Console);
        foreach (var line in message.Split('\n'))
        {
            console.Should().Contain(line.Trim(), "the console shows the whole failure message");
        }

        var curl = message.Split('\n').Single(l => l.StartsWith("Reproduce: ", StringComparison.Ordinal))["Reproduce: ".Length..];
        Attachment(run, allure, "Request (curl)").Trim().Should().Be(curl);
        Attachment(run, allure, "Response").Should().Contain("HTTP 200 OK").And.Contain("X-Archivematica-Version: 1.13.2");
        allure.GetProperty("labels").EnumerateArray()
            .Select(l => (l.GetProperty("name").GetString(), l.GetProperty("value").GetString()))
            .Should().Contain([("epic", "Archivematica dashboard"), ("feature", "transfer"), ("story", "auth mode BadKeyHeader"), ("requirement", "AUTH-03")]);
    }

    [Test]
    public async Task No_artefact_and_no_console_line_shows_the_api_key()
    {
        ExternalTools.RequireNodeAndAllure();
        var run = await Run.Value;

        run.StubSawKey.Should().BeTrue("the stub must have been sent the key (and echoed it) for this test to mean anything");
        SecretScanner.Scan([run.Folder], [run.Key]).Should().BeEmpty();
        run.Console.Should().NotContain(run.Key);
    }

    [Test]
    public async Task The_html_report_renders_the_test_tree_and_a_failure_in_chromium()
    {
        ExternalTools.RequireNodeAndAllure();
        var chromium = ExternalTools.RequireChromium();
        var run = await Run.Value;
        var index = Path.Combine(run.Report, "index.html");
        var html = await File.ReadAllTextAsync(index);
        html.Should().NotContain("googletagmanager", "npm run report removes the analytics tag");

        var tree = TextOf(await BrowseAsync(chromium, run, new Uri(index).AbsoluteUri, "tree.png"));
        tree.Should().Contain("Archivematica dashboard").And.Contain("transfer").And.Contain("auth mode BadKeyHeader")
            .And.Contain(FailingTest).And.Contain("Archivematica API conformance");

        var id = ReportTestId(html, FailingTest);
        var failure = TextOf(await BrowseAsync(chromium, run, new Uri(index).AbsoluteUri + "#/" + id, "failure.png"));
        failure.Should().Contain("[AUTH-03] expected status 403, got 200").And.Contain("Reproduce: curl")
            .And.Contain("Request (curl)").And.Contain("Response").And.Contain("Authentication");
        failure.Should().NotContain(run.Key);
    }

    [Test]
    public async Task A_matrix_cell_of_the_statement_opens_its_tests_result_in_the_report()
    {
        ExternalTools.RequireNodeAndAllure();
        var chromium = ExternalTools.RequireChromium();
        var run = await Run.Value;
        var json = Directory.GetFiles(run.TestResults, "conformance-statement-*.json").Should().ContainSingle().Subject;
        var statement = System.Text.Json.JsonSerializer.Deserialize<ConformanceStatement>(await File.ReadAllTextAsync(json), StatementJson.Options)!;
        var cell = statement.Matrix.Rows.Single(r => r.Endpoint == "am.transfer.completed").Cells.Single(c => c.AuthMode == "BadKeyHeader");
        cell.Outcome.Should().Be("failed");

        // The link as the HTML statement has it, resolved against the statement's own address.
        Regex.IsMatch(await File.ReadAllTextAsync(Path.ChangeExtension(json, ".html")), $"<a href=\"{Regex.Escape(cell.Link!)}\">F</a>").Should().BeTrue();
        // (.NET keeps '#' in a file: path, as a browser does not: the page and the fragment are resolved apart.)
        var hash = cell.Link!.IndexOf('#', StringComparison.Ordinal);
        var page = new Uri(new Uri(json), cell.Link[..hash]);
        page.LocalPath.Should().Be(Path.Combine(run.Report, "index.html"));
        cell.Link[hash..].Should().Be("#" + ReportTestId(await File.ReadAllTextAsync(page.LocalPath), FailingTest));

        var dom = await BrowseAsync(chromium, run, page.AbsoluteUri + cell.Link[hash..], "statement-link.png");
        var fullName = Regex.Match(dom, "data-testid=\"test-result-fullname\"[^>]*>([^<]*)<");
        fullName.Success.Should().BeTrue("the link opens a test result, not the tree:\n" + TextOf(dom)[..Math.Min(2000, TextOf(dom).Length)]);
        System.Net.WebUtility.HtmlDecode(fullName.Groups[1].Value).Should().Be(cell.Test);
        TextOf(dom).Should().Contain("[AUTH-03] expected status 403, got 200");
    }

    private static async Task<PipelineRun> RunPipelineAsync()
    {
        var folder = Directory.CreateTempSubdirectory("report-pipeline-").FullName;
        var key = "leakcanary-" + Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(12)).ToLowerInvariant();
        var sawKey = false;
        await using var stub = await StubServer.StartAsync(async context =>
        {
            var auth = context.Request.Headers.Authorization.ToString();
            var url = context.Request.GetDisplayUrl();
            sawKey |= auth.Contains(key, StringComparison.Ordinal) || url.Contains(key, StringComparison.Ordinal);
            context.Response.StatusCode = StatusCodes.Status200OK;
            context.Response.ContentType = "application/json";
            context.Response.Headers["X-Archivematica-Version"] = "1.13.2";
            context.Response.Headers.SetCookie = $"sessionid={key}; HttpOnly";
            await context.Response.WriteAsync(JsonSerializer.Serialize(new Dictionary<string, object>
            {
                ["message"] = "Fetched completed transfers successfully.",
                ["results"] = Array.Empty<string>(),
                ["next"] = url,
                ["echo"] = auth,
            }));
        });

        var environment = new Dictionary<string, string?>
        {
            ["ARCHIVEMATICA_URL"] = stub.Url.ToString(),
            ["ARCHIVEMATICA_USER"] = "test",
            ["ARCHIVEMATICA_API_KEY"] = key,
            ["STORAGE_SERVICE_URL"] = null,
            ["STORAGE_SERVICE_USER"] = null,
            ["STORAGE_SERVICE_API_KEY"] = null,
            ["STORAGE_SERVICE_PASSWORD"] = null,
            ["EMBEDDED_API_KEY"] = null,
            ["ALLOW_WRITES"] = null,
            ["ALLOW_DESTRUCTIVE"] = null,
            ["ALLOW_HOSTILE_WRITES"] = null,
            ["ALLURE_RESULTS_DIRECTORY"] = Path.Combine(folder, "allure-results"),
            // The statement where a run puts it by default: TestResults/, beside allure-report/.
            ["STATEMENT_DIRECTORY"] = Path.Combine(folder, "TestResults"),
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
            ["DOTNET_NOLOGO"] = "1",
        };
        var testResults = Path.Combine(folder, "TestResults");
        var suite = await Subprocess.RunAsync(
            ExternalTools.Dotnet,
            [
                "test", Path.Combine(Paths.Root, "tests", "Conformance.Tests"), "--no-build", "-c", BuildConfiguration(), "--disable-build-servers",
                "--filter", Filter, "--results-directory", testResults,
                "--logger", "trx;LogFileName=suite.trx", "--logger", $"junit;LogFilePath={Path.Combine(testResults, "junit.xml")}",
            ],
            Paths.Root,
            TimeSpan.FromMinutes(5),
            environment);
        await File.WriteAllTextAsync(Path.Combine(folder, "suite.console.log"), suite.Output);
        if (suite.TimedOut || !File.Exists(Path.Combine(testResults, "suite.trx")))
        {
            throw new InvalidOperationException($"dotnet test did not finish with a TRX file (exit {suite.ExitCode}, timed out: {suite.TimedOut}):\n{Tail(suite.Output)}");
        }

        var report = await Subprocess.RunAsync(
            ExternalTools.Npm!,
            ["run", "--silent", "report", "--", Path.Combine(folder, "allure-results"), Path.Combine(folder, "allure-report")],
            Paths.Root,
            TimeSpan.FromMinutes(3));
        await File.WriteAllTextAsync(Path.Combine(folder, "report.console.log"), report.Output);
        if (report.ExitCode != 0)
        {
            throw new InvalidOperationException($"npm run report failed (exit {report.ExitCode}, timed out: {report.TimedOut}):\n{Tail(report.Output)}");
        }

        return new PipelineRun(folder, key, suite.Output + report.Output, sawKey);
    }

    /// <summary>Debug or Release: the configuration these self-tests were built in (the suite was built with them).</summary>
    private static string BuildConfiguration() => new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;

    private static async Task<string> BrowseAsync(string chromium, PipelineRun run, string url, string screenshotName)
    {
        string[] flags =
        [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--window-size=1400,2000", "--virtual-time-budget=15000",
        ];
        var profile = Directory.CreateTempSubdirectory("chromium-profile-").FullName;
        try
        {
            var screenshot = Path.Combine(run.Folder, screenshotName);
            await Subprocess.RunAsync(chromium, [.. flags, $"--user-data-dir={profile}", $"--screenshot={screenshot}", url], run.Folder, TimeSpan.FromMinutes(2));
            if (File.Exists(screenshot))
            {
                TestContext.AddTestAttachment(screenshot, screenshotName);
            }

            var dom = await Subprocess.RunAsync(chromium, [.. flags, $"--user-data-dir={profile}", "--dump-dom", url], run.Folder, TimeSpan.FromMinutes(2));
            dom.TimedOut.Should().BeFalse("Chromium must render the report within two minutes");
            return dom.Output;
        }
        finally
        {
            Directory.Delete(profile, recursive: true);
        }
    }

    // The text a person sees: the app's part of the DOM without tags.
    private static string TextOf(string dom)
    {
        var app = dom.IndexOf("<div id=\"app\"", StringComparison.Ordinal);
        var text = Regex.Replace(app < 0 ? dom : dom[app..], "<[^>]+>", " ");
        return Regex.Replace(System.Net.WebUtility.HtmlDecode(text), @"\s+", " ");
    }

    // The single-file report embeds each test result as base64 JSON under data/test-results/<id>.json.
    private static string ReportTestId(string html, string testName)
    {
        foreach (Match m in Regex.Matches(html, @"d\(""data/test-results/([0-9a-zA-Z_-]+)\.json"",""([A-Za-z0-9+/=]+)""\)"))
        {
            using var result = JsonDocument.Parse(Convert.FromBase64String(m.Groups[2].Value));
            if (result.RootElement.GetProperty("name").GetString() == testName)
            {
                return m.Groups[1].Value;
            }
        }

        throw new AssertionException($"the report has no test named {testName}");
    }

    private static List<JsonElement> AllureResults(PipelineRun run) =>
        Directory.GetFiles(run.Results, "*-result.json").Select(f => JsonDocument.Parse(File.ReadAllText(f)).RootElement).ToList();

    private static string Attachment(PipelineRun run, JsonElement result, string name) =>
        File.ReadAllText(Path.Combine(run.Results, result.GetProperty("attachments").EnumerateArray()
            .Single(a => a.GetProperty("name").GetString() == name).GetProperty("source").GetString()!));

    private static readonly XNamespace Trx = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";

    private static (int Total, int Passed, int Failed, int Skipped) TrxCounters(string path)
    {
        var counters = XDocument.Load(path).Descendants(Trx + "Counters").Single();
        int C(string name) => (int?)counters.Attribute(name) ?? 0;
        var failed = C("failed") + C("error") + C("timeout") + C("aborted");
        return (C("total"), C("passed"), failed, C("total") - C("passed") - failed);
    }

    private static IEnumerable<string> TrxNames(string path) =>
        XDocument.Load(path).Descendants(Trx + "UnitTestResult").Select(r => (string)r.Attribute("testName")!);

    private static string TrxMessage(string path, string testName) =>
        (string)XDocument.Load(path).Descendants(Trx + "UnitTestResult").Single(r => (string?)r.Attribute("testName") == testName)
            .Descendants(Trx + "Message").Single();

    private static string JunitMessage(string path, string testName)
    {
        var failure = XDocument.Load(path).Descendants("testcase").Single(t => ((string?)t.Attribute("name"))?.EndsWith(testName, StringComparison.Ordinal) == true)
            .Element("failure")!;
        return (string?)failure.Attribute("message") + "\n" + failure.Value;
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();

    private static string Tail(string text) => text.Length <= 4000 ? text : "..." + text[^4000..];
}
