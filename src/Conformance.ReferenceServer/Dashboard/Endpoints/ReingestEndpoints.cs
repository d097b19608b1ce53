using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Conformance.ReferenceServer.Dashboard.Endpoints;

/// <summary>
/// <c>transfer/reingest</c>, <c>ingest/reingest</c> and <c>ingest/reingest/approve</c>. The reingest
/// views first purge the jobs, tasks and SIP row of the given uuid, then move
/// <c>sharedDirectory/tmp/&lt;name&gt;</c> into a watched directory. The emulator has no file system:
/// the extracted AIP is assumed to be in tmp, so the move always succeeds.
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
        return request.State.Locked(data =>
        {
            // The real view moves tmp/<name> into a watched directory; without it the move fails.
            if (!data.AipsExtractedForReingest.Remove(name))
            {
                return DashboardReply.Error($"[Errno 2] No such file or directory: '/var/archivematica/sharedDirectory/tmp/{name}'", status: 500);
            }

            data.PurgeJobs(uuid);
            data.Units.RemoveAll(u => u.Type == UnitType.Sip && DashboardData.SameUuid(u.Uuid, uuid));

            string reingestUuid;
            if (toTransfer)
            {
                // Full reingest: a new transfer named after the AIP, its UUID suffix replaced.
                reingestUuid = data.NewUuid();
                var baseName = Workflow.BaseName(name);
                if (baseName.Length > 36 && StrictUuid().IsMatch(baseName[^36..]))
                {
                    baseName = baseName[..^37];
                }
                var transfer = data.AddUnit(UnitType.Transfer, reingestUuid,
                    $"{Workflow.ActiveTransfers}standardTransfer/{baseName}-{reingestUuid}/", ("objects", null));
                Scenarios.StartProcessing(data, transfer);
            }
            else
            {
                // Partial reingest: the SIP comes back and waits at "Approve AIP reingest".
                reingestUuid = uuid;
                Scenarios.SipAwaitingReingestApproval(data, uuid, Workflow.BaseName(name));
            }
            return DashboardReply.JsonBody(new JsonObject { ["message"] = "Approval successful.", ["reingest_uuid"] = reingestUuid });
        });
    }

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
