using System.Text.Json.Nodes;

namespace Conformance.ReferenceServer.Storage.Resources;

/// <summary>File rows of packages: contents/ (GET/PUT/DELETE), file/metadata/, reindex/.</summary>
internal static class PackageContentsRoutes
{
    private static readonly (string Source, string Target)[] PropertyMap =
    [
        ("relative_path", "name"), ("fileuuid", "source_id"), ("accessionid", "accessionid"), ("sipuuid", "source_package"), ("origin", "origin"),
    ];

    public static Reply Contents(ApiContext ctx) =>
        TastypieViews.Custom(ctx, ctx.State.Packages, p => p.Uuid, [], (package, _) => ctx.Request.Method switch
        {
            "PUT" => AddFiles(ctx, package),
            "DELETE" => RemoveFiles(package),
            _ => ListFiles(package),
        });

    private static Reply ListFiles(Package package)
    {
        var files = new JsonArray();
        foreach (var file in package.Files)
        {
            files.Add(new JsonObject
            {
                ["source_id"] = file.SourceId,
                ["name"] = file.Name,
                ["source_package"] = file.SourcePackage,
                ["checksum"] = file.Checksum,
                ["accessionid"] = file.AccessionId,
                ["origin"] = file.Origin,
            });
        }
        return Reply.StdJson(200, new JsonObject { ["success"] = true, ["package"] = package.Uuid, ["files"] = files });
    }

    /// <summary>PUT: a JSON list of {relative_path, fileuuid, accessionid, sipuuid, origin}; two answers carry the "application_json" typo.</summary>
    private static Reply AddFiles(ApiContext ctx, Package package)
    {
        if (!PythonJson.TryParse(ctx.Request.Body, out var node))
        {
            return Reply.StdJson(400, new JsonObject { ["success"] = false, ["error"] = "No JSON object could be decoded from POST body." });
        }
        if (node is not JsonArray items)
        {
            return Reply.StdJson(400, new JsonObject { ["success"] = false, ["error"] = "JSON request must contain a list of objects." });
        }
        if (items.Count == 0)
        {
            return Reply.Empty(200);
        }
        var created = new List<FileRecord>();
        foreach (var item in items)
        {
            var entry = item as JsonObject ?? throw new InvalidOperationException("string indices must be integers");
            var missing = PropertyMap.FirstOrDefault(p => !entry.ContainsKey(p.Source));
            if (missing.Source is not null)
            {
                return Reply.StdJson(400, new JsonObject { ["success"] = false, ["error"] = $"File object was missing key: {missing.Source}" }, "application_json");
            }
            created.Add(new FileRecord
            {
                Name = TastypieViews.Text(entry["relative_path"]) ?? "",
                SourceId = TastypieViews.Text(entry["fileuuid"]),
                AccessionId = TastypieViews.Text(entry["accessionid"]),
                SourcePackage = TastypieViews.Text(entry["sipuuid"]),
                Origin = TastypieViews.Text(entry["origin"]),
            });
        }
        package.Files.AddRange(created);
        return Reply.StdJson(201, new JsonObject { ["success"] = true, ["message"] = $"{created.Count} files created in package {package.Uuid}" }, "application_json");
    }

    private static Reply RemoveFiles(Package package)
    {
        package.Files.Clear();
        return Reply.NoContent();
    }

    /// <summary>file/metadata/: file rows matching every given query property (exact), as the Elasticsearch transferfile shape.</summary>
    public static Reply Metadata(ApiContext ctx)
    {
        var query = PropertyMap.Take(4)
            .Where(p => ctx.Request.Query.Contains(p.Source))
            .Select(p => (p.Target, Value: ctx.Request.Query.Get(p.Source)!))
            .ToList();
        if (query.Count == 0)
        {
            return Reply.StdJson(400, new JsonObject { ["success"] = false, ["error"] = "No supported query properties found!" });
        }
        // The text columns meet the utf8mb3 connection (ListFilters.RejectOutsideUtf8Mb3): the canned 500.
        if (query.Any(q => q.Target is "name" or "accessionid" && q.Value.Any(char.IsSurrogate)))
        {
            throw new InvalidOperationException("(1267, \"Illegal mix of collations\")");
        }
        var files = ctx.State.Packages.SelectMany(p => p.Files).Where(f => query.All(q => Property(f, q.Target) == q.Value)).ToList();
        if (files.Count == 0)
        {
            return Reply.Empty(404);
        }
        var response = new JsonArray();
        foreach (var file in files)
        {
            response.Add(new JsonObject
            {
                ["accessionid"] = file.AccessionId,
                ["file_extension"] = PosixPath.Extension(file.Name),
                ["filename"] = PosixPath.BaseName(file.Name),
                ["relative_path"] = file.Name,
                ["fileuuid"] = file.SourceId,
                ["origin"] = file.Origin,
                ["sipuuid"] = file.SourcePackage,
            });
        }
        return Reply.StdJson(200, response);
    }

    private static string? Property(FileRecord file, string name) => name switch
    {
        "name" => file.Name,
        "source_id" => file.SourceId,
        "accessionid" => file.AccessionId,
        _ => file.SourcePackage,
    };

    /// <summary>reindex/: only backlogged transfers; re-creates the file rows from the transfer METS.</summary>
    public static Reply Reindex(ApiContext ctx) =>
        TastypieViews.Custom(ctx, ctx.State.Packages, p => p.Uuid, [], (package, _) =>
        {
            if (package.PackageType != PackageTypes.Transfer)
            {
                return Reply.StdJson(400, new JsonObject { ["error"] = true, ["message"] = "This package is not a transfer." });
            }
            if (package.CurrentLocation.Purpose != "BL")
            {
                return Reply.StdJson(400, new JsonObject { ["error"] = true, ["message"] = "This package is not in transfer backlog." });
            }
            if (!ctx.State.Disk.Exists(package.FullPath))
            {
                return Reply.StdJson(500, new JsonObject { ["error"] = true, ["message"] = "An error occurred while reindexing the Transfer." });
            }
            var count = new PackageFactory(ctx.State).IndexTransferFiles(package);
            return Reply.StdJson(200, new JsonObject { ["error"] = false, ["message"] = $"Files indexed: {count}" });
        });
}
