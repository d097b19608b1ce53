using System.Text.Json.Nodes;

namespace Conformance.ReferenceServer.Storage.Resources;

/// <summary>
/// The five tastypie resources' Meta (fields, filtering, allowed methods) for a given SS release and
/// API version, with accessors for in-memory filtering.
/// </summary>
internal static class Definitions
{
    private static readonly string[] GetPost = ["get", "post"];
    private static readonly string[] GetOnly = ["get"];

    public static ResourceDefinition For(string name, StorageState state, string apiVersion) => name switch
    {
        "pipeline" => Pipeline(),
        "space" => Space(state),
        "location" => Location(state, apiVersion),
        "file" => Package(state.Version),
        "async" => Async(),
        _ => throw new KeyNotFoundException(name),
    };

    private static FieldDefinition Text(string name, string? help = null) => new(name, FieldKind.String) { Attribute = name, HelpText = help };

    private static FieldDefinition Uuid(string name = "uuid", string? help = "Unique identifier") =>
        new(name, FieldKind.String) { Attribute = name, IsUuid = true, Unique = true, HelpText = help };

    private static FieldDefinition ResourceUri() => new("resource_uri", FieldKind.String) { IsModelField = false, Readonly = true };

    public static ResourceDefinition Pipeline() => new()
    {
        Name = "pipeline",
        ListMethods = GetPost,
        DetailMethods = GetOnly,
        Fields =
        [
            // api_key/api_username are tastypie fields (removed in dehydrate) but, as in the contract,
            // query-string credentials named like them are not treated as filters here.
            // Fields of the resource (only dehydrate drops them) but not in Meta.filtering: ?api_key= (the query
            // credentials) is "does not allow filtering", a 400 (a known deviation).
            // The model gives all four CharFields default=None (every release since 0.10), so the schema lists null.
            Text("api_key", "API key to use when making API calls to the pipeline.") with { Nullable = true, HasDefault = true, VerboseName = "API key" },
            Text("api_username", "Username to use when making API calls to the pipeline.") with { Nullable = true, HasDefault = true, VerboseName = "API username" },
            new("create_default_locations", FieldKind.Boolean) { IsModelField = false },
            Text("description", "Human readable description of the Archivematica instance.") with { Nullable = true, HasDefault = true, VerboseName = "Description" },
            Text("remote_name", "Base URL of the pipeline server for making API calls.") with { Nullable = true, HasDefault = true, VerboseName = "Remote name" },
            ResourceUri(),
            new("shared_path", FieldKind.String) { IsModelField = false },
            Uuid(help: "Identifier for the Archivematica pipeline") with { VerboseName = "UUID" },
        ],
        FilteringRules = new Dictionary<string, int> { ["description"] = Filtering.All, ["uuid"] = Filtering.All },
        Value = (obj, field) => Scalar((Pipeline)obj, field),
        PrimaryKey = obj => ((Pipeline)obj).Id,
    };

    public static ResourceDefinition Space(StorageState state)
    {
        var version = state.Version;
        var fields = new List<FieldDefinition>
        {
            Text("access_protocol", "How the space can be accessed.") with { VerboseName = "Access protocol" },
            new("last_verified", FieldKind.DateTime) { Attribute = "last_verified", Nullable = true, HasDefault = true, HelpText = "Time this location was last verified to be accessible.", VerboseName = "Last verified" },
            Text("path", "Absolute path to the space on the storage service machine.") with { Blank = true, HasDefault = true, Default = "", VerboseName = "Path" },
            ResourceUri(),
            new("size", FieldKind.Integer) { Attribute = "size", Nullable = true, HasDefault = true, HelpText = "Size in bytes (optional)", VerboseName = "Size" },
            new("used", FieldKind.Integer) { Attribute = "used", HasDefault = true, Default = 0, HelpText = "Amount used in bytes", VerboseName = "Used" },
            Uuid(),
            new("verified", FieldKind.Boolean) { Attribute = "verified", HasDefault = true, Default = false, HelpText = "Whether or not the space has been verified to be accessible.", VerboseName = "Verified" },
        };
        var filtering = new Dictionary<string, int>
        {
            ["access_protocol"] = Filtering.All, ["path"] = Filtering.All, ["size"] = Filtering.All,
            ["used"] = Filtering.All, ["uuid"] = Filtering.All, ["verified"] = Filtering.All,
        };
        if (version.HasStagingPath)
        {
            // A TextField that is neither null nor blank: default '' and blank false.
            fields.Add(Text("staging_path", "Absolute path to a staging area.  Must be UNIX filesystem compatible, preferably on the same filesystem as the path.") with { HasDefault = true, Default = "", VerboseName = "Staging path" });
            filtering["staging_path"] = Filtering.All;
        }
        return new ResourceDefinition
        {
            Name = "space",
            ListMethods = GetPost,
            DetailMethods = GetOnly,
            Fields = fields,
            FilteringRules = filtering,
            Value = (obj, field) => field == "used" ? state.UsedIn((Space)obj) : Scalar((Space)obj, field),
            PrimaryKey = obj => ((Space)obj).Id,
        };
    }

