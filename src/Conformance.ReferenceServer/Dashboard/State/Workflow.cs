namespace Conformance.ReferenceServer.Dashboard.State;

/// <summary>A workflow link a job can run: microservice group, job name, link UUID, what its tasks cover.</summary>
internal sealed record WorkflowStep(string Microservice, string Name, string LinkUuid, TaskScope Tasks);

internal enum TaskScope
{
    /// <summary>Decision points and unit-variable links run no tasks.</summary>
    None,

    /// <summary>One task for the whole unit (file_uuid null, file_name the unit directory).</summary>
    Unit,

    /// <summary>One task per file of the unit.</summary>
    PerFile,
}

/// <summary>
/// The slice of the Archivematica workflow and shared-directory layout the emulator needs: watched
/// directories per transfer type, the approval jobs, and the job chains the seed data walks through.
/// Job and group names are the real ones, because <c>get_unit_status</c> keys on them.
/// </summary>
internal static class Workflow
{
    public const string SharedPathTemplate = "%sharedPath%";
    public const string SharedDirectory = "/var/archivematica/sharedDirectory/";
    public const string ActiveTransfers = SharedPathTemplate + "watchedDirectories/activeTransfers/";

    public const string CreateSipJob = "Create SIP from transfer objects";
    public const string MoveToBacklogJob = "Move transfer to backlog";
    public const string RemoveProcessingDirectoryJob = "Remove the processing directory";
    public const string ApproveReingestJob = "Approve AIP reingest";

