using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using static Conformance.Framework.Workflows.StepRequests;

namespace Conformance.Framework.Workflows;

/// <summary>
/// Storage Service workflows: a location created, read back and browsed; a package registered,
/// read back, downloaded, extracted from, moved, then its deletion and recovery requested; a
/// registration through file/async/ with the task polled; a reingest request and its clearing.
/// </summary>
public static partial class StorageWorkflows
{
    private const string Pipeline = "/api/v2/pipeline/{pipeline-uuid}/";

    public static IReadOnlyList<WorkflowDefinition> All { get; } =
    [
        new("ss.location-lifecycle", Tier.Mutating, [ServiceKind.Storage],
            "read the transfer source → create a location in its space over {transfer-source-path} → detail → list filters → set/ → browse: same entries as the transfer source there",
            LocationLifecycleAsync),
        new("ss.package-lifecycle", Tier.Mutating, [ServiceKind.Storage],
            "browse the transfer source → copy it to a scratch folder → register the copy as an AIP (file/) → detail, list filters, set/ → download → extract a file → move (async, polled) → delete request (a second is not filed) → recovery request",
            PackageLifecycleAsync),
        new("ss.package-async-registration", Tier.Mutating, [ServiceKind.Storage],
            "copy the transfer source to a scratch folder → register the copy through file/async/ (202 + Location) → poll async/{id}/ until completed → its result is the package → detail",
            AsyncRegistrationAsync),
        new("ss.reingest-request", Tier.Mutating, [ServiceKind.Storage],
            "an uploaded AIP (arranged) → reingest request (202) → the package names the reingest pipeline → a second request is 409 → PATCH reingest clears it",
            ReingestRequestAsync),
    ];

    private static async Task LocationLifecycleAsync(WorkflowRun run)
    {
        run.Step("read the transfer-source location");
        var source = await run.CallAsync("ss.location.detail", Path("uuid", "{transfer-source-location}"));
        var space = source.Text("space") ?? throw run.InconclusiveHere("the transfer source names no space");
        var sourceEntries = await BrowseAsync(run, "{transfer-source-location}", "base64:{transfer-source-path}", "browse the transfer source at {transfer-source-path}");

        run.Step("create a location in its space");
        var relativePath = (source.Text("relative_path") ?? "").TrimEnd('/') + "/" + run.Placeholder("transfer-source-path");
        var description = "conformance " + run.Unique("location");
        var created = await run.CallAsync("ss.location.create", Json(new JsonObject
        {
            ["space"] = space,
            ["relative_path"] = relativePath.TrimStart('/'),
            ["purpose"] = "TS",
            ["pipeline"] = new JsonArray(Pipeline),
            ["description"] = description,
            ["default"] = false,
        }));
        var uuid = created.Text("uuid") ?? "";
        run.Check(Guid.TryParse(uuid, out _), $"created {uuid}", $"the answer has no uuid: {created.Exchange.Body}");

        run.Step("read it back");
        var detail = await run.CallAsync("ss.location.detail", Path("uuid", uuid));
        run.Check(detail.Text("purpose") == "TS" && detail.Text("space") == space && detail.Text("description") == description && detail.Text("relative_path") == relativePath.TrimStart('/'),
            "purpose, space, relative_path and description as posted",
            $"the location differs from what was posted: {detail.Exchange.Body}");

        run.Step("list filters find it");
        await ExpectCountAsync(run, "ss.location.list", 1, ("uuid", uuid));
        await ExpectCountAsync(run, "ss.location.list", 1, ("uuid", uuid), ("purpose", "TS"));
        await ExpectCountAsync(run, "ss.location.list", 0, ("uuid", uuid), ("purpose", "AS"));
        await ExpectCountAsync(run, "ss.location.list", 1, ("uuid", uuid), ("pipeline__uuid", "{pipeline-uuid}"));

        run.Step("set/ returns it");
        await ExpectSetAsync(run, "ss.location.set", uuid);

        var entries = await BrowseAsync(run, uuid, null, "browse it");
        run.Check(entries.SequenceEqual(sourceEntries), $"the same {entries.Count} entries as the transfer source there",
            $"it lists [{string.Join(", ", entries)}], the transfer source at that path [{string.Join(", ", sourceEntries)}]");
    }