    public static ResourceDefinition Location(StorageState state, string apiVersion) => new()
    {
        Name = "location",
        ListMethods = GetPost,
        DetailMethods = GetPost,
        Fields =
        [
            apiVersion == "v1"
                ? new("description", FieldKind.String) { Attribute = "get_description", IsModelField = false, Readonly = true }
                : Text("description", "Human-readable description.") with { Nullable = true, HasDefault = true, VerboseName = "Description" },
            new("enabled", FieldKind.Boolean) { Attribute = "enabled", HasDefault = true, Default = true, HelpText = "True if space can be accessed.", VerboseName = "Enabled" },
            new("path", FieldKind.String) { Attribute = "full_path", IsModelField = false, Readonly = true },
            new("pipeline", FieldKind.ToMany) { Attribute = "pipeline", Related = "pipeline" },
            Text("purpose", "Purpose of the space.  Eg. AIP storage, Transfer source") with { VerboseName = "Purpose" },
            new("quota", FieldKind.Integer) { Attribute = "quota", Nullable = true, HasDefault = true, HelpText = "Size, in bytes (optional)", VerboseName = "Quota" },
            Text("relative_path", "Path to location, relative to the storage space's path.") with { HasDefault = true, Default = "", VerboseName = "Relative Path" },
            ResourceUri(),
            new("space", FieldKind.ToOne) { Attribute = "space", Related = "space" },
            new("used", FieldKind.Integer) { Attribute = "used", HasDefault = true, Default = 0, HelpText = "Amount used, in bytes.", VerboseName = "Used" },
            Uuid(),
        ],
        FilteringRules = new Dictionary<string, int>
        {
            ["relative_path"] = Filtering.All, ["pipeline"] = Filtering.AllWithRelations, ["purpose"] = Filtering.All,
            ["quota"] = Filtering.All, ["space"] = Filtering.AllWithRelations, ["used"] = Filtering.All,
            ["uuid"] = Filtering.All, ["description"] = Filtering.All,
        },
        Value = (obj, field) => field == "used" ? state.UsedIn((Location)obj) : Scalar((Location)obj, field),
        PrimaryKey = obj => ((Location)obj).Id,
    };

    public static ResourceDefinition Package(StorageVersion version)
    {
        var fields = new List<FieldDefinition>
        {
            new("current_full_path", FieldKind.String) { Attribute = "full_path", IsModelField = false, Readonly = true },
            new("current_location", FieldKind.ToOne) { Attribute = "current_location", Related = "location" },
            Text("current_path") with { HasDefault = true, Default = "" },
            Text("misc_attributes", "For storing flexible, often Space-specific, attributes") with { Nullable = true, HasDefault = true, Default = new JsonObject() },
            new("origin_location", FieldKind.ToOne) { Related = "location" },
            new("origin_path", FieldKind.String),
            new("origin_pipeline", FieldKind.ToOne) { Attribute = "origin_pipeline", Related = "pipeline" },
            Text("package_type"),
            new("related_packages", FieldKind.ToMany) { Attribute = "related_packages", Related = "file", Nullable = true },
            new("replicas", FieldKind.ToMany) { Attribute = "replicas", Related = "file", Nullable = true, Blank = true, Readonly = true },
            new("replicated_package", FieldKind.ToOne) { Attribute = "replicated_package", Related = "file", Nullable = true, Blank = true, Readonly = true },
            ResourceUri(),
            new("size", FieldKind.Integer) { Attribute = "size", HasDefault = true, Default = 0, HelpText = "Size in bytes of the package" },
            Text("status", "Status of the package in the storage service.") with { HasDefault = true, Default = PackageStatus.Fail },
            Uuid(),
        };
        var filtering = new Dictionary<string, int>
        {
            ["current_location"] = Filtering.AllWithRelations, ["package_type"] = Filtering.All, ["path"] = Filtering.All,
            ["uuid"] = Filtering.All, ["status"] = Filtering.All, ["related_packages"] = Filtering.AllWithRelations,
        };
        if (version.HasStoredDate)
        {
            fields.Add(new("stored_date", FieldKind.DateTime) { Attribute = "stored_date", Nullable = true, HasDefault = true, HelpText = "Datetime when package is successfully stored" });
            filtering["stored_date"] = Filtering.All;
        }
        return new ResourceDefinition
        {
            Name = "file",
            ListMethods = GetPost,
            DetailMethods = ["get", "put", "patch"],
            Fields = fields,
            FilteringRules = filtering,
            Value = (obj, field) => Scalar((Package)obj, field),
            PrimaryKey = obj => ((Package)obj).Id,
        };
    }

