using System.Net;
using System.Text;

namespace Conformance.Framework.Reports.Statement;

/// <summary>
/// The statement as one HTML page for people: inline CSS, no script, nothing fetched from anywhere,
/// so it opens offline and tells no third party it was opened. Every text is HTML-encoded.
/// </summary>
public static class StatementHtml
{
    private const string Style = """
        body{font-family:system-ui,sans-serif;margin:2rem;color:#222;max-width:110rem}
        h1{font-size:1.5rem}h2{font-size:1.2rem;margin-top:2rem}
        table{border-collapse:collapse;margin:.5rem 0}th,td{border:1px solid #bbb;padding:.25rem .5rem;text-align:left;vertical-align:top}
        th{background:#eee}td.n{text-align:right}
        .verdict{font-size:1.15rem;padding:.75rem 1rem;border:2px solid #555;margin:1rem 0}
        .conformant{background:#d9f2d9}.conformant-with-known-deviations{background:#fff3c4}.not-conformant{background:#f8d0d0}.incomplete{background:#e0e0e0}
        td.passed{background:#bfe8bf}td.failed{background:#f2a6a6}td.known-deviation{background:#ffe08a}td.inconclusive{background:#cfd8ff}
        td.not-run{background:#eee}td.not-applicable{background:#fff;color:#999}
        table.matrix td{text-align:center;font-size:.8rem}table.matrix a{color:inherit}
        .rule{font-size:.9rem;color:#444}
        """;