    /// <summary>Transfer type (API name) to its watched directory under activeTransfers.</summary>
    public static readonly IReadOnlyDictionary<string, string> TransferTypeDirectories = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["standard"] = "standardTransfer",
        ["zipfile"] = "zippedDirectory",
        ["unzipped bag"] = "baggitDirectory",
        ["zipped bag"] = "baggitZippedDirectory",
        ["dspace"] = "Dspace",
        ["maildir"] = "maildir",
        ["TRIM"] = "TRIM",
        ["dataverse"] = "dataverseTransfer",
    };

    /// <summary>Types whose package may be a single archive file (no trailing slash on the path).</summary>
    public static readonly IReadOnlySet<string> ZipTypes = new HashSet<string>(StringComparer.Ordinal) { "zipfile", "zipped bag" };

    /// <summary>The decision job that waits for approval in each watched directory.</summary>
    public static readonly IReadOnlyDictionary<string, string> ApproveJobs = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["standardTransfer"] = "Approve standard transfer",
        ["zippedDirectory"] = "Approve zipped transfer",
        ["baggitDirectory"] = "Approve bagit transfer",
        ["baggitZippedDirectory"] = "Approve zipped bagit transfer",
        ["Dspace"] = "Approve DSpace transfer",
        ["maildir"] = "Approve maildir transfer",
        ["TRIM"] = "Approve TRIM transfer",
        ["dataverseTransfer"] = "Approve Dataverse transfer",
    };

    /// <summary>Only these five approval jobs are listed by <c>transfer/unapproved</c>.</summary>
    public static readonly IReadOnlySet<string> UnapprovedListJobs = new HashSet<string>(StringComparer.Ordinal)
    {
        "Approve standard transfer", "Approve zipped transfer", "Approve DSpace transfer",
        "Approve bagit transfer", "Approve zipped bagit transfer",
    };

    public static WorkflowStep ApproveStep(string watchedDirectory) =>
        new("Approve transfer", ApproveJobs[watchedDirectory], "db5b5fab-8f4d-4e27-9da1-494c73cf256d", TaskScope.None);

    public static readonly WorkflowStep MoveToProcessing = new("Verify transfer compliance", "Move to processing directory", "73ab4876-7734-47c1-87fd-e805ec99108d", TaskScope.Unit);
    public static readonly WorkflowStep SetPermissions = new("Verify transfer compliance", "Set file permissions", "309d6b79-965e-4a32-9ae4-45508201e2bd", TaskScope.Unit);
    public static readonly WorkflowStep RenameWithUuid = new("Rename with transfer UUID", "Rename with transfer UUID", "79cb9e86-830c-41c2-8dcc-69292f45e678", TaskScope.Unit);
    public static readonly WorkflowStep AssignUuids = new("Assign file UUIDs and checksums", "Assign file UUIDs to objects", "2fa91425-cb00-4853-9d2c-67eda13ffe79", TaskScope.PerFile);
    public static readonly WorkflowStep ScanForViruses = new("Scan for viruses", "Scan for viruses", "244caf9c-4dab-4481-b253-edc618187993", TaskScope.PerFile);
    public static readonly WorkflowStep DetermineIdentify = new("Identify file format", "Determine which files to identify", "e3eff9c0-cf44-4d3f-89e7-d15f17362f25", TaskScope.None);
    public static readonly WorkflowStep Characterize = new("Characterize and extract metadata", "Characterize and extract metadata", "986e86cb-0ab8-4b67-a26b-7f62b1852f27", TaskScope.PerFile);
    public static readonly WorkflowStep CompleteTransfer = new("Complete transfer", "Move to SIP creation directory for completed transfers", "73f778aa-f6fa-4db8-a56a-bd72fb710734", TaskScope.Unit);
    public static readonly WorkflowStep CreateSip = new("Create SIP from Transfer", CreateSipJob, "a66b0d38-9d95-447e-bd29-9753a7677796", TaskScope.Unit);
    public static readonly WorkflowStep MoveToFailed = new("Failed transfer", "Move to the failed directory", "d4ea65d0-03d7-4684-9f85-58a628518867", TaskScope.Unit);

    public static readonly WorkflowStep VerifySip = new("Verify SIP compliance", "Verify SIP compliance", "09208a65-0f3e-4dd3-902b-938b8743feb6", TaskScope.Unit);
    public static readonly WorkflowStep NormalizePreservation = new("Normalize", "Normalize for preservation", "99809225-3def-4a38-a12b-2b8f30b17d0b", TaskScope.PerFile);
    public static readonly WorkflowStep ApproveNormalization = new("Normalize", "Approve normalization", "5387f613-76c4-48ae-8732-1cc007b37e14", TaskScope.None);
    public static readonly WorkflowStep PrepareAip = new("Prepare AIP", "Prepare AIP", "320094ea-d7a9-4ded-9749-1e2370c6a5b8", TaskScope.Unit);
    public static readonly WorkflowStep StoreAip = new("Store AIP", "Store the AIP", "4b4d8474-a3ea-484d-bbd0-334684e55160", TaskScope.Unit);
    public static readonly WorkflowStep RemoveProcessingDirectory = new("Store AIP", RemoveProcessingDirectoryJob, "15c1d2df-a996-4aef-812d-0ea67ff12229", TaskScope.Unit);
    public static readonly WorkflowStep ApproveReingest = new("Reingest AIP", ApproveReingestJob, "6822a6b2-4735-4f1c-a7a1-149075139237", TaskScope.None);
    public static readonly WorkflowStep ReingestMoveToProcessing = new("Reingest AIP", "Move to processing directory", "ee82ec3f-fee5-45b2-8d1f-e1daff666589", TaskScope.Unit);

    /// <summary>Every job of a transfer that ended with its SIP created (status COMPLETE).</summary>
    public static readonly IReadOnlyList<WorkflowStep> CompletedTransferChain =
        [MoveToProcessing, SetPermissions, RenameWithUuid, AssignUuids, ScanForViruses, DetermineIdentify, Characterize, CompleteTransfer, CreateSip];

    /// <summary>Every job of a SIP whose AIP was stored (status COMPLETE).</summary>
    public static readonly IReadOnlyList<WorkflowStep> CompletedSipChain =
        [VerifySip, NormalizePreservation, ApproveNormalization, PrepareAip, StoreAip, RemoveProcessingDirectory];

    /// <summary>Python's <c>os.path.basename(os.path.normpath(path))</c> for the paths stored here.</summary>
    public static string BaseName(string path)
    {
        var trimmed = path.TrimEnd('/');
        var slash = trimmed.LastIndexOf('/');
        return slash < 0 ? trimmed : trimmed[(slash + 1)..];
    }

    /// <summary><c>%sharedPath%</c> expanded once, as the status view does.</summary>
    public static string Expand(string path) =>
        path.StartsWith(SharedPathTemplate, StringComparison.Ordinal)
            ? SharedDirectory + path[SharedPathTemplate.Length..]
            : path;

    /// <summary><c>helpers.file_is_an_archive</c>.</summary>
    public static bool IsArchive(string path) =>
        path.EndsWith(".zip", StringComparison.OrdinalIgnoreCase)
        || path.EndsWith(".tgz", StringComparison.OrdinalIgnoreCase)
        || path.EndsWith(".tar.gz", StringComparison.OrdinalIgnoreCase);
}
