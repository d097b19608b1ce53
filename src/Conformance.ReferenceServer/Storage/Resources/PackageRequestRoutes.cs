using System.Text.Json.Nodes;

namespace Conformance.ReferenceServer.Storage.Resources;

/// <summary>Package custom routes that change state: delete_aip/, recover_aip/, reingest/, move/.</summary>
internal static class PackageRequestRoutes
{
    private static readonly string[] RequestFields = ["event_reason", "pipeline", "user_id", "user_email"];

    /// <summary>delete_aip/: files a deletion request (status DEL_REQ); 202 {"message", "id"} in that order.</summary>
    public static Reply DeleteAip(ApiContext ctx) =>
        TastypieViews.Custom(ctx, ctx.State.Packages, p => p.Uuid, RequestFields, (package, data) =>
        {
            if (!PackageTypes.CanDelete.Contains(package.PackageType))
            {
                return Reply.StdJson(405, new JsonObject { ["message"] = "Deletes not allowed on this package type." });
            }
            var (status, response) = FileRequest(ctx, package, data, PackageEvent.Delete, PackageStatus.DeleteRequested);
            return Reply.StdJson(status, status == 202 ? response : new JsonObject { ["message"] = "A deletion request already exists for this AIP." });
        });

    /// <summary>recover_aip/: files a recovery request (status RECOVER_REQ); an existing one answers 200 {"error_message"}.</summary>
    public static Reply RecoverAip(ApiContext ctx) =>
        TastypieViews.Custom(ctx, ctx.State.Packages, p => p.Uuid, RequestFields, (package, data) =>
        {
            if (!PackageTypes.CanRecover.Contains(package.PackageType))
            {
                return Reply.StdJson(405, new JsonObject { ["message"] = "Recovery not allowed on this package type." });
            }
            var (status, response) = FileRequest(ctx, package, data, PackageEvent.Recover, PackageStatus.RecoverRequested);
            return Reply.StdJson(status, response);
        });

    /// <summary>
    /// _attempt_package_request_event: the pipeline must exist (unhandled DoesNotExist → 404 canned error;
    /// from SS 0.21 a malformed UUID is a 400); one submitted request per kind.
    /// </summary>
    private static (int Status, JsonObject Response) FileRequest(ApiContext ctx, Package package, JsonNode data, string eventType, string newStatus)
    {
        var pipeline = FindPipeline(ctx, TastypieViews.Text(TastypieViews.Field(data, "pipeline")))
            ?? throw new TastypieNotFoundException("Pipeline matching query does not exist.");
        var description = eventType.ToLowerInvariant();
        if (ctx.State.Events.Any(e => e.Package == package && e.EventType == eventType && e.Status == PackageEvent.Submitted))
        {
            return (200, new JsonObject { ["error_message"] = $"A {description} request already exists for this AIP." });
        }
        var request = new PackageEvent
        {
            Id = ctx.State.NextEventId(),
            Package = package,
            EventType = eventType,
            EventReason = TastypieViews.Text(TastypieViews.Field(data, "event_reason")),
            Pipeline = pipeline,
            UserId = TastypieViews.Text(TastypieViews.Field(data, "user_id")),
            UserEmail = TastypieViews.Text(TastypieViews.Field(data, "user_email")),
            StoreData = package.Status,
        };
        package.Status = newStatus;
        ctx.State.Events.Add(request);
        var title = char.ToUpperInvariant(description[0]) + description[1..];
        return (202, new JsonObject { ["message"] = $"{title} request created successfully.", ["id"] = request.Id });
    }

    /// <summary>Pipeline.objects.get(uuid=...): every pipeline, enabled or not.</summary>
    private static Pipeline? FindPipeline(ApiContext ctx, string? uuid) =>
        uuid is null ? null : TastypieViews.ByUuid(ctx, ctx.State.Pipelines, uuid, p => p.Uuid);

