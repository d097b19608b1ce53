using System.Text.Json.Nodes;

namespace Conformance.ReferenceServer.Storage.Resources;

/// <summary>full_dehydrate of each resource: the JSON object an API client sees (URIs in the requested API version).</summary>
internal static class Dehydrate
{
    public static string Uri(string apiVersion, string resource, string id) => $"/api/{apiVersion}/{resource}/{id}/";

    /// <summary>PipelineResource: api_username/api_key are removed in dehydrate().</summary>
    public static JsonObject Pipeline(Pipeline pipeline, string v) => new()
    {
        ["description"] = pipeline.Description,
        ["remote_name"] = pipeline.RemoteName,
        ["resource_uri"] = Uri(v, "pipeline", pipeline.Uuid),
        ["uuid"] = pipeline.Uuid,
    };

    /// <summary>SpaceResource: model fields plus the protocol model's fields (all of them, "id" and "space", before SS 0.21).</summary>
    public static JsonObject Space(Space space, StorageState state, string v)
    {
        var data = new JsonObject
        {
            ["access_protocol"] = space.AccessProtocol,
            ["last_verified"] = space.LastVerified is { } verified ? PythonDateTime.Format(verified) : null,
            ["path"] = space.Path,
            ["resource_uri"] = Uri(v, "space", space.Uuid),
            ["size"] = space.Size,
            ["used"] = state.UsedIn(space),
            ["uuid"] = space.Uuid,
            ["verified"] = space.Verified,
        };
        if (state.Version.HasStagingPath)
        {
            data["staging_path"] = space.StagingPath;
        }
        var declared = SpaceProtocols.Fields.TryGetValue(space.AccessProtocol, out var names) ? names : [];
        if (declared.Length == 0 && state.Version.LeaksProtocolModelFields)
        {
            data["id"] = space.ProtocolRowId;
            data["space"] = space.Uuid;
        }
        foreach (var name in declared)
        {
            data[name] = space.ProtocolFields[name]?.DeepClone();
        }
        return data;
    }

    /// <summary>LocationResource: v1 description is computed (description or full path), v2 is the stored value.</summary>
    public static JsonObject Location(Location location, StorageState state, string v) => new()
    {
        ["description"] = v == "v1" ? (string.IsNullOrEmpty(location.Description) ? location.FullPath : location.Description) : location.Description,
        ["enabled"] = location.Enabled,
        ["path"] = location.FullPath,
        ["pipeline"] = new JsonArray([.. location.Pipelines.Select(p => (JsonNode)Uri(v, "pipeline", p.Uuid))]),
        ["purpose"] = location.Purpose,
        ["quota"] = location.Quota,
        ["relative_path"] = location.RelativePath,
        ["resource_uri"] = Uri(v, "location", location.Uuid),
        ["space"] = Uri(v, "space", location.Space.Uuid),
        ["used"] = state.UsedIn(location),
        ["uuid"] = location.Uuid,
    };

    /// <summary>PackageResource ("file"): encrypted is added for GPG spaces; stored_date from SS 0.20.</summary>
    public static JsonObject Package(Package package, StorageState state, string v)
    {
        var data = new JsonObject
        {
            ["current_full_path"] = package.FullPath,
            ["current_location"] = Uri(v, "location", package.CurrentLocation.Uuid),
            ["current_path"] = package.CurrentPath,
            ["encrypted"] = package.CurrentLocation.Space.AccessProtocol == "GPG",
            ["misc_attributes"] = package.MiscAttributes.DeepClone(),
            ["origin_pipeline"] = package.OriginPipeline is { } origin ? Uri(v, "pipeline", origin.Uuid) : null,
            ["package_type"] = package.PackageType,
            ["related_packages"] = new JsonArray([.. package.RelatedPackages.Select(p => (JsonNode)Uri(v, "file", p.Uuid))]),
            ["replicas"] = new JsonArray([.. package.Replicas.Select(p => (JsonNode)Uri(v, "file", p.Uuid))]),
            ["replicated_package"] = package.ReplicatedPackage is { } original ? Uri(v, "file", original.Uuid) : null,
            ["resource_uri"] = Uri(v, "file", package.Uuid),
            ["size"] = package.Size,
            ["status"] = package.Status,
            ["uuid"] = package.Uuid,
        };
        if (state.Version.HasStoredDate)
        {
            data["stored_date"] = package.StoredDate is { } stored ? PythonDateTime.Format(stored) : null;
        }
        return data;
    }

    /// <summary>AsyncResource: result or error only once completed.</summary>
    public static JsonObject Async(AsyncTask task, string v)
    {
        var data = new JsonObject
        {
            ["completed"] = task.Completed,
            ["completed_time"] = task.CompletedTime is { } done ? PythonDateTime.Format(done) : null,
            ["created_time"] = PythonDateTime.Format(task.CreatedTime),
            ["id"] = task.Id,
            ["resource_uri"] = Uri(v, "async", task.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ["updated_time"] = PythonDateTime.Format(task.UpdatedTime),
            ["was_error"] = task.WasError,
        };
        if (task.Completed)
        {
            if (task.WasError)
            {
                data["error"] = task.Error?.DeepClone();
            }
            else
            {
                data["result"] = task.Result?.DeepClone();
            }
        }
        return data;
    }
}
