using System.Text.Json;
using System.Text.Json.Nodes;

namespace Conformance.ReferenceServer.Storage.Resources;

/// <summary>/api/{v}/location/: locations (disabled ones invisible), default/, browse/, file moves (sync and async).</summary>
internal static class LocationResource
{
    private static IEnumerable<Location> Active(ApiContext ctx) => ctx.State.Locations.Where(l => l.Enabled);

    public static Reply List(ApiContext ctx) =>
        TastypieViews.List(ctx, "location", Active(ctx), l => Dehydrate.Location(l, ctx.State, ctx.ApiVersion));

    public static Reply Detail(ApiContext ctx) =>
        TastypieViews.Detail(ctx, Find(ctx, ctx.Group("uuid")), l => Dehydrate.Location(l, ctx.State, ctx.ApiVersion));

    public static Reply Schema(ApiContext ctx) => TastypieViews.Schema(ctx, "location");

    public static Reply Set(ApiContext ctx) => TastypieViews.Set(ctx, "location", id => Find(ctx, id), l => Dehydrate.Location(l, ctx.State, ctx.ApiVersion));

    private static Location? Find(ApiContext ctx, string id) => TastypieViews.ByUuid(ctx, Active(ctx), id, l => l.Uuid);

    /// <summary>post_list: space and pipelines are resolved from URIs; "default": true makes it the purpose's default.</summary>
    public static Reply Create(ApiContext ctx)
    {
        var body = TastypieViews.BodyObject(ctx);
        var space = RelatedUris.Space(ctx, body["space"], "space");
        if (body["pipeline"] is not JsonArray pipelineUris)
        {
            throw body["pipeline"] is null ? RelatedUris.NoData("pipeline") : new InvalidOperationException("pipeline must be a list of URIs");
        }
        var pipelines = pipelineUris.Select(uri => RelatedUris.Pipeline(ctx, uri, "pipeline")).ToList();
        var location = new Location
        {
            Id = ctx.State.NextId(),
            Uuid = TastypieViews.Text(body["uuid"]) ?? Guid.NewGuid().ToString(),
            Space = space,
            RelativePath = TastypieViews.Text(body["relative_path"]) ?? "",
            Purpose = TastypieViews.Text(body["purpose"]) ?? "",
            // v1 exposes description as a read-only computed field, so v1 input is not stored.
            Description = ctx.ApiVersion == "v2" ? TastypieViews.Text(body["description"]) : null,
            Quota = TastypieViews.Integer(body["quota"]),
            Enabled = body["enabled"] is not JsonValue enabled || enabled.GetValueKind() != JsonValueKind.False,
        };
        location.Pipelines.AddRange(pipelines.Distinct());
        ctx.State.Locations.Add(location);
        if (body["default"] is JsonValue isDefault && isDefault.GetValueKind() == JsonValueKind.True)
        {
            ctx.State.DefaultLocations[location.Purpose] = location.Uuid;
        }
        var data = (JsonObject)body.DeepClone();
        foreach (var (key, value) in Dehydrate.Location(location, ctx.State, ctx.ApiVersion))
        {
            data[key] = value?.DeepClone();
        }
        return ctx.Respond(201, data, resourceObject: true).WithHeader("Location", ctx.Uri("location", location.Uuid));
    }

    /// <summary>default/&lt;PURPOSE&gt;/: 302 to the default location, always under /api/v2/.</summary>
    public static Reply Default(ApiContext ctx)
    {
        if (!ctx.State.DefaultLocations.TryGetValue(ctx.Group("purpose"), out var uuid))
        {
            return Reply.Text(404, "Default location not defined for this purpose.");
        }
        return Reply.Empty(302).WithHeader("Location", $"/api/v2/location/{uuid}/") with { IsNon2xxSuccess = true };
    }

    /// <summary>browse/: v2 takes a base64 path and base64-encodes entries, directories and property keys.</summary>
    public static Reply Browse(ApiContext ctx) =>
        TastypieViews.Custom(ctx, Active(ctx), l => l.Uuid, [], (location, _) =>
        {
            var path = ctx.Request.Query.Get("path") ?? "";
            if (ctx.ApiVersion == "v2")
            {
                path = Browsing.DecodeBase64(path);
            }
            var locationPath = location.FullPath;
            if (!path.StartsWith(locationPath, StringComparison.Ordinal))
            {
                path = PosixPath.Join(locationPath, path);
            }
            if (!PosixPath.IsRelativePath(locationPath, path))
            {
                return Reply.Text(400, "The path parameter must be relative to the location path");
            }
            var listing = Browsing.List(ctx.State.Disk, path);
            return ctx.Respond(200, ctx.ApiVersion == "v2" ? Browsing.Encode(listing, encodePropertyKeys: true) : listing);
        });