    private static async Task PackageLifecycleAsync(WorkflowRun run)
    {
        var (file, size) = await FileInTransferSourceAsync(run);

        run.Step("find AIP storage locations");
        var stores = await run.CallAsync("ss.location.list", Query(("purpose", "AS"), ("pipeline__uuid", "{pipeline-uuid}"), ("limit", "100")));
        var locations = stores.Array("objects").OfType<JsonObject>().Select(o => (Uuid: o["uuid"]?.GetValue<string>() ?? "", Uri: o["resource_uri"]?.GetValue<string>() ?? "")).ToList();
        if (locations.Count == 0)
        {
            throw run.InconclusiveHere("this pipeline has no AIP storage location");
        }

        var uuid = Guid.NewGuid().ToString();
        var body = await PackageBodyAsync(run, uuid, locations[0].Uri, "AIP");
        run.Step("register an AIP");
        await run.CallAsync("ss.file.create", Json(body));
        await ExpectPackageAsync(run, uuid, "UPLOADED", locations[0].Uri);

        run.Step("list filters find it");
        await ExpectCountAsync(run, "ss.file.list", 1, ("uuid", uuid));
        await ExpectCountAsync(run, "ss.file.list", 1, ("uuid", uuid), ("package_type", "AIP"), ("status", "UPLOADED"));
        await ExpectCountAsync(run, "ss.file.list", 0, ("uuid", uuid), ("package_type", "DIP"));
        await ExpectCountAsync(run, "ss.file.list", 1, ("uuid", uuid), ("current_location__uuid", locations[0].Uuid));

        run.Step("set/ returns it");
        await ExpectSetAsync(run, "ss.file.set", uuid);

        run.Step("download it");
        var download = await run.CallAsync("ss.file.download", Path("uuid", uuid));
        run.Check(download.Exchange.Body.Length > 0, $"{download.Exchange.Header("Content-Length")} bytes", "the download is empty");

        if (file is not null)
        {
            run.Step($"extract {file}");
            var extracted = await run.CallAsync("ss.file.extract_file", Path("uuid", uuid).WithQuery(("relative_path_to_file", file)), expect: new Expectation
            {
                Status = 200,
                Body = "any",
                Headers = new Dictionary<string, string>
                {
                    ["Content-Disposition"] = $"^attachment; filename=\"{Regex.Escape(DashboardWorkflows.BaseName(file))}\"$",
                    ["Content-Length"] = size is null ? @"^\d+$" : $"^{size}$",
                },
            });
            run.Check(true, $"{extracted.Exchange.Header("Content-Length")} bytes, as the transfer source lists it", "");
        }
        else
        {
            run.Note("no file at the top of {transfer-source-path} to extract");
        }

        if (locations.Count > 1)
        {
            run.Step("move it to another AIP storage location");
            var moved = await run.CallAsync("ss.file.move", Path("uuid", uuid).WithForm(("location_uuid", locations[1].Uuid)));
            await AwaitTaskAsync(run, moved.Exchange.Header("Location"));
            await ExpectPackageAsync(run, uuid, "UPLOADED", locations[1].Uri);
        }
        else
        {
            run.Note("not moved: the pipeline has only one AIP storage location");
        }

        var request = new JsonObject { ["event_reason"] = "conformance " + run.Session.Run.RunId, ["pipeline"] = "{pipeline-uuid}", ["user_id"] = 1, ["user_email"] = "conformance@example.invalid" };
        run.Step("request its deletion");
        await run.CallAsync("ss.file.delete_aip", Path("uuid", uuid).WithJson(request.DeepClone()));
        await ExpectPackageAsync(run, uuid, "DEL_REQ");

        run.Step("a second deletion request is not filed");
        var again = await run.CallAsync("ss.file.delete_aip", Path("uuid", uuid).WithJson(request.DeepClone()), expect: new Expectation { Status = 200, ContentType = "application/json", Body = "json" });
        run.Check((again.Text("error_message") ?? again.Text("message") ?? "").Contains("already exists", StringComparison.Ordinal),
            "'A deletion request already exists for this AIP.'", $"unexpected answer: {again.Exchange.Body}");
        await ExpectPackageAsync(run, uuid, "DEL_REQ");

        run.Step("request its recovery");
        await run.CallAsync("ss.file.recover_aip", Path("uuid", uuid).WithJson(request.DeepClone()));
        await ExpectPackageAsync(run, uuid, "RECOVER_REQ");
    }

