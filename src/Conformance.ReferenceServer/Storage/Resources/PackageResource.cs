using System.Text.Json;
using System.Text.Json.Nodes;

namespace Conformance.ReferenceServer.Storage.Resources;

/// <summary>/api/{v}/file/ (packages): list/detail/schema/set, create (sync and async), PUT and PATCH.</summary>
internal static class PackageResource
{
    public static Reply List(ApiContext ctx) =>
        TastypieViews.List(ctx, "file", ctx.State.Packages, p => Dehydrate.Package(p, ctx.State, ctx.ApiVersion));

    public static Reply Detail(ApiContext ctx) =>
        TastypieViews.Detail(ctx, Find(ctx, ctx.Group("uuid")), p => Dehydrate.Package(p, ctx.State, ctx.ApiVersion));

    public static Reply Schema(ApiContext ctx) => TastypieViews.Schema(ctx, "file");

    public static Reply Set(ApiContext ctx) => TastypieViews.Set(ctx, "file", id => Find(ctx, id), p => Dehydrate.Package(p, ctx.State, ctx.ApiVersion));

    public static Package? Find(ApiContext ctx, string id) => TastypieViews.ByUuid(ctx, ctx.State.Packages, id, p => p.Uuid);

    /// <summary>
    /// post_list: hydrate, save the row, then store (AIP/AIC/DIP in AS/DS, transfer in BL), 201 echoing the
    /// input keys. As in the real service (obj_create, then _store_bundle) origin_location is resolved and
    /// origin_path followed only after the row is saved: a bad one is answered with the row left behind.
    /// </summary>
    public static Reply Create(ApiContext ctx)
    {
        var body = TastypieViews.BodyObject(ctx);
        Package package;
        try
        {
            package = Hydrate(ctx, body);
        }
        catch when (ctx.State.Faults.IsActive(Fault.ActOnBadInput, "ss.file.create"))
        {
            // The fault: a package is recorded although the request is refused.
            ctx.State.Packages.Add(new Package { Id = ctx.State.NextId(), Uuid = Guid.NewGuid().ToString(), PackageType = PackageTypes.Aip, CurrentLocation = ctx.State.Locations[0] });
            throw;
        }

        ctx.State.Packages.Add(package);
        Store(ctx, package, body);
        return ctx.Respond(201, Echo(ctx, body, package), resourceObject: true).WithHeader("Location", ctx.Uri("file", package.Uuid));
    }

    /// <summary>
    /// async/: hydration errors answer at once; the row is saved, and storing (origin_location and
    /// origin_path included) runs as a task whose result is the package dict.
    /// </summary>
    public static Reply CreateAsync(ApiContext ctx)
    {
        var body = TastypieViews.BodyObject(ctx);
        var package = Hydrate(ctx, body);
        ctx.State.Packages.Add(package);
        var task = AsyncResource.Run(ctx.State, () =>
        {
            Store(ctx, package, body);
            return Echo(ctx, body, package);
        });
        return AsyncResource.Accepted(task);
    }