    /// <summary>POST {uuid}/ (post_detail): move files synchronously; 200 {"error": null, "message": ...}.</summary>
    public static Reply MoveFiles(ApiContext ctx) =>
        HandleFileMove(ctx, ctx.Group("uuid"), "ss.location.move_files", (files, origin, destination) =>
        {
            Copy(ctx, "ss.location.move_files", files, origin, destination);
            return ctx.Respond(200, new JsonObject { ["error"] = null, ["message"] = "Files moved successfully" });
        });

    /// <summary>{uuid}/async/: the same move as a task; 202 + Location /api/v2/async/&lt;id&gt;/.</summary>
    public static Reply MoveFilesAsync(ApiContext ctx) =>
        TastypieViews.Custom(ctx, Active(ctx), l => l.Uuid, [], (location, _) =>
            HandleFileMove(ctx, location.Uuid, "ss.location.async_move", (files, origin, destination) =>
                AsyncResource.Accepted(AsyncResource.Run(ctx.State, () =>
                {
                    Copy(ctx, "ss.location.async_move", files, origin, destination);
                    return "Files moved successfully";
                }))));

    /// <summary>
    /// _handle_location_file_move: body decoded strictly (415/400), destination looked up (404 empty),
    /// required keys checked — the handler then returns the HttpBadRequest *class*, which the sync view
    /// turns into 204 and the async view into a 500 — then the origin URI's 5th segment is the UUID.
    /// </summary>
    private static Reply HandleFileMove(ApiContext ctx, string destinationUuid, string endpointId, Func<JsonArray, Location, Location, Reply> move)
    {
        var syncMissingFields = endpointId == "ss.location.move_files";
        var data = TastypieSerializer.Deserialize(ctx.Request) ?? new JsonArray();
        if (TastypieViews.ByUuid(ctx, Active(ctx), destinationUuid, l => l.Uuid) is not { } destination)
        {
            return Reply.Empty(404);
        }
        var missing = Reply.NoContent();
        if (!new[] { "origin_location", "pipeline", "files" }.All(key => TastypieViews.Contains(data, key)))
        {
            return syncMissingFields ? missing : throw new InvalidOperationException("'type' object has no attribute 'has_header'");
        }
        var originUri = TastypieViews.Field(data, "origin_location") is JsonValue uri && uri.GetValueKind() == JsonValueKind.String
            ? uri.GetValue<string>() : throw new InvalidOperationException("origin_location has no split()");
        var segments = originUri.Split('/');
        var origin = segments.Length > 4 ? TastypieViews.ByUuid(ctx, Active(ctx), segments[4], l => l.Uuid) : null;
        if (origin is null)
        {
            return Reply.Text(404, $"The URL provided '{originUri}' was not a link to a valid Location.");
        }
        if (TastypieViews.Field(data, "files") is not JsonArray files)
        {
            throw new InvalidOperationException("files is not iterable");
        }
        foreach (var file in files)
        {
            if (file is not JsonObject item)
            {
                throw new InvalidOperationException("file entry has no get()");
            }
            if (string.IsNullOrEmpty(TastypieViews.Text(item["source"])) || string.IsNullOrEmpty(TastypieViews.Text(item["destination"])))
            {
                return syncMissingFields ? missing : throw new InvalidOperationException("'type' object has no attribute 'has_header'");
            }
        }
        // As the real service (_move_files_between_locations joins each path to its location's unchecked):
        // a source or destination outside the locations is copied from or to; a missing source fails the copy.
        return move(files, origin, destination);
    }

    /// <summary>
    /// Copies each source (relative to the origin) to its destination (relative to the target location):
    /// despite the name, the real service rsyncs and keeps the source. Under
    /// <see cref="Fault.StoreMovesSource"/> the source is deleted afterwards.
    /// </summary>
    private static void Copy(ApiContext ctx, string endpointId, JsonArray files, Location origin, Location destination)
    {
        foreach (var file in files.OfType<JsonObject>())
        {
            var source = StoragePaths.Resolve(origin, TastypieViews.Text(file["source"])!);
            var target = StoragePaths.Resolve(destination, TastypieViews.Text(file["destination"])!);
            if (!ctx.State.Disk.Exists(source))
            {
                throw new IOException($"rsync: link_stat \"{source}\" failed: No such file or directory (2)");
            }
            if (StoragePaths.CopiesLoseSource(ctx, endpointId))
            {
                ctx.State.Disk.Move(source, target);
            }
            else
            {
                ctx.State.Disk.Copy(source, target);
            }
        }
    }
}