    public static string Render(ConformanceStatement s)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">");
        html.Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">");
        html.Append($"<title>Conformance statement {E(s.RunId)}</title><style>{Style}</style></head><body>\n");
        html.Append($"<h1>Archivematica API conformance statement</h1>\n");
        html.Append($"<p class=\"verdict {Css(s.Verdict.Kind)}\" id=\"verdict\"><strong>Verdict: {E(s.Verdict.Kind)}.</strong> {E(s.Verdict.Line)}</p>\n");
        html.Append($"<p class=\"rule\">Rule: {E(s.Verdict.Rule)}</p>\n");

        html.Append("<h2>What was tested, and how</h2>\n<table id=\"facts\">");
        Fact(html, "Date (UTC)", s.Date);
        Fact(html, "Run id", s.RunId);
        Fact(html, "Target", s.Target.Embedded ? "the embedded reference server (in-process)" : "a configured instance");
        foreach (var (service, host) in s.Target.Hosts)
        {
            Fact(html, $"Host ({service})", host);
        }

        foreach (var (service, version) in s.Target.Versions)
        {
            Fact(html, $"Version detected ({service})", version);
        }

        foreach (var (service, basis) in s.Target.VersionBasis ?? new Dictionary<string, string>())
        {
            Fact(html, $"How the version was decided ({service})", basis);
        }

        Fact(html, "Suite version", s.Suite.Version);
        Fact(html, "Catalogue SHA-256", s.Suite.CatalogueSha256);
        Fact(html, "Schemas SHA-256", s.Suite.SchemasSha256);
        Fact(html, "Known deviations SHA-256", s.Suite.KnownDeviationsSha256);
        Fact(html, "Writes allowed (AllowWrites)", YesNo(s.Settings.AllowWrites));
        Fact(html, "Destructive requests allowed (AllowDestructive)", YesNo(s.Settings.AllowDestructive));
        Fact(html, "Hostile probes of write endpoints (AllowHostileWrites)", YesNo(s.Settings.AllowHostileWrites));
        Fact(html, "Dry run", YesNo(s.Settings.DryRun));
        Fact(html, "Test filter", s.Settings.Filter);
        Fact(html, "Tests selected", s.Settings.Selection.Text);
        html.Append("</table>\n");
        Selection(html, s.Settings.Selection);

        var t = s.Totals;
        html.Append("<h2>Tests</h2>\n<table id=\"totals\"><tr><th>tests</th><th>passed</th><th>failed</th><th>known deviation</th><th>inconclusive</th><th>not run</th><th>advisory</th></tr>");
        html.Append($"<tr><td class=\"n\">{t.Tests}</td><td class=\"n\">{t.Passed}</td><td class=\"n\">{t.Failed}</td><td class=\"n\">{t.KnownDeviation}</td><td class=\"n\">{t.Inconclusive}</td><td class=\"n\">{t.NotRun}</td><td class=\"n\">{t.Advisory}</td></tr></table>\n");

        html.Append("<h2>Requirements</h2>\n<p>How many tests concerned each requirement, and what became of it in them (docs/requirements.md).</p>\n");
        html.Append("<table id=\"requirements\"><tr><th>id</th><th>shall</th><th>passed</th><th>failed</th><th>known deviation</th><th>inconclusive</th><th>not run</th></tr>");
        foreach (var r in s.Requirements)
        {
            html.Append($"<tr id=\"req-{E(r.Id)}\"><td>{E(r.Id)}</td><td>{E(r.Shall)}</td><td class=\"n\">{r.Passed}</td><td class=\"n{(r.Failed > 0 ? " failed" : string.Empty)}\">{r.Failed}</td>");
            html.Append($"<td class=\"n\">{r.KnownDeviation}</td><td class=\"n\">{r.Inconclusive}</td><td class=\"n\">{r.NotRun}</td></tr>");
        }

        html.Append("</table>\n");
        KnownDeviations(html, s.Verdict.KnownDeviations);
        if (s.EndpointCoverage is { } coverage)
        {
            CoverageSection(html, coverage);
        }

        Matrix(html, s);
        NotPassed(html, s.Cases);
        html.Append("</body></html>\n");
        return html.ToString();
    }

    private static void KnownDeviations(StringBuilder html, IReadOnlyList<MatchedDeviation> deviations)
    {
        html.Append("<h2>Known deviations that matched</h2>\n");
        if (deviations.Count == 0)
        {
            html.Append("<p>None.</p>\n");
            return;
        }

        html.Append("<table id=\"deviations\"><tr><th>case</th><th>requirement</th><th>release</th><th>reason</th><th>tracked at</th></tr>");
        foreach (var d in deviations)
        {
            html.Append($"<tr><td>{E(d.Case)}</td><td>{E(d.Requirement)}</td><td>{E(d.Service)} {E(d.Versions)}</td><td>{E(d.Reason)}</td><td>{E(d.Link)}</td></tr>");
        }

        html.Append("</table>\n");
    }

    private static void Selection(StringBuilder html, TestSelection selection)
    {
        html.Append("<h3>Tests by category: in the suite, and run</h3>\n<table id=\"selection\"><tr><th>category</th><th>in the suite</th><th>ran</th></tr>");
        foreach (var c in selection.ByCategory)
        {
            html.Append($"<tr><td>{E(c.Category)}</td><td class=\"n\">{c.Loaded}</td><td class=\"n\">{c.Ran}</td></tr>");
        }

        html.Append("</table>\n");
    }

    private static void CoverageSection(StringBuilder html, EndpointCoverage coverage)
    {
        html.Append($"<h2>Endpoints exercised per service and auth mode</h2>\n<p id=\"coverage-headline\"><strong>{E(coverage.Headline)}</strong></p>\n<p class=\"rule\">Counted so: {E(coverage.CountingRule)}.</p>\n");
        html.Append("<table id=\"coverage\"><tr><th rowspan=\"2\">auth mode</th>");
        foreach (var block in coverage.Services)
        {
            html.Append($"<th colspan=\"4\">{E(block.Name)}: {block.Endpoints} endpoints</th>");
        }

        html.Append("</tr>\n<tr>");
        foreach (var _ in coverage.Services)
        {
            html.Append("<th>exercised</th><th>inconclusive</th><th>not run</th><th>n/a</th>");
        }

        html.Append("</tr>\n");
        foreach (var mode in coverage.AuthModes)
        {
            html.Append($"<tr><th>{E(mode)}</th>");
            foreach (var m in coverage.Services.Select(b => b.Mode(mode)))
            {
                html.Append(m is null ? "<td colspan=\"4\"></td>"
                    : $"<td class=\"n\">{m.Exercised}</td><td class=\"n\">{m.Inconclusive}</td><td class=\"n\">{m.NotRun}</td><td class=\"n\">{m.NotApplicable}</td>");
            }

            html.Append("</tr>\n");
        }

        html.Append("</table>\n");
        ReasonTable(html, "coverage-inconclusive", "Inconclusive, by reason", coverage.Inconclusive);
        ReasonTable(html, "coverage-not-run", "Not run, by the setting that would run them", coverage.NotRun);
        html.Append($"<h3>Not exercised under {E(Statement.EndpointCoverage.HeadlineMode)} ({coverage.NotExercisedUnderHeader.Count})</h3>\n");
        if (coverage.NotExercisedUnderHeader.Count > 0)
        {
            html.Append("<table id=\"coverage-gaps\"><tr><th>service</th><th>endpoint</th><th>outcome</th><th>reason</th></tr>");
            foreach (var g in coverage.NotExercisedUnderHeader)
            {
                html.Append($"<tr><td>{E(g.Service)}</td><td>{E(g.Endpoint)}</td><td>{E(g.Outcome)}</td><td>{E(g.Reason)}</td></tr>");
            }

            html.Append("</table>\n");
        }
    }

    private static void ReasonTable(StringBuilder html, string id, string title, IReadOnlyList<CoverageReason> reasons)
    {
        html.Append($"<h3>{E(title)}</h3>\n");
        if (reasons.Count == 0)
        {
            html.Append("<p>None.</p>\n");
            return;
        }

        html.Append($"<table id=\"{id}\"><tr><th>service</th><th>reason</th><th>endpoints</th><th>cases</th><th>endpoints missed under Header</th><th>auth modes</th></tr>");
        foreach (var r in reasons)
        {
            html.Append($"<tr><td>{E(r.Service)}</td><td>{E(r.Reason)}</td><td class=\"n\">{r.Endpoints}</td><td class=\"n\">{r.Cases}</td><td class=\"n\">{r.UnderHeader}</td><td>{E(string.Join(", ", r.AuthModes))}</td></tr>");
        }

        html.Append("</table>\n");
    }

    private static void Matrix(StringBuilder html, ConformanceStatement s)
    {
        html.Append("<h2>Endpoints × auth modes</h2>\n");
        html.Append("<p>Each cell is one test: P passed, F failed, K known deviation, I inconclusive, – not run, n/a the endpoint does not exist in the target's version. ");
        html.Append("A cell links to its test's result in the Allure report (allure-report/index.html next to the statement's folder, made by npm run report).</p>\n");
        html.Append("<table class=\"matrix\" id=\"matrix\"><tr><th>endpoint</th>");
        foreach (var mode in s.Matrix.AuthModes)
        {
            html.Append($"<th>{E(mode)}</th>");
        }

        html.Append("</tr>\n");
        foreach (var row in s.Matrix.Rows)
        {
            html.Append($"<tr><th>{E(row.Endpoint)}</th>");
            foreach (var mode in s.Matrix.AuthModes)
            {
                var cell = row.Cells.FirstOrDefault(c => c.AuthMode == mode);
                if (cell is null)
                {
                    html.Append("<td></td>");
                    continue;
                }

                var mark = E(Mark(cell.Outcome));
                var content = cell.Link is null ? mark : $"<a href=\"{E(cell.Link)}\">{mark}</a>";
                html.Append($"<td class=\"{Css(cell.Outcome)}\" title=\"{E(row.Endpoint)}, {E(mode)}: {E(cell.Outcome)}\">{content}</td>");
            }

            html.Append("</tr>\n");
        }

        html.Append("</table>\n");
    }

    private static void NotPassed(StringBuilder html, IReadOnlyList<CaseEntry> cases)
    {
        var shown = cases.Where(c => c.Outcome is not "passed" and not "not run").ToList();
        html.Append($"<h2>Tests that did not pass ({shown.Count}; tests not run are only counted)</h2>\n");
        if (shown.Count == 0)
        {
            return;
        }

        html.Append("<table id=\"not-passed\"><tr><th>case</th><th>outcome</th><th>failed requirements</th><th>status</th><th>content type</th><th>body shape</th></tr>");
        foreach (var c in shown)
        {
            html.Append($"<tr><td>{E(c.Case)}</td><td class=\"{Css(c.Outcome)}\">{E(c.Outcome)}</td><td>{E(string.Join(", ", c.FailedRequirements))}</td>");
            html.Append($"<td>{c.Status?.ToString(System.Globalization.CultureInfo.InvariantCulture)}</td><td>{E(c.ContentType ?? string.Empty)}</td><td>{E(c.BodyShape ?? string.Empty)}</td></tr>");
        }

        html.Append("</table>\n");
    }

    private static string Mark(string outcome) => outcome switch
    {
        "passed" => "P",
        "failed" => "F",
        "known deviation" => "K",
        "inconclusive" => "I",
        StatementBuilder.NotApplicable => "n/a",
        _ => "–",
    };

    private static void Fact(StringBuilder html, string name, string value) => html.Append($"<tr><th>{E(name)}</th><td>{E(value)}</td></tr>");

    private static string YesNo(bool value) => value ? "yes" : "no";

    private static string Css(string text) => text.Replace(' ', '-');

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