    /// <summary>
    /// reingest/: required fields first (plain-text 400), then the pipeline (400 JSON), then start_reingest:
    /// the HTTP status mirrors the body's status_code (202, 405, 409; a pipeline without a
    /// currently-processing location hits a broken message template: 500 canned error).
    /// </summary>
    public static Reply Reingest(ApiContext ctx) =>
        TastypieViews.Custom(ctx, ctx.State.Packages, p => p.Uuid, ["pipeline", "reingest_type"], (package, data) =>
        {
            var pipelineUuid = TastypieViews.Text(TastypieViews.Field(data, "pipeline"));
            if (FindPipeline(ctx, pipelineUuid) is not { } pipeline)
            {
                return ctx.Respond(400, new JsonObject { ["error"] = true, ["message"] = $"Pipeline UUID {pipelineUuid ?? "None"} failed to return a pipeline" });
            }
            var reingestType = (TastypieViews.Text(TastypieViews.Field(data, "reingest_type")) ?? "").ToLowerInvariant();
            var response = StartReingest(ctx, package, pipeline, reingestType);
            return ctx.Respond((int)response["status_code"]!, response);
        });

    private static JsonObject StartReingest(ApiContext ctx, Package package, Pipeline pipeline, string reingestType)
    {
        if (!PackageTypes.CanReingest.Contains(package.PackageType))
        {
            return Result(405, $"Package with type {package.PackageTypeDisplay} cannot be re-ingested.");
        }
        if (TastypieViews.Text(package.MiscAttributes["reingest_pipeline"]) is { Length: > 0 } busy)
        {
            return Result(409, $"This AIP is already being reingested on {busy}");
        }
        if (!ctx.State.Disk.Exists(package.FullPath))
        {
            return Result(500, "Error extracting file");
        }
        var processing = ctx.State.Locations.FirstOrDefault(l => l.Enabled && l.Purpose == "CP" && l.Pipelines.Contains(pipeline));
        if (processing is null)
        {
            // "... pipeline %(uuid)s" % {"pipeline": ...}: KeyError while building the 412 message.
            throw new KeyNotFoundException("uuid");
        }
        package.MiscAttributes["reingest_pipeline"] = pipeline.Uuid;
        var name = CopyForReingest(ctx, package, processing, reingestType);
        var result = Result(202, $"Package {package.Uuid} sent to pipeline {pipeline} for re-ingest", error: false);
        // The dashboard answers with the new transfer's UUID for a full reingest, the SIP (AIP) UUID otherwise.
        result["reingest_uuid"] = reingestType == "full" ? Guid.NewGuid().ToString() : package.Uuid;
        if (ctx.State.PipelineReingest is { } pipelineReingest)
        {
            // Pipeline.reingest: POST <pipeline>/api/<transfer|ingest>/reingest {name, uuid}, sent after the
            // Storage Service's lock is released (the dashboard takes its own lock, then the disk's).
            ctx.AfterUnlock = reply => CallPipeline(ctx, package, pipeline, name, reingestType == "full", result, pipelineReingest) ?? reply;
        }
        return result;
    }

    /// <summary>
    /// What start_reingest copies into the pipeline's currently-processing location under tmp/: the whole
    /// AIP (full), or its METS with the objects (objects, without submissionDocumentation) or the metadata
    /// (metadata_only). Returns the name the dashboard is told: the AIP's path relative to its location
    /// (uncompressed), or to the extraction folder (compressed).
    /// </summary>
    private static string CopyForReingest(ApiContext ctx, Package package, Location processing, string reingestType)
    {
        var compressed = package.ArchiveMembers.Count > 0;
        var baseName = PosixPath.BaseName(package.CurrentPath.TrimEnd('/'));
        var name = compressed
            ? $"tmp{Guid.NewGuid().ToString("N")[..8]}/{baseName[..^PosixPath.Extension(baseName).Length]}/"
            : package.CurrentPath.TrimEnd('/') + "/";
        var files = compressed
            ? package.ArchiveMembers.Select(m => (Path: m.Key[(m.Key.IndexOf('/', StringComparison.Ordinal) + 1)..], Content: m.Value))
            : ctx.State.Disk.FilesUnder(package.FullPath).Select(f => (Path: f.RelativePath, f.Content));
        var mets = $"data/METS.{package.Uuid}.xml";
        bool Sent(string path) => reingestType switch
        {
            "full" => true,
            "objects" => path == mets || (path.StartsWith("data/objects/", StringComparison.Ordinal) && !path.StartsWith("data/objects/submissionDocumentation/", StringComparison.Ordinal)),
            _ => path == mets || path.StartsWith("data/objects/metadata/", StringComparison.Ordinal),
        };
        var destination = PosixPath.Join(processing.FullPath, "tmp", name);
        foreach (var (path, content) in files.Where(f => Sent(f.Path)).ToList())
        {
            ctx.State.Disk.AddFile(PosixPath.Join(destination, path), content);
        }
        return name;
    }