    public static ResourceDefinition Async() => new()
    {
        Name = "async",
        DetailUriName = "id",
        ListMethods = ["get", "post", "put", "delete", "patch"],
        DetailMethods = GetOnly,
        Fields =
        [
            new("completed", FieldKind.Boolean) { Attribute = "completed", HasDefault = true, Default = false, HelpText = "True if this task has finished.", VerboseName = "Completed" },
            new("completed_time", FieldKind.DateTime) { Attribute = "completed_time", Nullable = true },
            // auto_now_add / auto_now: blank, and the default tastypie lists is the flag itself (true).
            new("created_time", FieldKind.DateTime) { Attribute = "created_time", Blank = true, HasDefault = true, Default = true },
            new("id", FieldKind.Integer) { Attribute = "id", Unique = true, PrimaryKey = true, Blank = true, HasDefault = true, Default = "", VerboseName = "ID" },
            ResourceUri(),
            new("updated_time", FieldKind.DateTime) { Attribute = "updated_time", Blank = true, HasDefault = true, Default = true },
            new("was_error", FieldKind.Boolean) { Attribute = "was_error", HasDefault = true, Default = false, HelpText = "True if this task threw an exception.", VerboseName = "Was there an exception?" },
        ],
        Value = (obj, field) => Scalar((AsyncTask)obj, field),
        PrimaryKey = obj => ((AsyncTask)obj).Id,
    };

    private static object? Scalar(Pipeline p, string field) => field switch
    {
        "uuid" => p.Uuid,
        "description" => p.Description,
        "remote_name" => p.RemoteName,
        _ => null,
    };

    private static object? Scalar(Space s, string field) => field switch
    {
        "access_protocol" => s.AccessProtocol,
        "last_verified" => s.LastVerified,
        "path" => s.Path,
        "size" => s.Size,
        "uuid" => s.Uuid,
        "verified" => s.Verified,
        "staging_path" => s.StagingPath,
        _ => null,
    };

    private static object? Scalar(Location l, string field) => field switch
    {
        "description" => l.Description,
        "enabled" => l.Enabled,
        "pipeline" => l.Pipelines,
        "purpose" => l.Purpose,
        "quota" => l.Quota,
        "relative_path" => l.RelativePath,
        "space" => l.Space,
        "uuid" => l.Uuid,
        _ => null,
    };

    private static object? Scalar(Package p, string field) => field switch
    {
        "current_location" => p.CurrentLocation,
        "current_path" => p.CurrentPath,
        "misc_attributes" => p.MiscAttributes.ToJsonString(),
        "origin_pipeline" => p.OriginPipeline,
        "package_type" => p.PackageType,
        "related_packages" => p.RelatedPackages,
        "replicas" => p.Replicas,
        "replicated_package" => p.ReplicatedPackage,
        "size" => p.Size,
        "status" => p.Status,
        "uuid" => p.Uuid,
        "stored_date" => p.StoredDate,
        _ => null,
    };

    private static object? Scalar(AsyncTask t, string field) => field switch
    {
        "completed" => t.Completed,
        "completed_time" => t.CompletedTime,
        "created_time" => t.CreatedTime,
        "id" => (long)t.Id,
        "updated_time" => t.UpdatedTime,
        "was_error" => t.WasError,
        _ => null,
    };
}
