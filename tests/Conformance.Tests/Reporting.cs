
// Allure results for every test (folder: AllureResultsDirectory / ALLURE_RESULTS_DIRECTORY, default
// allure-results/ at the repository root). See the README, "Reports".
[assembly: AllureResults(typeof(Conformance.Tests.SuiteReportEnvironment))]

namespace Conformance.Tests;

/// <summary>environment.properties for the report: what was tested, never the keys.</summary>
internal sealed class SuiteReportEnvironment : IReportEnvironment
{
    public IEnumerable<KeyValuePair<string, string>> Describe()
    {
        var session = Suite.Target.Target?.Session;
        if (session is null)
        {
            yield return new("target", "not resolved: " + Suite.Target.NotUsable!.Split('\n')[0]);
            yield break;
        }

        yield return new("run.id", session.Run.RunId);
        yield return new("target", session.Settings.IsEmbedded ? "embedded reference server" : "configured target");
        yield return new("preflight", Suite.Target.NotUsable is null ? "passed" : "failed");
        foreach (var kind in new[] { ServiceKind.Archivematica, ServiceKind.Storage })
        {
            var name = kind.CatalogueName();
            var endpoint = session.Settings.For(kind);
            yield return new($"{name}.url", endpoint is null ? "not configured" : endpoint.BaseUrl.GetLeftPart(UriPartial.Path));
            if (endpoint is not null)
            {
                yield return new($"{name}.version", session.Version(kind) ?? "unknown");
            }
        }

        var s = session.Settings;
        yield return new("writes", s.IsEmbedded || s.AllowWrites ? "allowed" : "not allowed");
        yield return new("destructive", s.IsEmbedded || s.AllowDestructive ? "allowed" : "not allowed");
        yield return new("hostile.writes", s.IsEmbedded || s.AllowHostileWrites ? "allowed" : "not allowed");
        yield return new("bulk.changes", s.IsEmbedded || s.AllowBulkChanges ? "allowed" : "not allowed");
        yield return new("request.timeout.seconds", s.RequestTimeout.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (CoverageReport.Written is { } coverage)
        {
            // The headline figure; the whole table is the global attachment below.
            yield return new("coverage", coverage.Coverage.Headline);
            yield return new("coverage.table", coverage.File);
        }
    }

    public IEnumerable<PendingAttachment> Attachments() =>
        CoverageReport.Written is { } coverage ? [new PendingAttachment(CoverageAttachment, "text/plain", "txt", coverage.Table)] : [];

    /// <summary>The name of the coverage table among the report's global attachments.</summary>
    public const string CoverageAttachment = "Endpoint coverage per service and auth mode";
}