    private static async Task AsyncRegistrationAsync(WorkflowRun run)
    {
        run.Step("find the default DIP storage location");
        var stores = await run.CallAsync("ss.location.list", Query(("purpose", "DS"), ("limit", "1")));
        var store = stores.Text("objects[0].resource_uri") ?? throw run.InconclusiveHere("no DIP storage location");

        var uuid = Guid.NewGuid().ToString();
        var body = await PackageBodyAsync(run, uuid, store, "DIP");
        run.Step("register a DIP through file/async/");
        var accepted = await run.CallAsync("ss.file.create_async", Json(body));
        var task = await AwaitTaskAsync(run, accepted.Exchange.Header("Location"));

        run.Step("the task's result is the package");
        run.Check(task?["uuid"]?.GetValue<string>() == uuid, $"result uuid {uuid}", $"the result does not name {uuid}: {task?.ToJsonString()}");
        await ExpectPackageAsync(run, uuid, "UPLOADED", store);
    }

    private static async Task ReingestRequestAsync(WorkflowRun run)
    {
        run.Step("an uploaded AIP");
        var uuid = (await run.Session.Arranger.ArrangeAsync("uploaded-aip"))["uuid"];
        var body = new JsonObject { ["pipeline"] = "{pipeline-uuid}", ["reingest_type"] = "FULL", ["processing_config"] = "default" };

        run.Step("request a reingest");
        await run.CallAsync("ss.file.reingest", Path("uuid", uuid).WithJson(body.DeepClone()));
        await ExpectReingestPipelineAsync(run, uuid, pending: true);

        run.Step("a second reingest request is refused");
        var again = await run.CallAsync("ss.file.reingest", Path("uuid", uuid).WithJson(body.DeepClone()), expect: new Expectation { Status = 409, ContentType = "application/json", Body = "json" });
        run.Check(again.Text("message")?.Contains("already being reingested", StringComparison.Ordinal) == true,
            "409 'This AIP is already being reingested on ...'", $"unexpected answer: {again.Exchange.Body}");

        run.Step("clear the reingest with PATCH");
        await run.CallAsync("ss.file.patch", Path("uuid", uuid).WithJson(new JsonObject { ["reingest"] = null }));
        await ExpectReingestPipelineAsync(run, uuid, pending: false);
    }

    /// <summary>A registration of a fresh scratch copy: storing moves its origin, which must never be the transfer source.</summary>
    private static async Task<JsonObject> PackageBodyAsync(WorkflowRun run, string uuid, string location, string type)
    {
        run.Step("copy the transfer source to a scratch folder (move_files)");
        var copy = await run.Session.Arranger.ArrangeAsync(Cleanup.ScratchArea.Arrangement);
        return PackageBody(run, uuid, location, type, copy["location-uri"], copy["path"]);
    }

    private static JsonObject PackageBody(WorkflowRun run, string uuid, string location, string type, string origin, string originPath) => new()
    {
        ["uuid"] = uuid,
        ["origin_pipeline"] = Pipeline,
        ["origin_location"] = origin,
        ["origin_path"] = originPath,
        ["current_location"] = location,
        ["current_path"] = run.Unique(type.ToLowerInvariant()),
        ["package_type"] = type,
        ["size"] = 0,
        ["events"] = new JsonArray(),
        ["agents"] = new JsonArray(),
    };

    /// <summary>Browses a location (v2: base64 path and names); returns the entry names, decoded.</summary>
    private static async Task<List<string>> BrowseAsync(WorkflowRun run, string location, string? path, string step)
    {
        run.Step(step);
        var request = path is null ? Path("uuid", location) : Path("uuid", location).WithQuery(("path", path));
        var listing = await run.CallAsync("ss.location.browse", request);
        return listing.Array("entries").Select(e => Decode(e?.GetValue<string>() ?? "")).ToList();
    }

    /// <summary>A file at the top of {transfer-source-path} and its size, as browse lists them.</summary>
    private static async Task<(string? File, long? Size)> FileInTransferSourceAsync(WorkflowRun run)
    {
        run.Step("browse the transfer source at {transfer-source-path}");
        var listing = await run.CallAsync("ss.location.browse", Path("uuid", "{transfer-source-location}").WithQuery(("path", "base64:{transfer-source-path}")));
        var directories = listing.Array("directories").Select(d => d?.GetValue<string>()).ToHashSet();
        var file = listing.Array("entries").Select(e => e?.GetValue<string>()).FirstOrDefault(e => e is not null && !directories.Contains(e));
        if (file is null)
        {
            return (null, null);
        }

        var size = listing.Json?["properties"]?[file]?["size"] is JsonValue s && s.TryGetValue<long>(out var bytes) ? bytes : (long?)null;
        return (Decode(file), size);
    }

