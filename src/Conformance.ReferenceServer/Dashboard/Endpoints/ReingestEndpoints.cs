using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Conformance.ReferenceServer.Dashboard.Endpoints;

/// <summary>
/// <c>transfer/reingest</c>, <c>ingest/reingest</c> and <c>ingest/reingest/approve</c>. The reingest
/// views first purge the jobs, tasks and SIP row of the given uuid, then move
/// <c>sharedDirectory/tmp/&lt;name&gt;</c> into a watched directory. The AIP is in tmp when the Storage
/// Service put it there (its reingest, or a move_files copy into the currently-processing location's
/// tmp/), on the disk both halves share; or when an in-process arrangement said so
/// (<see cref="DashboardData.AipsExtractedForReingest"/>). A dashboard without that disk finds every name.
/// </summary>
internal static partial class ReingestEndpoints
{
    public static Reply TransferReingest(DashboardRequest request) => Reingest(request, toTransfer: true);

    public static Reply IngestReingest(DashboardRequest request) => Reingest(request, toTransfer: false);

    private static Reply Reingest(DashboardRequest request, bool toTransfer)
    {
        var name = request.FormValue("name");
        var uuid = request.FormValue("uuid");
        if (string.IsNullOrEmpty(name) || string.IsNullOrEmpty(uuid))
        {
            return DashboardReply.Error("\"name\" and \"uuid\" are required.");
        }
        if (name.Contains('\0', StringComparison.Ordinal))
        {
            // shutil.move raises ValueError ("embedded null byte"), which the view's except (shutil.Error, OSError) misses.
            return DashboardReply.ServerErrorPage();
        }
        var (status, body) = Start(request.State, name, uuid, toTransfer);
        return DashboardReply.JsonBody(body, status);
    }

    /// <summary>The view after its field checks; also what the Storage Service's reingest calls (Pipeline.reingest).</summary>
    internal static (int Status, JsonObject Body) Start(DashboardState state, string name, string uuid, bool toTransfer) => state.Locked(data =>
    {
        // The real view moves tmp/<name> into a watched directory; without it the move fails.
        var extracted = data.AipsExtractedForReingest.Remove(name);
        if (!extracted && state.Files is { } files && !files.TmpHas(name))
        {
            return Failure($"[Errno 2] No such file or directory: '{Workflow.SharedDirectory}tmp/{name}'");
        }

        // Full reingest: a new transfer named after the AIP, its UUID suffix replaced; partial: the SIP itself.
        var reingestUuid = toTransfer ? data.NewUuid() : uuid;
        var baseName = Workflow.BaseName(name);
        if (toTransfer && baseName.Length > 36 && StrictUuid().IsMatch(baseName[^36..]))
        {
            baseName = baseName[..^37];
        }
        var transferPath = $"{Workflow.ActiveTransfers}standardTransfer/{baseName}-{reingestUuid}/";
        if (!extracted)
        {
            state.Files?.MoveFromTmp(name, toTransfer ? Workflow.Expand(transferPath) : Workflow.SharedDirectory + "watchedDirectories/system/reingestAIP/");
        }

        data.PurgeJobs(uuid);
        data.Units.RemoveAll(u => u.Type == UnitType.Sip && DashboardData.SameUuid(u.Uuid, uuid));
        if (toTransfer)
        {
            var transfer = data.AddUnit(UnitType.Transfer, reingestUuid, transferPath, ("objects", null));
            Scenarios.StartProcessing(data, transfer);
        }
        else
        {
            // Partial reingest: the SIP comes back and waits at "Approve AIP reingest".
            Scenarios.SipAwaitingReingestApproval(data, uuid, Workflow.BaseName(name));
        }
        return (200, new JsonObject { ["message"] = "Approval successful.", ["reingest_uuid"] = reingestUuid });
    });

    private static (int, JsonObject) Failure(string message) => (500, new JsonObject { ["error"] = true, ["message"] = message });

    /// <summary>
    /// A3: 1.13.2 passes an extra argument to the RPC helper, so every call fails with 400. From 1.14.0
    /// it succeeds for a SIP waiting at "Approve AIP reingest" and fails (400) otherwise.
    /// </summary>
    public static Reply ApprovePartialReingest(DashboardRequest request)
    {
        const string failure = "Unable to approve the partial reingest.";
        var uuid = request.FormValue("uuid");
        if (uuid is null)
        {
            return DashboardReply.Error("\"uuid\" is required.");
        }
        if (request.Version.Below("1.14.0"))
        {
            return DashboardReply.Error(failure);
        }
        return request.State.Locked(data =>
        {
            var job = data.Jobs.Find(j => j.UnitType == UnitType.Sip && DashboardData.SameUuid(j.UnitUuid, uuid)
                && j.Name == Workflow.ApproveReingestJob && j.Step == JobStep.AwaitingDecision);
            var sip = job is null ? null : data.FindUnit(job.UnitUuid, UnitType.Sip);
            if (job is null || sip is null)
            {
                return DashboardReply.Error(failure);
            }
            job.Step = JobStep.CompletedSuccessfully;
            Progression.ReingestApproved(data, sip);
            return DashboardReply.JsonBody(new JsonObject { ["message"] = "Approval successful." });
        });
    }

    /// <summary>The view's own UUID_REGEX (strict, version 4) used to strip a name's UUID suffix.</summary>
    [GeneratedRegex("^[0-9A-F]{8}-[0-9A-F]{4}-4[0-9A-F]{3}-[89AB][0-9A-F]{3}-[0-9A-F]{12}$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex StrictUuid();
}
