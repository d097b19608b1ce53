namespace Conformance.ReferenceServer.Dashboard.State;

/// <summary>
/// Builds units in the states the API distinguishes, by recording the jobs the real pipeline would
/// have run. Used by the seed, the arrange API and the mutating endpoints alike.
/// </summary>
internal static class Scenarios
{
    private static readonly (string, string?)[] DefaultFiles = [("image-001.tif", null), ("image-002.tif", null), ("notes.txt", null)];

    public static Unit CompletedTransfer(DashboardData data, string uuid, string name, string sipUuid)
    {
        var transfer = data.AddUnit(UnitType.Transfer, uuid,
            $"{Workflow.SharedPathTemplate}watchedDirectories/SIPCreation/completedTransfers/{name}-{uuid}/", DefaultFiles);
        foreach (var step in Workflow.CompletedTransferChain)
        {
            data.AddJob(transfer, step, JobStep.CompletedSuccessfully);
        }
        transfer.SipUuid = sipUuid;
        return transfer;
    }

    public static Unit CompletedSip(DashboardData data, string uuid, string name)
    {
        var sip = data.AddUnit(UnitType.Sip, uuid, $"{Workflow.SharedPathTemplate}currentlyProcessing/{name}-{uuid}/", DefaultFiles);
        foreach (var step in Workflow.CompletedSipChain)
        {
            data.AddJob(sip, step, JobStep.CompletedSuccessfully);
        }
        return sip;
    }

    /// <summary>A transfer in processing: the first links ran, virus scanning is executing.</summary>
    public static Unit ProcessingTransfer(DashboardData data, string uuid, string name)
    {
        var transfer = data.AddUnit(UnitType.Transfer, uuid, $"{Workflow.SharedPathTemplate}currentlyProcessing/{name}-{uuid}/", DefaultFiles);
        StartProcessing(data, transfer);
        data.AddJob(transfer, Workflow.RenameWithUuid, JobStep.CompletedSuccessfully);
        data.AddJob(transfer, Workflow.AssignUuids, JobStep.CompletedSuccessfully);
        data.AddJob(transfer, Workflow.ScanForViruses, JobStep.ExecutingCommands);
        return transfer;
    }

    /// <summary>What happens right after approval: the transfer is moved into processing.</summary>
    public static void StartProcessing(DashboardData data, Unit transfer)
    {
        data.AddJob(transfer, Workflow.MoveToProcessing, JobStep.CompletedSuccessfully);
        data.AddJob(transfer, Workflow.SetPermissions, JobStep.ExecutingCommands);
    }

    public static Unit FailedTransfer(DashboardData data, string uuid, string name)
    {
        var transfer = data.AddUnit(UnitType.Transfer, uuid, $"{Workflow.SharedPathTemplate}failed/{name}-{uuid}/", DefaultFiles);
        data.AddJob(transfer, Workflow.MoveToProcessing, JobStep.CompletedSuccessfully);
        data.AddJob(transfer, Workflow.SetPermissions, JobStep.CompletedSuccessfully);
        data.AddJob(transfer, Workflow.RenameWithUuid, JobStep.CompletedSuccessfully);
        data.AddJob(transfer, Workflow.AssignUuids, JobStep.CompletedSuccessfully);
        data.AddJob(transfer, Workflow.ScanForViruses, JobStep.Failed);
        data.AddJob(transfer, Workflow.MoveToFailed, JobStep.CompletedSuccessfully);
        return transfer;
    }

    /// <summary>
    /// A transfer sitting in an active-transfer watched directory, its approval job awaiting a decision.
    /// <paramref name="directory"/> is the name inside the watched directory (what approve takes).
    /// </summary>
    public static Unit TransferAwaitingApproval(DashboardData data, string uuid, string watchedDirectory, string directory)
    {
        var trailing = Workflow.IsArchive(directory) ? "" : "/";
        var path = $"{Workflow.ActiveTransfers}{watchedDirectory}/{directory}{trailing}";
        var transfer = data.AddUnit(UnitType.Transfer, uuid, path, DefaultFiles);
        data.AddJob(transfer, Workflow.ApproveStep(watchedDirectory), JobStep.AwaitingDecision);
        return transfer;
    }

    /// <summary>A SIP stopped at the "Approve normalization" decision.</summary>
    public static Unit SipAwaitingDecision(DashboardData data, string uuid, string name)
    {
        var sip = data.AddUnit(UnitType.Sip, uuid,
            $"{Workflow.SharedPathTemplate}watchedDirectories/approveNormalization/preservation/{name}-{uuid}/", DefaultFiles);
        data.AddJob(sip, Workflow.VerifySip, JobStep.CompletedSuccessfully);
        data.AddJob(sip, Workflow.NormalizePreservation, JobStep.CompletedSuccessfully);
        data.AddJob(sip, Workflow.ApproveNormalization, JobStep.AwaitingDecision);
        return sip;
    }

    /// <summary>A SIP brought back by a partial reingest, waiting at "Approve AIP reingest".</summary>
    public static Unit SipAwaitingReingestApproval(DashboardData data, string uuid, string name)
    {
        var sip = data.FindUnit(uuid, UnitType.Sip)
            ?? data.AddUnit(UnitType.Sip, uuid, "", DefaultFiles);
        sip.CurrentPath = $"{Workflow.SharedPathTemplate}currentlyProcessing/{name}/";
        sip.Hidden = false;
        data.AddJob(sip, Workflow.ApproveReingest, JobStep.AwaitingDecision);
        return sip;
    }
}
