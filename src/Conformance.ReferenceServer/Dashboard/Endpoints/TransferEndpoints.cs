using System.Text.Json.Nodes;

namespace Conformance.ReferenceServer.Dashboard.Endpoints;

/// <summary><c>transfer/approve</c>, <c>transfer/unapproved</c>, <c>transfer/start_transfer/</c>.</summary>
internal static class TransferEndpoints
{
    /// <summary>Validation problems are 500 here, on purpose (backward compatibility in the original).</summary>
    public static Reply Approve(DashboardRequest request)
    {
        var directory = request.FormValue("directory");
        if (string.IsNullOrEmpty(directory))
        {
            return DashboardReply.Error("Please specify a transfer directory.", 500);
        }
        var type = request.FormValue("type") ?? "standard";
        if (type.Length == 0)
        {
            return DashboardReply.Error("Please specify a transfer type.", 500);
        }
        if (!Workflow.TransferTypeDirectories.TryGetValue(type, out var watchedDirectory))
        {
            return DashboardReply.Error("Invalid transfer type.", 500);
        }
        // os.path.join: an absolute directory replaces the watched-directory prefix.
        var watchedPath = directory.StartsWith('/') ? directory : $"{Workflow.ActiveTransfers}{watchedDirectory}/{directory}";

        return request.State.Locked(data =>
        {
            // A zip package is a file (no trailing slash) when one with that exact path exists.
            var isFile = Workflow.ZipTypes.Contains(type) && data.Jobs.Exists(j => j.Directory == watchedPath);
            var dbPath = isFile ? watchedPath : watchedPath.WithTrailingSlash();
            var job = data.Jobs.Find(j => j.UnitType == UnitType.Transfer && j.Step == JobStep.AwaitingDecision
                && j.Directory == dbPath && Workflow.ApproveJobs.Values.Contains(j.Name));
            var transfer = job is null ? null : data.FindUnit(job.UnitUuid, UnitType.Transfer);
            if (job is null || transfer is null)
            {
                // MCPServer finds no transfer awaiting approval at that path.
                return DashboardReply.Error("Unable to start the transfer.", 500);
            }
            job.Step = JobStep.CompletedSuccessfully;
            Progression.Approved(data, transfer);
            return DashboardReply.JsonBody(new JsonObject { ["message"] = "Approval successful.", ["uuid"] = transfer.Uuid });
        });
    }

    public static Reply Unapproved(DashboardRequest request) => request.State.Locked(data =>
    {
        var watchedToType = Workflow.TransferTypeDirectories.ToDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);
        var results = new JsonArray();
        foreach (var job in data.Jobs.Where(j => j.Step == JobStep.AwaitingDecision && Workflow.UnapprovedListJobs.Contains(j.Name)))
        {
            var typeAndDirectory = job.Directory.ReplaceFirst(Workflow.ActiveTransfers, "");
            if (!Workflow.IsArchive(job.Directory))
            {
                typeAndDirectory = typeAndDirectory[..^1];
            }
            var watchedDirectory = typeAndDirectory.Split('/')[0];
            if (!watchedToType.TryGetValue(watchedDirectory, out var type))
            {
                return DashboardReply.ServerErrorPage(); // KeyError in the original
            }
            results.Add(new JsonObject
            {
                ["type"] = type,
                ["directory"] = typeAndDirectory.ReplaceFirst(watchedDirectory + "/", ""),
                ["uuid"] = job.UnitUuid,
            });
        }
        // A6: 1.15.0 could not serialise the (then UUID-typed) values of a non-empty list.
        if (results.Count > 0 && request.Version.Is("1.15.0"))
        {
            return DashboardReply.ServerErrorPage();
        }
        return DashboardReply.JsonBody(new JsonObject { ["results"] = results, ["message"] = "Fetched unapproved transfers successfully." });
    });

    /// <summary>
    /// Copies each <c>paths[]</c> entry (base64 of "location_uuid:path") from the transfer source into a
    /// new transfer that then waits for approval (copied into the shared tmp directory, then that copy
    /// moved into the watched directory). Paths are decoded before the view's try block, so bad
    /// base64 is the 500 page; everything inside it is a 500 JSON error.
    /// </summary>
    public static Reply StartTransfer(DashboardRequest request)
    {
        var name = request.FormValue("name") ?? "";
        var type = request.FormValue("type") ?? "";
        var paths = new List<string>();
        foreach (var encoded in request.FormList("paths[]"))
        {
            if (!PythonBase64.TryDecodeString(encoded, out var decoded))
            {
                return DashboardReply.ServerErrorPage();
            }
            paths.Add(decoded);
        }
        var rowIds = request.Form.ContainsKey("row_ids[]") ? request.FormList("row_ids[]") : [""];
        if (name.Length == 0)
        {
            return DashboardReply.Error("No transfer name provided.", 500);
        }
        if (paths.Count == 0)
        {
            return DashboardReply.Error("No path provided.", 500);
        }
        var watchedDirectory = Workflow.TransferTypeDirectories.GetValueOrDefault(type, "standardTransfer");

        return request.State.Locked(data =>
        {
            var destination = "";
            for (var i = 0; i < paths.Count; i++)
            {
                var target = i == 0 ? name : $"{name}_{i + 1}";
                if (i >= rowIds.Count)
                {
                    return DashboardReply.Error("list index out of range", 500);
                }
                if (TransferSource.IsBadDirectoryName(name))
                {
                    return DashboardReply.Error($"Unable to copy to a transfer named {name}: not a directory name", 500);
                }
                if (TransferSource.Check(paths[i], request) is { } problem)
                {
                    return DashboardReply.Error(problem, 500);
                }
                var sourcePath = paths[i].Split(':', 2)[1];
                var uuid = data.NewUuid();
                // Archives keep their file name; directories are renamed to the transfer name.
                var archive = Workflow.IsArchive(sourcePath);
                var directory = archive ? $"{Workflow.BaseName(sourcePath)}-{uuid}" : $"{target}-{uuid}";
                var copyName = archive ? Workflow.BaseName(sourcePath) : target;
                if (TransferSource.CopyIntoWatchedDirectory(request, sourcePath, copyName, watchedDirectory, directory) is { } copyError)
                {
                    return DashboardReply.Error(copyError, 500);
                }
                var transfer = Scenarios.TransferAwaitingApproval(data, uuid, watchedDirectory, directory);
                destination = Workflow.Expand(transfer.CurrentPath);
            }
            return DashboardReply.JsonBody(new JsonObject { ["message"] = "Copy successful.", ["path"] = destination });
        });
    }
}
