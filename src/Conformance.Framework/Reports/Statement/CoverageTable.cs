using System.Globalization;
using System.Text;

namespace Conformance.Framework.Reports.Statement;

/// <summary>
/// <see cref="EndpointCoverage"/> as plain text: the headline, one row per auth mode with a column
/// group per service, the reasons for what was not exercised, and (in full) each endpoint the
/// headline misses. The same text goes to the console, TestResults/coverage-&lt;run id&gt;.txt and the
/// Allure report; monospace, at most about 90 characters wide but for the reasons.
/// </summary>
public static class CoverageTable
{
    private const int LabelWidth = 20;
    private const int GroupWidth = 22;

    /// <param name="full">With the list of endpoints not exercised under Header (the file, the report); without, for the console.</param>
    public static string Render(EndpointCoverage coverage, string runId, bool full)
    {
        var text = new StringBuilder();
        text.AppendLine($"Endpoint coverage of run {runId}: {coverage.Headline}");
        text.AppendLine($"({coverage.CountingRule})");
        text.AppendLine();
        Table(text, coverage);
        Reasons(text, "Inconclusive, by reason", coverage.Inconclusive);
        Reasons(text, "Not run, by the setting that would run them", coverage.NotRun);
        if (full)
        {
            Gaps(text, coverage.NotExercisedUnderHeader);
        }

        return text.ToString();
    }

    private static void Table(StringBuilder text, EndpointCoverage coverage)
    {
        var blocks = coverage.Services;
        text.Append(Pad(string.Empty, LabelWidth)).AppendLine(string.Concat(blocks.Select(b => Pad(b.Name, GroupWidth))).TrimEnd());
        text.Append(Pad(string.Empty, LabelWidth)).AppendLine(string.Concat(blocks.Select(b => Pad($"{b.Endpoints} endpoints", GroupWidth))).TrimEnd());
        text.Append(Pad("auth mode", LabelWidth)).AppendLine(string.Concat(blocks.Select(_ => Pad($"{"ex",4}{"inc",5}{"nr",5}{"n/a",5}", GroupWidth))).TrimEnd());
        foreach (var mode in coverage.AuthModes)
        {
            text.Append(Pad(mode, LabelWidth));
            foreach (var block in blocks)
            {
                var m = block.Mode(mode);
                text.Append(Pad(m is null ? "·" : $"{N(m.Exercised),4}{N(m.Inconclusive),5}{N(m.NotRun),5}{N(m.NotApplicable),5}", GroupWidth));
            }

            text.Length = text.ToString().TrimEnd().Length;
            text.AppendLine();
        }

        text.AppendLine("ex exercised (passed, failed or known deviation), inc inconclusive, nr not run, n/a not in the target's release");
    }

    private static void Reasons(StringBuilder text, string title, IReadOnlyList<CoverageReason> reasons)
    {
        text.AppendLine();
        text.AppendLine($"{title} (endpoints, cases of any auth mode and API version, endpoints missed under Header):");
        if (reasons.Count == 0)
        {
            text.AppendLine("  none");
            return;
        }

        var all = Enum.GetValues<AuthMode>().Length;
        foreach (var r in reasons)
        {
            var modes = r.AuthModes.Count >= all ? string.Empty : $" [{string.Join(", ", r.AuthModes)}]";
            text.AppendLine($"  {Pad(ServiceOf(r.Service), 16)}{Count(r.Endpoints, "endpoint")}{Count(r.Cases, "case", 5)}{N(r.UnderHeader),3} under Header{modes}: {r.Reason}");
        }
    }

    private static void Gaps(StringBuilder text, IReadOnlyList<EndpointGap> gaps)
    {
        text.AppendLine();
        text.AppendLine($"Not exercised under {EndpointCoverage.HeadlineMode} ({gaps.Count}):");
        if (gaps.Count == 0)
        {
            text.AppendLine("  none");
            return;
        }

        var width = gaps.Max(g => g.Endpoint.Length) + 2;
        foreach (var g in gaps)
        {
            text.AppendLine($"  {Pad(ServiceOf(g.Service), 16)}{Pad(g.Endpoint, width)}{Pad(g.Outcome, 16)}{g.Reason}");
        }
    }

    private static string ServiceOf(string service) => EndpointCoverage.ServiceName(ServiceKindNames.Parse(service));

    // "  1 endpoint  ", " 21 endpoints ": the columns stay aligned.
    private static string Count(int n, string noun, int width = 3) => $"{N(n).PadLeft(width)} {(n == 1 ? noun + " " : noun + "s")} ";

    private static string N(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static string Pad(string s, int width) => s.Length >= width ? s + " " : s.PadRight(width);
}
