using System.Text.RegularExpressions;

namespace Conformance.ReferenceServer.Dashboard.Routing;

/// <summary>
/// The dashboard API URLconf (<c>components/api/urls.py</c>), in its order: Django tries the patterns
/// one by one with <c>re.search</c> on the path after <c>/api/</c>, so patterns without <c>^</c> match
/// anywhere and patterns without <c>$</c> accept any suffix. 1.15.0 turned four end-anchored
/// patterns into exact <c>path()</c> routes (version differences A1/A2).
/// </summary>
internal sealed class RouteTable
{
    /// <summary>Python 3 <c>\w</c> on str patterns: Unicode letters, digits, underscore.</summary>
    private const string Word = @"[\p{L}\p{N}_]";

    /// <summary><c>settings.UUID_REGEX</c>: UUID-shaped word characters, not strictly hex.</summary>
    private const string Uuid = Word + "{8}(?:-" + Word + "{4}){3}-" + Word + "{12}";

    private const string Get = "GET";
    private const string Post = "POST";
    private const string Delete = "DELETE";

    private readonly List<DashboardRoute> _routes;

    public RouteTable(ArchivematicaVersion version)
    {
        var exactPaths = version.AtLeast("1.15.0");
        _routes =
        [
            Route("transfer/approve", [Post], "am.transfer.approve", TransferEndpoints.Approve),
            Route("transfer/unapproved", [Get], "am.transfer.unapproved", TransferEndpoints.Unapproved),
            Route("transfer/completed", [Get], "am.transfer.completed", UnitEndpoints.CompletedTransfers),
            Route($"transfer/status/(?<uuid>{Uuid})", [Get], "am.transfer.status", UnitEndpoints.TransferStatus),
            Route("transfer/start_transfer/", [Post], "am.transfer.start_transfer", TransferEndpoints.StartTransfer),
            Route("transfer/reingest", [Post], "am.transfer.reingest", ReingestEndpoints.TransferReingest),
            Route($"ingest/status/(?<uuid>{Uuid})", [Get], "am.ingest.status", UnitEndpoints.IngestStatus),
            Route("ingest/waiting", [Get], "am.ingest.waiting", UnitEndpoints.Waiting),
            Route($"^(?<type>transfer|ingest)/(?<uuid>{Uuid})/delete/", [Delete], m => $"am.{m.Groups["type"].Value}.hide", UnitEndpoints.Hide),
            Route("^(?<type>transfer|ingest)/delete/", [Delete], m => $"am.{m.Groups["type"].Value}.hide_completed", UnitEndpoints.HideCompleted),
            Route("^ingest/reingest/approve", [Post], "am.ingest.reingest_approve", ReingestEndpoints.ApprovePartialReingest),
            Route("^ingest/reingest", [Post], "am.ingest.reingest", ReingestEndpoints.IngestReingest),
            Route("^ingest/completed", [Get], "am.ingest.completed", UnitEndpoints.CompletedIngests),
            Route(exactPaths ? Exact("ingest/copy_metadata_files/") : "^ingest/copy_metadata_files/$", [Post], "am.ingest.copy_metadata_files", IngestEndpoints.CopyMetadataFiles),
            exactPaths
                ? Route(Exact("filesystem/administration/dips/atom/levels/"), [Get], "am.admin.levels_fs", FilesystemEndpoints.Levels)
                : Route("administration/dips/atom/levels/$", [Get], LevelsEndpointId, FilesystemEndpoints.Levels),
            Route(exactPaths ? Exact("administration/dips/atom/fetch_levels/") : "administration/dips/atom/fetch_levels/$", [Get], "am.admin.fetch_levels", FilesystemEndpoints.FetchLevels),
            new(Pattern(exactPaths ? Exact("filesystem/metadata/") : "filesystem/metadata/$"), [Get, Post],
                (_, method) => method == Post ? "am.filesystem.metadata.post" : "am.filesystem.metadata.get", FilesystemEndpoints.PathMetadata),
            new(Pattern(@"processing-configuration/(?<name>" + Word + "{1,16})"), [Get, Delete],
                (_, method) => method == Delete ? "am.processing_config.delete" : "am.processing_config.get", ProcessingConfigurationEndpoints.Single),
            Route("processing-configuration", [Get], "am.processing_config.list", ProcessingConfigurationEndpoints.List),
            new(Pattern("v2beta/package"), [Get, Post],
                (_, method) => method == Post ? "am.v2beta.package.post" : "am.v2beta.package.get", PackageEndpoints.Package),
            Route(@"v2beta/validate/(?<validator>(?:-|" + Word + ")+)", [Post], "am.v2beta.validate", ValidateEndpoints.Validate),
            Route($"v2beta/jobs/(?<uuid>{Uuid})", [Get], "am.v2beta.jobs", JobEndpoints.Jobs),
            Route($"v2beta/task/(?<uuid>{Uuid})", [Get], "am.v2beta.task", JobEndpoints.Task),
        ];
    }

    /// <summary>
    /// Django's resolver on a decoded path: everything lives under <c>^api/</c>; first match wins.
    /// </summary>
    public (DashboardRoute Route, Match Match)? Resolve(string path)
    {
        const string prefix = "/api/";
        if (!path.StartsWith(prefix, StringComparison.Ordinal))
        {
            return null;
        }
        var rest = path[prefix.Length..];
        foreach (var route in _routes)
        {
            var match = route.Pattern.Match(rest);
            if (match.Success)
            {
                return (route, match);
            }
        }
        return null;
    }

    /// <summary>In 1.13.2 the levels pattern is end-anchored only; the catalogue tells its two paths apart.</summary>
    private static string LevelsEndpointId(Match match) =>
        match.Index == 0 ? "am.admin.levels" : "am.admin.levels_fs";

    private static DashboardRoute Route(string pattern, string[] methods, string endpointId, EndpointHandler handler) =>
        new(Pattern(pattern), methods, (_, _) => endpointId, handler);

    private static DashboardRoute Route(string pattern, string[] methods, Func<Match, string> endpointId, EndpointHandler handler) =>
        new(Pattern(pattern), methods, (match, _) => endpointId(match), handler);

    /// <summary>A Django 2+ <c>path()</c> route: the whole path, no trailing-newline leniency (<c>\Z</c>).</summary>
    private static string Exact(string path) => "^" + Regex.Escape(path) + @"\z";

    private static Regex Pattern(string pattern) => new(pattern, RegexOptions.CultureInvariant);
}