    /// <summary>
    /// put_detail: updates the package named in the URL; an unknown UUID falls back to creating one
    /// (201). Sending origin information with "reingest" finishes a reingest (the reingest pipeline
    /// must be the package's origin pipeline).
    /// </summary>
    public static Reply Update(ApiContext ctx)
    {
        var body = TastypieViews.BodyObject(ctx);
        var uuid = ctx.Group("uuid");
        if (Find(ctx, uuid) is not { } package)
        {
            var created = Hydrate(ctx, body, urlUuid: uuid);
            ctx.State.Packages.Add(created);
            Store(ctx, created, body);
            return ctx.Respond(201, Echo(ctx, body, created), resourceObject: true).WithHeader("Location", ctx.Uri("file", created.Uuid));
        }
        RequireBodyUuid(ctx, body);
        // Before 0.21 full_hydrate also copies a different body uuid onto the package (0.21 added a guard).
        if (!ctx.Version.ValidatesUuids && TastypieViews.Text(body["uuid"]) is { Length: > 0 } newUuid && newUuid != package.Uuid)
        {
            if (ctx.State.Packages.Any(p => p.Uuid == newUuid))
            {
                throw new InvalidOperationException("UNIQUE constraint failed: locations_package.uuid");
            }
            package.Uuid = newUuid;
        }
        var origin = body["origin_pipeline"] is JsonNode originUri ? RelatedUris.Pipeline(ctx, originUri, "origin_pipeline") : package.OriginPipeline;
        var location = body["current_location"] is JsonNode locationUri ? RelatedUris.Location(ctx, DefaultForm(ctx, locationUri), "current_location") : package.CurrentLocation;
        var related = body["related_packages"] is JsonArray relatedUris ? relatedUris.Select(u => RelatedUris.Package(ctx, u, "related_packages")).ToList() : null;
        var finishingReingest = body.ContainsKey("reingest") && TastypieViews.Text(body["origin_location"]) is { Length: > 0 }
            && TastypieViews.Text(body["origin_path"]) is { Length: > 0 } && PackageTypes.CanReingest.Contains(package.PackageType)
            && package.CurrentLocation.Purpose == "AS";
        if (finishingReingest)
        {
            if (TastypieViews.Text(package.MiscAttributes["reingest_pipeline"]) != package.OriginPipeline?.Uuid)
            {
                throw new InvalidOperationException($"{package.OriginPipeline?.Uuid} did not match the pipeline this AIP was reingested on.");
            }
            package.MiscAttributes["reingest_pipeline"] = null;
        }
        else
        {
            package.CurrentLocation = location;
            package.CurrentPath = TastypieViews.Text(body["current_path"]) ?? package.CurrentPath;
        }
        package.OriginPipeline = origin;
        package.PackageType = TastypieViews.Text(body["package_type"]) ?? package.PackageType;
        package.Status = TastypieViews.Text(body["status"]) ?? package.Status;
        package.Size = TastypieViews.Integer(body["size"]) ?? package.Size;
        if (body["misc_attributes"] is JsonObject misc)
        {
            package.MiscAttributes = (JsonObject)misc.DeepClone();
        }
        if (related is not null)
        {
            package.RelatedPackages.Clear();
            package.RelatedPackages.AddRange(related);
        }
        return ctx.Respond(200, Echo(ctx, body, package), resourceObject: true);
    }

    /// <summary>patch_detail: lookup (404 empty), then only "reingest" may be sent; it clears reingest_pipeline. 202 with the object.</summary>
    public static Reply Patch(ApiContext ctx)
    {
        if (Find(ctx, ctx.Group("uuid")) is not { } package)
        {
            return Reply.Empty(404);
        }
        var body = TastypieSerializer.Deserialize(ctx.Request) as JsonObject ?? throw new InvalidOperationException("'list' object has no attribute 'keys'");
        if (body.Any(p => p.Key != "reingest"))
        {
            throw new TastypieBadRequestException("PATCH only allowed on reingest");
        }
        if (body.ContainsKey("reingest"))
        {
            package.MiscAttributes["reingest_pipeline"] = null;
        }
        var data = Dehydrate.Package(package, ctx.State, ctx.ApiVersion);
        foreach (var (key, value) in body)
        {
            data[key] = value?.DeepClone();
        }
        return ctx.Respond(202, data, resourceObject: true);
    }

    /// <summary>SS ≥0.21 hydrate_uuid: the body uuid is parsed unconditionally (missing or malformed → 500).</summary>
    private static void RequireBodyUuid(ApiContext ctx, JsonObject body)
    {
        if (ctx.Version.RequiresBodyUuid && !(TastypieViews.Text(body["uuid"]) is { } uuid && UuidRules.TryCanonical(uuid, out _)))
        {
            throw new InvalidOperationException("badly formed hexadecimal UUID string");
        }
    }