    /// <summary>The pipeline's answer to Pipeline.reingest: null when the pipeline is not the dashboard's; 502 when it refused.</summary>
    private static Reply? CallPipeline(ApiContext ctx, Package package, Pipeline pipeline, string name, bool toTransfer, JsonObject result,
        Func<string, string, string, bool, (int Status, JsonObject Body)?> pipelineReingest)
    {
        if (pipelineReingest(pipeline.Uuid, name, package.Uuid, toTransfer) is not var (status, body))
        {
            return null;
        }
        lock (ctx.State.Gate)
        {
            if (status != 200)
            {
                // start_reingest returns before self.save(): the AIP is not left marked as being reingested.
                package.MiscAttributes.Remove("reingest_pipeline");
                var detail = TastypieViews.Text(body["message"]) is { } message ? $" ({message})" : "";
                return ctx.Respond(502, Result(502, $"Error in approve reingest API. Pipeline {pipeline} returned an unexpected status code: {status}{detail}"));
            }
            result["reingest_uuid"] = body["reingest_uuid"]?.DeepClone() ?? result["reingest_uuid"]?.DeepClone();
            return ctx.Respond(202, result);
        }
    }

    private static JsonObject Result(int status, string message, bool error = true) =>
        new() { ["error"] = error, ["status_code"] = status, ["message"] = message };

    /// <summary>
    /// move/: location_uuid is a urlencoded form field. The package must be UPLOADED (0.19: the message
    /// template is broken → 500 canned; fixed after 0.23.0-rc.2 → 400). The target must differ and share
    /// the purpose. The move runs as a task: 202 + Location /api/v2/async/&lt;id&gt;/.
    /// </summary>
    public static Reply Move(ApiContext ctx) =>
        TastypieViews.Custom(ctx, ctx.State.Packages, p => p.Uuid, [], (package, _) =>
        {
            if (package.Status != PackageStatus.Uploaded)
            {
                if (!ctx.Version.HasMoveMessageFix)
                {
                    throw new FormatException("unsupported format character ' ' (0x20)");
                }
                return ctx.Respond(400, new JsonObject
                {
                    ["error"] = true,
                    ["message"] = $"The file must be in an {PackageStatus.Uploaded} state to be moved. Current state: {package.Status}",
                });
            }
            var locationUuid = ctx.Request.Form.Get("location_uuid");
            if (string.IsNullOrEmpty(locationUuid))
            {
                return Reply.Text(400, "All of these fields must be provided: location_uuid");
            }
            if (TastypieViews.ByUuid(ctx, ctx.State.Locations, locationUuid, l => l.Uuid) is not { } location)
            {
                var gap = ctx.Version.HasMoveMessageFix ? " " : new string(' ', 17);
                return ctx.Respond(400, new JsonObject { ["error"] = true, ["message"] = $"Location UUID {locationUuid}{gap}failed to return a location" });
            }
            if (location == package.CurrentLocation)
            {
                return ctx.Respond(400, new JsonObject { ["error"] = true, ["message"] = "New location must be different to the current location" });
            }
            if (location.Purpose != package.CurrentLocation.Purpose)
            {
                return ctx.Respond(400, new JsonObject
                {
                    ["error"] = true,
                    ["message"] = $"New location must have the same purpose as the current location - {package.CurrentLocation.Purpose}",
                });
            }
            package.Status = PackageStatus.Moving;
            var task = AsyncResource.Run(ctx.State, () =>
            {
                var from = package.FullPath;
                package.CurrentLocation = location;
                if (ctx.State.Disk.Exists(from))
                {
                    ctx.State.Disk.Copy(from, package.FullPath);
                    ctx.State.Disk.Delete(from);
                }
                package.Status = PackageStatus.Uploaded;
                return "Package moved successfully";
            });
            return AsyncResource.Accepted(task);
        });
}
