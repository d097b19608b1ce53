using System.Text.Json.Nodes;

namespace Conformance.ReferenceServer.Storage.Resources;

/// <summary>/api/{v}/pipeline/: registered pipelines (disabled ones invisible).</summary>
internal static class PipelineResource
{
    private static IEnumerable<Pipeline> Active(ApiContext ctx) => ctx.State.Pipelines.Where(p => p.Enabled);

    public static Reply List(ApiContext ctx) =>
        TastypieViews.List(ctx, "pipeline", Active(ctx), p => Dehydrate.Pipeline(p, ctx.ApiVersion));

    public static Reply Detail(ApiContext ctx) =>
        TastypieViews.Detail(ctx, Find(ctx, ctx.Group("uuid")), p => Dehydrate.Pipeline(p, ctx.ApiVersion));

    public static Reply Schema(ApiContext ctx) => TastypieViews.Schema(ctx, "pipeline");

    public static Reply Set(ApiContext ctx) => TastypieViews.Set(ctx, "pipeline", id => Find(ctx, id), p => Dehydrate.Pipeline(p, ctx.ApiVersion));

    private static Pipeline? Find(ApiContext ctx, string id) => TastypieViews.ByUuid(ctx, Active(ctx), id, p => p.Uuid);

    /// <summary>
    /// post_list: registers a pipeline (enabled, remote_name defaulting to the client address) and, when
    /// asked, attaches it to the default locations plus a new currently-processing location. The
    /// response echoes other input keys like tastypie, minus the POST-only and credential fields.
    /// </summary>
    public static Reply Create(ApiContext ctx)
    {
        var body = TastypieViews.BodyObject(ctx);
        var uuid = TastypieViews.Text(body["uuid"]) ?? Guid.NewGuid().ToString();
        if (ctx.Version.ValidatesUuids)
        {
            uuid = UuidRules.TryCanonical(uuid, out var canonical) ? canonical : throw UuidRules.Invalid(uuid, ctx.Version);
        }
        if (ctx.State.Pipelines.Any(p => p.Uuid == uuid))
        {
            throw new InvalidOperationException("UNIQUE constraint failed: locations_pipeline.uuid");
        }
        var pipeline = new Pipeline
        {
            Id = ctx.State.NextId(),
            Uuid = uuid,
            Description = TastypieViews.Text(body["description"]),
            RemoteName = TastypieViews.Text(body["remote_name"]) ?? ctx.Request.Context.Connection.RemoteIpAddress?.ToString(),
            ApiUsername = TastypieViews.Text(body["api_username"]) ?? "",
            ApiKey = TastypieViews.Text(body["api_key"]) ?? "",
        };
        ctx.State.Pipelines.Add(pipeline);
        if (body["create_default_locations"] is JsonValue flag && flag.TryGetValue<bool>(out var create) && create)
        {
            CreateDefaultLocations(ctx.State, pipeline, TastypieViews.Text(body["shared_path"]) ?? "/var/archivematica/sharedDirectory");
        }
        var data = (JsonObject)body.DeepClone();
        foreach (var inputOnly in new[] { "create_default_locations", "shared_path", "api_username", "api_key" })
        {
            data.Remove(inputOnly);
        }
        foreach (var (key, value) in Dehydrate.Pipeline(pipeline, ctx.ApiVersion))
        {
            data[key] = value?.DeepClone();
        }
        return ctx.Respond(201, data, resourceObject: true).WithHeader("Location", ctx.Uri("pipeline", pipeline.Uuid));
    }

    private static void CreateDefaultLocations(StorageState state, Pipeline pipeline, string sharedPath)
    {
        foreach (var purpose in state.DefaultLocations.Keys.Where(p => p != "CP"))
        {
            state.DefaultLocation(purpose)?.Pipelines.Add(pipeline);
        }
        var space = state.DefaultLocation("CP")?.Space ?? state.Spaces[0];
        var processing = new Location
        {
            Id = state.NextId(), Uuid = Guid.NewGuid().ToString(), Space = space, Purpose = "CP", RelativePath = sharedPath.TrimStart('/'),
        };
        processing.Pipelines.Add(pipeline);
        state.Locations.Add(processing);
    }
}
