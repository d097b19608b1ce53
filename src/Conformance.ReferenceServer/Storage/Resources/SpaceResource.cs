using System.Text.Json;
using System.Text.Json.Nodes;

namespace Conformance.ReferenceServer.Storage.Resources;

/// <summary>/api/{v}/space/: storage spaces with their protocol-specific fields, and browse/.</summary>
internal static class SpaceResource
{
    public static Reply List(ApiContext ctx) =>
        TastypieViews.List(ctx, "space", ctx.State.Spaces, s => Dehydrate.Space(s, ctx.State, ctx.ApiVersion));

    public static Reply Detail(ApiContext ctx) =>
        TastypieViews.Detail(ctx, Find(ctx, ctx.Group("uuid")), s => Dehydrate.Space(s, ctx.State, ctx.ApiVersion));

    public static Reply Schema(ApiContext ctx) => TastypieViews.Schema(ctx, "space");

    public static Reply Set(ApiContext ctx) => TastypieViews.Set(ctx, "space", id => Find(ctx, id), s => Dehydrate.Space(s, ctx.State, ctx.ApiVersion));

    private static Space? Find(ApiContext ctx, string id) => TastypieViews.ByUuid(ctx, ctx.State.Spaces, id, s => s.Uuid);

    /// <summary>
    /// post_list: the protocol and its fields are read before validation (missing or unknown → KeyError,
    /// a 500), then SpaceForm validates (400 {"space": {field: [messages]}}). Directories are not created.
    /// </summary>
    public static Reply Create(ApiContext ctx)
    {
        var body = TastypieViews.BodyObject(ctx);
        var protocol = TastypieViews.Text(body["access_protocol"] ?? throw new KeyNotFoundException("access_protocol")) ?? "None";
        var declared = SpaceProtocols.Fields.TryGetValue(protocol, out var names) ? names : throw new KeyNotFoundException(protocol);
        var protocolFields = new JsonObject();
        foreach (var name in declared)
        {
            protocolFields[name] = body.ContainsKey(name) ? body[name]?.DeepClone() : throw new KeyNotFoundException(name);
        }
        var errors = Validate(body);
        if (errors.Count > 0)
        {
            return ctx.Respond(400, new JsonObject { ["space"] = errors });
        }
        var uuid = TastypieViews.Text(body["uuid"]) ?? Guid.NewGuid().ToString();
        var space = new Space
        {
            Id = ctx.State.NextId(),
            Uuid = uuid,
            AccessProtocol = protocol,
            Path = TastypieViews.Text(body["path"]) ?? "",
            StagingPath = TastypieViews.Text(body["staging_path"]) ?? "",
            Size = TastypieViews.Integer(body["size"]),
            ProtocolRowId = ctx.State.Spaces.Count(s => s.AccessProtocol == protocol) + 1,
            ProtocolFields = protocolFields,
        };
        ctx.State.Spaces.Add(space);
        // The answer is the dehydrated object only: posted keys the resource does not expose (such
        // as staging_path before 0.20) are not echoed (spec: ss.space.create, ss.pipeline.create).
        return ctx.Respond(201, Dehydrate.Space(space, ctx.State, ctx.ApiVersion), resourceObject: true).WithHeader("Location", ctx.Uri("space", space.Uuid));
    }

    /// <summary>SpaceForm: access_protocol (a known choice), staging_path (required), size (optional whole number).</summary>
    private static JsonObject Validate(JsonObject body)
    {
        var errors = new JsonObject();
        if (string.IsNullOrEmpty(TastypieViews.Text(body["staging_path"])))
        {
            errors["staging_path"] = new JsonArray("This field is required.");
        }
        if (body["size"] is JsonNode size && TastypieViews.Text(size) is { Length: > 0 } sizeText && !PythonInt.TryParse(sizeText, out _))
        {
            errors["size"] = new JsonArray("Enter a whole number.");
        }
        return errors;
    }

    /// <summary>browse/: entries of a directory inside the space; v2 base64-encodes entries and directories (not property keys).</summary>
    public static Reply Browse(ApiContext ctx) =>
        TastypieViews.Custom(ctx, ctx.State.Spaces, s => s.Uuid, [], (space, _) =>
        {
            var path = ctx.Request.Query.Get("path") ?? "";
            if (!path.StartsWith(space.Path, StringComparison.Ordinal))
            {
                path = PosixPath.Join(space.Path, path);
            }
            if (!PosixPath.IsRelativePath(space.Path, path))
            {
                return Reply.Text(400, "The path parameter must be relative to the space path");
            }
            var listing = Browsing.List(ctx.State.Disk, path);
            return ctx.Respond(200, ctx.ApiVersion == "v2" ? Browsing.Encode(listing, encodePropertyKeys: false) : listing);
        });
}
