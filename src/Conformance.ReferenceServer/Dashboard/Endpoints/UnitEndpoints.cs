using System.Text.Json.Nodes;

namespace Conformance.ReferenceServer.Dashboard.Endpoints;

/// <summary>
/// Views shared by transfers and ingests (SIPs): status, completed lists, waiting list, hiding.
/// Unknown units are 400 for status and 409 for hiding, never 404.
/// </summary>
internal static class UnitEndpoints
{
    public static Reply TransferStatus(DashboardRequest request) => Status(request, UnitType.Transfer);

    public static Reply IngestStatus(DashboardRequest request) => Status(request, UnitType.Sip);

    public static Reply CompletedTransfers(DashboardRequest request) =>
        Completed(request, UnitType.Transfer, "Fetched completed transfers successfully.");

    public static Reply CompletedIngests(DashboardRequest request) =>
        Completed(request, UnitType.Sip, "Fetched completed ingests successfully.");

    private static Reply Status(DashboardRequest request, UnitType type)
    {
        var uuid = request.RouteValue("uuid");
        var typeLabel = type == UnitType.Transfer ? "transfer" : "SIP";
        var unitTypeName = type == UnitType.Transfer ? "unitTransfer" : "unitSIP";
        return request.State.Locked(data =>
        {
            var unit = data.FindUnit(uuid, type);
            if (unit is null)
            {
                return DashboardReply.JsonBody(new JsonObject
                {
                    ["type"] = typeLabel,
                    ["message"] = $"Cannot fetch {unitTypeName} with UUID {uuid}",
                    ["error"] = true,
                }, 400);
            }
            // A unit started through the API moves on one link per poll.
            Progression.Advance(data, unit, AipStored(request));
            var directory = Workflow.BaseName(unit.CurrentPath);
            var response = new JsonObject
            {
                ["type"] = typeLabel,
                ["path"] = Workflow.Expand(unit.CurrentPath),
                ["directory"] = directory,
                ["name"] = directory.ReplaceFirst("-" + uuid, ""),
                ["uuid"] = uuid,
            };
            var status = UnitStatus.Compute(data, uuid, type, request.Version);
            if (status is null)
            {
                return DashboardReply.Error($"Unable to determine the status of the unit {uuid}");
            }
            response["microservice"] = status.Microservice;
            response["status"] = status.Status;
            if (status.SipUuid is not null)
            {
                response["sip_uuid"] = status.SipUuid;
            }
            response["message"] = $"Fetched status for {uuid} successfully.";
            return DashboardReply.JsonBody(response);
        });
    }

    /// <summary>Non-hidden units whose computed status is COMPLETE; units without jobs are skipped.</summary>
    private static Reply Completed(DashboardRequest request, UnitType type, string message) => request.State.Locked(data =>
    {
        var results = new JsonArray();
        foreach (var unit in data.Units.Where(u => u.Type == type && !u.Hidden))
        {
            if (UnitStatus.Compute(data, unit.Uuid, type, request.Version)?.Status == UnitStatus.Complete)
            {
                results.Add(unit.Uuid);
            }
        }
        return DashboardReply.JsonBody(new JsonObject { ["results"] = results, ["message"] = message });
    });

    /// <summary>One entry per job awaiting a decision, transfers included despite the route's name.</summary>
    public static Reply Waiting(DashboardRequest request) => request.State.Locked(data =>
    {
        var results = new JsonArray();
        foreach (var job in data.Jobs.Where(j => j.Step == JobStep.AwaitingDecision))
        {
            var directory = Workflow.BaseName(job.Directory);
            results.Add(new JsonObject
            {
                ["sip_directory"] = directory,
                ["sip_uuid"] = job.UnitUuid,
                ["sip_name"] = directory.ReplaceFirst("-" + job.UnitUuid, ""),
                ["microservice"] = job.Name,
            });
        }
        if (results.Count > 0 && request.Version.Is("1.15.0"))
        {
            return DashboardReply.ServerErrorPage(); // A6
        }
        return DashboardReply.JsonBody(new JsonObject { ["results"] = results, ["message"] = "Fetched units successfully." });
    });

    /// <summary>The callback that registers stored AIPs in the Storage Service, unless <see cref="Fault.AipNotStored"/> is on.</summary>
    internal static Action<string, string>? AipStored(DashboardRequest request) =>
        request.Options.Faults.IsActive(Fault.AipNotStored, request.EndpointId) ? null : request.State.AipStored;

    /// <summary>Soft delete of one finished unit; unknown, hidden or unfinished units are 409.</summary>
    public static Reply Hide(DashboardRequest request)
    {
        var type = request.RouteValue("type") == "transfer" ? UnitType.Transfer : UnitType.Sip;
        var uuid = request.RouteValue("uuid");
        if (request.Version.AtLeast("1.15.0") && !PythonStrings.IsHexUuid(uuid))
        {
            // A5: from 1.15 the UUID column rejects the value inside the update.
            return DashboardReply.JsonBody(new JsonObject { ["removed"] = false }, 500);
        }
        return request.State.Locked(data =>
        {
            var unit = data.FindUnit(uuid, type);
            if (unit is null || unit.Hidden || !UnitStatus.IsDone(data, unit, request.Version))
            {
                return DashboardReply.JsonBody(new JsonObject { ["removed"] = false }, 409);
            }
            // A state fault cannot be applied to the answer afterwards, so the view consults it.
            unit.Hidden = !request.Options.Faults.IsActive(Fault.HideIsNoOp, request.EndpointId);
            return DashboardReply.JsonBody(new JsonObject { ["removed"] = true });
        });
    }

    /// <summary>Hides every completed or failed, non-hidden unit of the type; returns their uuids.</summary>
    public static Reply HideCompleted(DashboardRequest request)
    {
        var type = request.RouteValue("type") == "transfer" ? UnitType.Transfer : UnitType.Sip;
        return request.State.Locked(data =>
        {
            var removed = new JsonArray();
            foreach (var unit in data.Units.Where(u => u.Type == type && !u.Hidden && UnitStatus.IsDone(data, u, request.Version)).ToList())
            {
                unit.Hidden = true;
                removed.Add(unit.Uuid);
            }
            return DashboardReply.JsonBody(new JsonObject { ["removed"] = removed });
        });
    }
}
