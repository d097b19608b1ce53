using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace Conformance.ReferenceServer.Dashboard.Http;

/// <summary>
/// What a view sees of one request, with Django's <c>QueryDict</c> semantics: <c>get</c> returns the
/// <em>last</em> value of a repeated field, <c>getlist</c> all of them. <see cref="Form"/> is Django's
/// <c>request.POST</c>: filled only for POST with an urlencoded or multipart body.
/// </summary>
internal sealed class DashboardRequest
{
    public required HttpContext Http { get; init; }

    public required Match Route { get; init; }

    public required string EndpointId { get; init; }

    public required DashboardState State { get; init; }

    public required ReferenceServerOptions Options { get; init; }

    public required byte[] Body { get; init; }

    public required IFormCollection Form { get; init; }

    public string Method => Http.Request.Method;

    public ArchivematicaVersion Version => new(Options.ArchivematicaVersion);

    public string RouteValue(string group) => Route.Groups[group].Value;

    public string? Query(string name) => Last(Http.Request.Query[name]);

    public bool HasQuery(string name) => Http.Request.Query.ContainsKey(name);

    public string? FormValue(string name) => Last(Form[name]);

    public IReadOnlyList<string> FormList(string name) => [.. Form[name].Select(v => v ?? "")];

    /// <summary>A header as Django's <c>request.META</c> holds it, or null when absent.</summary>
    public string? Header(string name) =>
        Http.Request.Headers.TryGetValue(name, out var values) ? values.ToString() : null;

    private static string? Last(Microsoft.Extensions.Primitives.StringValues values) =>
        values.Count == 0 ? null : values[values.Count - 1];
}
