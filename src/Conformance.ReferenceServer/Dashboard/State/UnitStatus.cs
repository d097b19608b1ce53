namespace Conformance.ReferenceServer.Dashboard.State;

/// <summary>The result of <c>get_unit_status</c>: current microservice, status label, SIP uuid.</summary>
internal sealed record UnitStatusInfo(string Microservice, string Status, string? SipUuid);

/// <summary>
/// Port of the dashboard's <c>get_unit_status</c>: the status is derived from the unit's jobs, not
/// stored. The newest job decides, with fall-backs on particular job names.
/// </summary>
internal static class UnitStatus
{
    public const string Complete = "COMPLETE";
    public const string Failed = "FAILED";

    /// <summary>Null when the unit has no jobs (the view's IndexError case).</summary>
    public static UnitStatusInfo? Compute(DashboardData data, string unitUuid, UnitType type, ArchivematicaVersion version)
    {
        var unitJobs = data.JobsOf(unitUuid).Where(j => j.UnitType == type)
            .OrderByDescending(j => j.CreatedAt).ThenByDescending(j => j.Sequence).ToList();
        if (unitJobs.Count == 0)
        {
            return null;
        }
        var job = unitJobs[0];
        var allJobs = data.JobsOf(unitUuid).ToList();
        string status;
        string? sipUuid = null;
        if (job.Step == JobStep.AwaitingDecision)
        {
            status = "USER_INPUT";
        }
        else if (job.Microservice.Contains("failed", StringComparison.OrdinalIgnoreCase))
        {
            status = Failed;
        }
        else if (job.Microservice.Contains("reject", StringComparison.OrdinalIgnoreCase))
        {
            status = "REJECTED";
        }
        else if (job.Name == Workflow.RemoveProcessingDirectoryJob)
        {
            status = Complete;
        }
        else if (allJobs.Exists(j => j.Name == Workflow.CreateSipJob))
        {
            sipUuid = data.FindUnit(unitUuid, UnitType.Transfer)?.SipUuid;
            // A4: from 1.14.0 the transfer stays PROCESSING until its SIP exists.
            status = sipUuid is null && version.AtLeast("1.14.0") ? "PROCESSING" : Complete;
        }
        else if (allJobs.Exists(j => j.Name == Workflow.MoveToBacklogJob))
        {
            status = Complete;
            sipUuid = "BACKLOG";
        }
        else
        {
            status = "PROCESSING";
        }

        // Workaround kept from the original: for SIPs the newest job is not always the last one.
        if (type == UnitType.Sip && status == "PROCESSING" && unitJobs.Exists(j => j.Name == Workflow.RemoveProcessingDirectoryJob))
        {
            status = Complete;
        }
        return new UnitStatusInfo(job.Name, status, sipUuid);
    }

    /// <summary>The model manager's <c>done()</c>: finished one way or the other.</summary>
    public static bool IsDone(DashboardData data, Unit unit, ArchivematicaVersion version) =>
        Compute(data, unit.Uuid, unit.Type, version)?.Status is Complete or Failed;
}
