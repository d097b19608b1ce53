using System.Text.Json;
using System.Text.Json.Nodes;

namespace Conformance.ReferenceServer.Storage.Resources;

/// <summary>tastypie's built-in views (get_list, get_detail, get_schema, get_multiple) and the SS custom-endpoint wrapper.</summary>
internal static class TastypieViews
{
    /// <summary>get_list: filters (obj_get_list), then sorting, then the paginator, then create_response.</summary>
    public static Reply List<T>(ApiContext ctx, string resource, IEnumerable<T> queryset, Func<T, JsonObject> dehydrate)
        where T : class
    {
        var definition = ctx.Definition(resource);
        var objects = ctx.Filters.Apply(definition, queryset, ctx.Request.Query);
        ListFilters.RejectSorting(definition, ctx.Request.Query);
        var page = Paginator.Page(ctx.Request.Query, ctx.ListUri(resource), objects, o => dehydrate(o));
        return ctx.Respond(200, page);
    }

    /// <summary>get_detail: unknown (or hidden) object → 404 with an empty body.</summary>
    public static Reply Detail<T>(ApiContext ctx, T? obj, Func<T, JsonObject> dehydrate)
        where T : class =>
        obj is null ? Reply.Empty(404) : ctx.Respond(200, dehydrate(obj), resourceObject: true);

    public static Reply Schema(ApiContext ctx, string resource) =>
        ctx.Respond(200, SchemaBuilder.Build(ctx.Definition(resource), ctx.ApiVersion));

    /// <summary>
    /// get_multiple: the query's filters checked as obj_get_list does (pipeline ?api_key= is a 400), then
    /// ids split on ";"; unknown ones listed in not_found (only when there are any).
    /// </summary>
    public static Reply Set<T>(ApiContext ctx, string resource, Func<string, T?> lookup, Func<T, JsonObject> dehydrate)
        where T : class
    {
        ctx.Filters.Check(ctx.Definition(resource), ctx.Request.Query);
        var objects = new JsonArray();
        var notFound = new JsonArray();
        foreach (var identifier in ctx.Group("ids").Split(';'))
        {
            if (lookup(identifier) is { } obj)
            {
                objects.Add(dehydrate(obj));
            }
            else
            {
                notFound.Add(identifier);
            }
        }
        var data = new JsonObject { ["objects"] = objects };
        if (notFound.Count > 0)
        {
            data["not_found"] = notFound;
        }
        return ctx.Respond(200, data);
    }

    /// <summary>Lookup by UUID with the release's UUID-column semantics (≥0.21: malformed → 400 ValidationError).</summary>
    public static T? ByUuid<T>(ApiContext ctx, IEnumerable<T> queryset, string identifier, Func<T, string> uuidOf)
        where T : class
    {
        var key = UuidRules.LookupKey(identifier, ctx.Version);
        return key is null ? null : queryset.FirstOrDefault(o => uuidOf(o) == key);
    }

    /// <summary>
    /// SS _custom_endpoint: (method check and authentication already done by the router) object lookup
    /// → plain-text 404; body decoded leniently (undecodable = empty); required fields → plain-text 400.
    /// </summary>
    public static Reply Custom<T>(ApiContext ctx, IEnumerable<T> queryset, Func<T, string> uuidOf, string[] requiredFields, Func<T, JsonNode, Reply> handler)
        where T : class
    {
        var uuid = ctx.Group("uuid");
        if (ByUuid(ctx, queryset, uuid, uuidOf) is not { } obj)
        {
            return Reply.Text(404, $"Resource with UUID {uuid} does not exist");
        }
        JsonNode data;
        try
        {
            data = TastypieSerializer.Deserialize(ctx.Request) ?? new JsonArray();
        }
        catch (Exception e) when (e is TastypieBadRequestException or UnsupportedDeserializationException or DjangoUnicodeDecodeException)
        {
            data = new JsonArray();
        }
        if (!requiredFields.All(field => Contains(data, field)))
        {
            return Reply.Text(400, "All of these fields must be provided: " + string.Join(", ", requiredFields));
        }
        return handler(obj, data);
    }

    /// <summary>Python "k in deserialized": dict keys, list items, or substrings of a string.</summary>
    public static bool Contains(JsonNode data, string key) => data switch
    {
        JsonObject obj => obj.ContainsKey(key),
        JsonArray array => array.Any(item => item is JsonValue v && v.GetValueKind() == JsonValueKind.String && v.GetValue<string>() == key),
        JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>().Contains(key, StringComparison.Ordinal),
        _ => throw new InvalidOperationException("argument of type is not iterable"),
    };

    /// <summary>Reads a key of a decoded body that must be a dict (anything else is a TypeError → 500).</summary>
    public static JsonNode? Field(JsonNode data, string key) =>
        data is JsonObject obj ? obj[key] : throw new InvalidOperationException("list indices must be integers or slices, not str");

    /// <summary>The deserialised body of a tastypie write, which must be a dict (dict_strip_unicode_keys).</summary>
    public static JsonObject BodyObject(ApiContext ctx) =>
        TastypieSerializer.Deserialize(ctx.Request) as JsonObject ?? throw new InvalidOperationException("'list' object has no attribute 'items'");

    /// <summary>An integer model field from a body value: null stays null, integral numbers and digit strings convert, anything else fails (500).</summary>
    public static long? Integer(JsonNode? node) => node switch
    {
        null => null,
        JsonValue value when PythonJson.TryGetInteger(value, out var number) => number,
        JsonValue value when value.GetValueKind() == JsonValueKind.String && long.TryParse(value.GetValue<string>(), out var parsed) => parsed,
        _ => throw new InvalidOperationException("invalid literal for int()"),
    };

    /// <summary>Reads a JSON value as Python would for a string model field (None stays null).</summary>
    public static string? Text(JsonNode? node) => PythonJson.ToPythonString(node);
}