    /// <summary>hydrate_current_location: "/api/v2/location/default/XX/" means the default location of that purpose.</summary>
    private static JsonNode DefaultForm(ApiContext ctx, JsonNode value)
    {
        var text = TastypieViews.Text(value) ?? "";
        var match = System.Text.RegularExpressions.Regex.Match(text, @"^\/api\/v2\/location\/default\/(?<purpose>[A-Z]{2})\/?", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1));
        return match.Success && ctx.State.DefaultLocations.TryGetValue(match.Groups["purpose"].Value, out var uuid)
            ? $"/api/v2/location/{uuid}/"
            : value;
    }

    /// <summary>full_hydrate for a new package: origin_pipeline then current_location are required related fields.</summary>
    private static Package Hydrate(ApiContext ctx, JsonObject body, string? urlUuid = null)
    {
        RequireBodyUuid(ctx, body);
        var origin = RelatedUris.Pipeline(ctx, body["origin_pipeline"], "origin_pipeline");
        var location = RelatedUris.Location(ctx, body["current_location"] is JsonNode l ? DefaultForm(ctx, l) : null, "current_location");
        var related = body["related_packages"] is JsonArray relatedUris ? relatedUris.Select(u => RelatedUris.Package(ctx, u, "related_packages")).ToList() : [];
        var uuid = urlUuid is not null && (!ctx.Version.ValidatesUuids || TastypieViews.Text(body["uuid"]) is null)
            ? urlUuid
            : TastypieViews.Text(body["uuid"]) ?? Guid.NewGuid().ToString();
        if (UuidRules.TryCanonical(uuid, out var canonical) && ctx.Version.ValidatesUuids)
        {
            uuid = canonical;
        }
        if (ctx.State.Packages.Any(p => p.Uuid == uuid))
        {
            throw new InvalidOperationException("UNIQUE constraint failed: locations_package.uuid");
        }
        var package = new Package
        {
            Id = ctx.State.NextId(),
            Uuid = uuid,
            PackageType = TastypieViews.Text(body["package_type"]) ?? "",
            Status = TastypieViews.Text(body["status"]) ?? PackageStatus.Fail,
            CurrentLocation = location,
            CurrentPath = TastypieViews.Text(body["current_path"]) ?? "",
            OriginPipeline = origin,
            Size = TastypieViews.Integer(body["size"]) ?? 0,
            MiscAttributes = body["misc_attributes"] is JsonObject misc ? (JsonObject)misc.DeepClone() : [],
        };
        package.RelatedPackages.AddRange(related);
        return package;
    }

    /// <summary>
    /// _store_bundle: AIPs/AICs/DIPs in AIP/DIP storage go under their UUID quad path; backlog transfers
    /// are kept. The origin is MOVED, not copied: the real service stores with
    /// Space.move_rsync(..., try_mv_local=True), an os.rename first, so the origin is gone afterwards.
    /// A missing origin raises (sync: tastypie's canned 500, the package row already saved; async: a failed task);
    /// so does, from 0.20, an AIP directory that is not a bag (moved, left PENDING).
    /// </summary>
    private static void Store(ApiContext ctx, Package package, JsonObject body)
    {
        var purpose = package.CurrentLocation.Purpose;
        var storesAip = package.PackageType is PackageTypes.Aip or PackageTypes.Aic or PackageTypes.Dip && purpose is "AS" or "DS";
        var backlogsTransfer = package.PackageType == PackageTypes.Transfer && purpose == "BL";
        if (!storesAip && !backlogsTransfer)
        {
            return;
        }
        var origin = RelatedUris.Location(ctx, body["origin_location"] ?? throw new InvalidOperationException("'NoneType' object has no attribute 'rstrip'"), "origin_location");
        var source = StoragePaths.Resolve(origin, TastypieViews.Text(body["origin_path"]) ?? "");
        if (storesAip)
        {
            package.CurrentPath = SeedIds.QuadPath(package.Uuid) + "/" + PosixPath.BaseName(package.CurrentPath.TrimEnd('/'));
            if (TastypieViews.Text(body["related_package_uuid"]) is { } relatedUuid
                && ctx.State.Packages.FirstOrDefault(p => p.Uuid == relatedUuid) is { } relatedPackage && relatedPackage != package)
            {
                PackageFactory.Relate(package, relatedPackage);
            }
        }
        if (storesAip)
        {
            package.Status = PackageStatus.Pending;
        }
        if (!ctx.State.Disk.Exists(source))
        {
            throw StoragePaths.Missing(source);
        }
        ctx.State.Disk.Move(source, package.FullPath);
        if (storesAip && package.PackageType != PackageTypes.Dip && ctx.Version.ChecksumsAipDirectories && !IsBagOrFile(ctx, package.FullPath))
        {
            // utils.generate_checksum(find_tagmanifest(dir)): find_tagmanifest returns None for a non-bag.
            throw new InvalidOperationException("expected str, bytes or os.PathLike object, not NoneType");
        }
        package.Status = PackageStatus.Uploaded;
        package.StoredDate = PythonDateTime.Now();
    }

    /// <summary>A file, or a directory with a BagIt tag manifest at its top (utils.find_tagmanifest).</summary>
    private static bool IsBagOrFile(ApiContext ctx, string path) =>
        !ctx.State.Disk.IsDirectory(path)
        || ctx.State.Disk.Children(path).Any(name => name is "tagmanifest-sha512.txt" or "tagmanifest-sha256.txt" or "tagmanifest-md5.txt");

    /// <summary>tastypie keeps every input key in bundle.data; dehydrated fields overwrite them.</summary>
    private static JsonObject Echo(ApiContext ctx, JsonObject body, Package package)
    {
        var data = (JsonObject)body.DeepClone();
        foreach (var (key, value) in Dehydrate.Package(package, ctx.State, ctx.ApiVersion))
        {
            data[key] = value?.DeepClone();
        }
        return data;
    }
}
