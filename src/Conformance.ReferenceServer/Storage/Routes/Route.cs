using System.Text.RegularExpressions;

namespace Conformance.ReferenceServer.Storage.Routes;

/// <summary>How the emulated Django stack treats a matched route.</summary>
internal enum RouteKind
{
    /// <summary>tastypie Api.top_level: no method check, no authentication; BadRequest → empty 400.</summary>
    Root,

    /// <summary>A plain Django view (the SWORD service document): no tastypie wrapping at all.</summary>
    PlainView,

    /// <summary>A tastypie view: method check (OPTIONS/405) before authentication, then wrap_view error handling.</summary>
    Tastypie,

    /// <summary>A SWORD view wrapped by the resource's wrap_view but never authenticated; the view checks methods itself.</summary>
    Sword,
}

/// <summary>
/// One URL pattern of the route table: its regex (matched against the path after "/api/"), the
/// allowed methods in tastypie's order (lower case), the handler and spec endpoint id per method.
/// </summary>
internal sealed record Route(
    Regex Pattern,
    string ApiVersion,
    RouteKind Kind,
    IReadOnlyList<string> Allowed,
    bool HonoursMethodOverride,
    IReadOnlyDictionary<string, (string EndpointId, Func<ApiContext, Reply> Handler)> Methods)
{
    /// <summary>Key used by routes that serve any method.</summary>
    public const string AnyMethod = "*";

    /// <summary>"GET,POST": the 405/OPTIONS body and Allow header (comma, no space).</summary>
    public string Allows => string.Join(',', Allowed.Select(m => m.ToUpperInvariant()));

    /// <summary>Every endpoint id the route serves, for faults switched on per route (405, slash redirect).</summary>
    public IEnumerable<string> EndpointIds => Methods.Values.Select(m => m.EndpointId);

    public (string EndpointId, Func<ApiContext, Reply> Handler)? For(string method)
    {
        var lower = method.ToLowerInvariant();
        return Methods.TryGetValue(lower, out var entry) || Methods.TryGetValue(AnyMethod, out entry) ? entry : null;
    }
}