    private static async Task ExpectCountAsync(WorkflowRun run, string list, int expected, params (string Name, string Value)[] filters)
    {
        var answer = await run.CallAsync(list, Query([.. filters, ("limit", "5")]), quiet: true);
        var count = answer.Text("meta.total_count");
        var query = string.Join('&', filters.Select(f => $"{f.Name}={f.Value}"));
        run.Check(count == expected.ToString(System.Globalization.CultureInfo.InvariantCulture),
            $"?{query}: total_count {count}", $"?{query}: total_count is {count}, expected {expected}");
    }

    private static async Task ExpectSetAsync(WorkflowRun run, string endpoint, string uuid)
    {
        var missing = Guid.NewGuid().ToString();
        var set = await run.CallAsync(endpoint, Path(("first", uuid), ("second", missing)), variant: "unknown-member");
        var found = set.Array("objects").OfType<JsonObject>().Select(o => o["uuid"]?.GetValue<string>()).ToList();
        var notFound = set.Array("not_found").Select(n => n?.GetValue<string>()).ToList();
        run.Check(found.SequenceEqual([uuid]) && notFound.SequenceEqual([missing]),
            $"objects [{uuid}], not_found [{missing}]", $"objects [{string.Join(", ", found)}], not_found [{string.Join(", ", notFound)}]; expected [{uuid}] and [{missing}]");
    }

    private static async Task ExpectPackageAsync(WorkflowRun run, string uuid, string status, string? location = null)
    {
        var detail = await run.CallAsync("ss.file.detail", Path("uuid", uuid));
        run.Check(detail.Text("uuid") == uuid && detail.Text("status") == status && (location is null || detail.Text("current_location") == location),
            $"file/{uuid}/: status {status}{(location is null ? "" : $", in {location}")}",
            $"file/{uuid}/ has status {detail.Text("status")} in {detail.Text("current_location")}; expected {status}{(location is null ? "" : $" in {location}")}");
    }

    private static async Task ExpectReingestPipelineAsync(WorkflowRun run, string uuid, bool pending)
    {
        var detail = await run.CallAsync("ss.file.detail", Path("uuid", uuid));
        var reingest = detail.Text("misc_attributes.reingest_pipeline");
        var pipeline = run.Placeholder("pipeline-uuid");
        run.Check(pending ? reingest is not null && (pipeline is null || reingest.Contains(pipeline, StringComparison.OrdinalIgnoreCase)) : reingest is null or "null",
            pending ? $"misc_attributes.reingest_pipeline is {reingest}" : "misc_attributes.reingest_pipeline cleared",
            pending ? $"misc_attributes.reingest_pipeline is {reingest ?? "not set"}, expected the pipeline {pipeline}" : $"misc_attributes.reingest_pipeline is still {reingest}");
    }

    /// <summary>Polls the async task named by a 202's Location header until it completes; returns its result.</summary>
    private static async Task<JsonNode?> AwaitTaskAsync(WorkflowRun run, string? location)
    {
        var id = location is null ? null : TaskId().Match(location) is { Success: true } m ? m.Groups[1].Value : null;
        run.Check(id is not null, $"Location {location}", $"the 202 names no async task in its Location header ({location ?? "none"})");
        run.Step($"async task {id} completes");
        var done = await run.PollAsync(async _ =>
        {
            var task = await run.CallAsync("ss.async.detail", Path("id", id!), quiet: true);
            return task.Text("completed") != "true" ? PollResult.Processing("completed false")
                : task.Text("was_error") == "true" ? PollResult.Failed($"completed with was_error true: {task.Json?["error"]?.ToJsonString()}")
                : PollResult.Finished("completed", task.Json?["result"]?.DeepClone());
        });
        return done.Value;
    }

    private static string Decode(string base64)
    {
        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(base64));
        }
        catch (FormatException)
        {
            return base64;
        }
    }

    [GeneratedRegex(@"/async/(\d+)/?$")]
    private static partial Regex TaskId();
}
