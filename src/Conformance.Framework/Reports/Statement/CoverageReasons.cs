using System.Text.RegularExpressions;

namespace Conformance.Framework.Reports.Statement;

/// <summary>
/// Why a case was not exercised, short enough to group by: the coverage table counts endpoints per
/// reason, so the same cause must read the same in every case. An inconclusive case keeps its
/// reason without the case name and prefixes ("INCONCLUSIVE: am.transfer.status, Header could not be
/// exercised: "), with UUIDs cut to their first 8 digits; a case not run is named by the setting that
/// would run it ("AllowWrites=true"), which is what a reader can act on.
/// </summary>
public static partial class CoverageReasons
{
    public const string NotSelected = "not selected (left out by the --filter, or explicit)";

    public const string SuiteError = "the test failed inside the suite (broken): a defect of the suite";

    private const int MaxLength = 200;

    /// <summary>The reason an inconclusive or not-run case gives, from its NUnit message; null for the outcomes that need none.</summary>
    public static string? Of(CaseOutcome outcome, string caseName, string? message) => outcome switch
    {
        CaseOutcome.Inconclusive => Inconclusive(caseName, message),
        CaseOutcome.NotRun => NotRun(caseName, message),
        _ => null,
    };

    public static string Inconclusive(string caseName, string? message)
    {
        var text = FirstLine(message);
        text = StripPrefix(text, "INCONCLUSIVE: ");
        text = StripPrefix(text, $"{caseName} could not be exercised: ");
        text = StripPrefix(text, "not run: ");
        return Shorten(text.Length == 0 ? "no reason given" : text);
    }

    /// <summary>The setting(s) that would run the case ("AllowWrites=true and AllowHostileWrites=true"), else the reason, short.</summary>
    public static string NotRun(string caseName, string? message)
    {
        var text = FirstLine(message);
        var settings = SettingToSet().Matches(text).Select(m => m.Groups[1].Value).Distinct(StringComparer.Ordinal).ToList();
        if (settings.Count > 0)
        {
            return string.Join(" and ", settings);
        }

        if (Raise().Match(text) is { Success: true } raise)
        {
            return $"{raise.Groups[1].Value} (used up)";
        }

        if (text.StartsWith("DRY RUN", StringComparison.Ordinal))
        {
            return "DryRun=true (nothing was sent)";
        }

        // "not run: the Archivematica dashboard is not configured (set ARCHIVEMATICA_URL, ...)": what is missing, without the list.
        var configured = NotConfigured().Match(text);
        return configured.Success ? configured.Value : Inconclusive(caseName, text);
    }

    private static string FirstLine(string? message)
    {
        var text = (message ?? string.Empty).Trim();
        var end = text.IndexOfAny(['\r', '\n']);
        return Redactor.Redact(end < 0 ? text : text[..end]).Trim();
    }

    private static string StripPrefix(string text, string prefix) =>
        text.StartsWith(prefix, StringComparison.Ordinal) ? text[prefix.Length..].TrimStart() : text;

    private static string Shorten(string text)
    {
        var shorter = Uuid().Replace(text, m => m.Value[..8] + "…");
        return shorter.Length <= MaxLength ? shorter : shorter[..(MaxLength - 1)] + "…";
    }

    // "set AllowWrites=true (ALLOW_WRITES=true) and AllowHostileWrites=true (...)": the runsettings names.
    [GeneratedRegex(@"\b([A-Z][A-Za-z]+=true) \([A-Z_]+=true\)")]
    private static partial Regex SettingToSet();

    [GeneratedRegex(@"\braise ([A-Z][A-Za-z]+)\b")]
    private static partial Regex Raise();

    [GeneratedRegex(@"the [A-Za-z ]+ is not configured")]
    private static partial Regex NotConfigured();

    [GeneratedRegex("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")]
    private static partial Regex Uuid();
}
