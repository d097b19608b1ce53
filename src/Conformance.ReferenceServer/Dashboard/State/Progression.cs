namespace Conformance.ReferenceServer.Dashboard.State;

/// <summary>
/// Moves units started through the API (approved transfers, packages, approved partial reingests)
/// along their job chains: each read of the unit's status or jobs finishes the running job and starts
/// the next link, so a client polling it sees PROCESSING, then (before 1.14) a COMPLETE without
/// sip_uuid (version-differences A4), then COMPLETE with the SIP, which goes on the same way until
/// its AIP is stored and the processing directory removed. Decision points are answered as the
/// "automated" processing configuration does, so nothing waits for user input. Callers hold the lock.
/// </summary>
internal static class Progression
{
    /// <summary>What follows the two links approval runs (<see cref="Scenarios.StartProcessing"/>).</summary>
    private static readonly WorkflowStep[] TransferAfterApproval =
    [
        Workflow.RenameWithUuid, Workflow.AssignUuids, Workflow.ScanForViruses, Workflow.DetermineIdentify,
        Workflow.Characterize, Workflow.CompleteTransfer, Workflow.CreateSip,
    ];

    /// <summary>A new SIP's links after "Verify SIP compliance" (which starts with it).</summary>
    private static readonly WorkflowStep[] SipAfterVerification =
    [
        Workflow.NormalizePreservation, Workflow.ApproveNormalization, Workflow.PrepareAip, Workflow.StoreAip, Workflow.RemoveProcessingDirectory,
    ];

    /// <summary>A transfer was approved: it moves into processing and will go on as it is polled.</summary>
    public static void Approved(DashboardData data, Unit transfer)
    {
        Scenarios.StartProcessing(data, transfer);
        transfer.Remaining = new Queue<WorkflowStep>(TransferAfterApproval);
    }

    /// <summary>A partial reingest was approved: the SIP is processed again up to a stored AIP.</summary>
    public static void ReingestApproved(DashboardData data, Unit sip)
    {
        data.AddJob(sip, Workflow.ReingestMoveToProcessing, JobStep.ExecutingCommands);
        sip.Remaining = new Queue<WorkflowStep>([Workflow.VerifySip, .. SipAfterVerification]);
    }

    /// <summary>One poll of a unit in progress: its running job finishes, the next link starts.</summary>
    /// <param name="aipStored">Called with the SIP uuid and name when "Store the AIP" finishes.</param>
    public static void Advance(DashboardData data, Unit unit, Action<string, string>? aipStored)
    {
        if (unit.Remaining is null)
        {
            return;
        }

        var running = data.JobsOf(unit.Uuid).Where(j => j.UnitType == unit.Type && j.Step == JobStep.ExecutingCommands).ToList();
        foreach (var job in running)
        {
            Finish(data, job);
            if (job.Name == Workflow.CreateSipJob && unit.Type == UnitType.Transfer)
            {
                CreateSip(data, unit);
            }
            else if (job.LinkUuid == Workflow.StoreAip.LinkUuid)
            {
                aipStored?.Invoke(unit.Uuid, Name(unit));
            }
        }

        if (unit.Remaining.Count == 0)
        {
            unit.Remaining = null;
            return;
        }

        var next = unit.Remaining.Dequeue();
        // Links without tasks (decisions the processing configuration answers) are done at once.
        data.AddJob(unit, next, next.Tasks == TaskScope.None ? JobStep.CompletedSuccessfully : JobStep.ExecutingCommands);
    }

    private static void Finish(DashboardData data, Job job)
    {
        var ended = data.Tick(1);
        job.Step = JobStep.CompletedSuccessfully;
        foreach (var task in job.Tasks)
        {
            task.StartedAt ??= ended;
            task.EndedAt = ended;
            task.ExitCode = 0;
        }
    }

    /// <summary>"Create SIP from transfer objects" finished: the SIP exists, named after the transfer, and starts its own chain.</summary>
    private static void CreateSip(DashboardData data, Unit transfer)
    {
        var sipUuid = data.NewUuid();
        var name = Name(transfer);
        var sip = data.AddUnit(UnitType.Sip, sipUuid, $"{Workflow.SharedPathTemplate}currentlyProcessing/{name}-{sipUuid}/");
        sip.Files.AddRange(transfer.Files);
        data.AddJob(sip, Workflow.VerifySip, JobStep.ExecutingCommands);
        sip.Remaining = new Queue<WorkflowStep>(SipAfterVerification);
        transfer.SipUuid = sipUuid;
    }

    /// <summary>The unit's name: its directory without the "-uuid" suffix.</summary>
    private static string Name(Unit unit)
    {
        var directory = Workflow.BaseName(unit.CurrentPath);
        return directory.EndsWith("-" + unit.Uuid, StringComparison.OrdinalIgnoreCase) ? directory[..^(unit.Uuid.Length + 1)] : directory;
    }
}
