using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Conformance.ReferenceServer.Storage.Resources;

/// <summary>
/// tastypie related-field hydration (build_related_resource / get_via_uri): a resource URI in a
/// request body becomes an object. Missing data, unknown objects and non-URI values are 400
/// ApiFieldErrors; URIs that do not resolve to a detail route of the field's resource (a traversal such as
/// /api/v2/location/../../x/y/) are NotFound (404 canned error).
/// </summary>
internal static class RelatedUris
{
    public static Pipeline Pipeline(ApiContext ctx, JsonNode? value, string field) =>
        Resolve(ctx, value, field, "pipeline", id => TastypieViews.ByUuid(ctx, ctx.State.Pipelines.Where(p => p.Enabled), id, p => p.Uuid));

    public static Space Space(ApiContext ctx, JsonNode? value, string field) =>
        Resolve(ctx, value, field, "space", id => TastypieViews.ByUuid(ctx, ctx.State.Spaces, id, s => s.Uuid));

    public static Location Location(ApiContext ctx, JsonNode? value, string field) =>
        Resolve(ctx, value, field, "location", id => TastypieViews.ByUuid(ctx, ctx.State.Locations.Where(l => l.Enabled), id, l => l.Uuid));

    public static Package Package(ApiContext ctx, JsonNode? value, string field) =>
        Resolve(ctx, value, field, "file", id => TastypieViews.ByUuid(ctx, ctx.State.Packages, id, p => p.Uuid));

    /// <summary>The error for a non-null related field given no data.</summary>
    public static TastypieBadRequestException NoData(string field) => new($"The '{field}' field has no data and doesn't allow a null value.");

    private static T Resolve<T>(ApiContext ctx, JsonNode? value, string field, string resource, Func<string, T?> lookup)
        where T : class
    {
        if (value is null)
        {
            throw NoData(field);
        }
        if (value is JsonObject)
        {
            throw new NotSupportedException("Nested related data is not supported by the reference server.");
        }
        if (value is not JsonValue scalar || scalar.GetValueKind() != JsonValueKind.String)
        {
            throw new TastypieBadRequestException(
                $"The '{field}' field was given data that was not a URI, not a dictionary-alike and does not have a 'pk' attribute: {TastypieViews.Text(value)}.");
        }
        var uri = scalar.GetValue<string>();
        var end = uri.TrimEnd('/').LastIndexOf('/');
        // Resolution runs against this resource's URLs only: the segment before the key must be its name.
        if (end == -1 || !uri[..end].EndsWith("/" + resource, StringComparison.Ordinal))
        {
            throw new TastypieNotFoundException($"An incorrect URL was provided '{uri}' for the '{resource}' resource.");
        }
        var foundAt = uri.LastIndexOf(resource, Math.Max(0, end - 1), StringComparison.Ordinal);
        var chomped = foundAt >= 0 ? uri[foundAt..] : uri[^1..];
        // The schema URL resolves (the list and set/ ones failed the check above); obj_get without a key finds them all.
        if (chomped == resource + "/schema/")
        {
            throw new InvalidOperationException("get() returned more than one object");
        }
        var detail = Regex.Match(chomped, "^" + Regex.Escape(resource) + "/(?<id>.*?)/$", RegexOptions.None, TimeSpan.FromSeconds(1));
        if (!detail.Success)
        {
            throw new TastypieNotFoundException($"The URL provided '{uri}' was not a link to a valid resource.");
        }
        return lookup(detail.Groups["id"].Value)
            ?? throw new TastypieBadRequestException($"Could not find the provided {resource} object via resource URI '{uri}'.");
    }
}
