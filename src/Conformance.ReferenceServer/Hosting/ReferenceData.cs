namespace Conformance.ReferenceServer.Hosting;

/// <summary>
/// Well-known identifiers shared by both halves of the reference server (the dashboard's pipeline is
/// registered in the Storage Service) and by the catalogue's sample requests in fixtures/endpoints.json.
/// </summary>
public static class ReferenceData
{
    /// <summary>The dashboard's pipeline UUID: X-Archivematica-ID, and a pipeline in the Storage Service.</summary>
    public const string PipelineUuid = "5f7c1e2a-9d4b-4c3e-8a6f-1b2d3e4f5a60";

    /// <summary>A transfer-source location (Storage Service) used by start_transfer, package and copy_metadata_files.</summary>
    public const string TransferSourceLocationUuid = "c4a3d8f2-6b1e-4c0a-9f3e-2d7b5a1e8c40";

    /// <summary>A directory inside the transfer source that exists on the reference server.</summary>
    public const string TransferSourcePath = "sample-transfers/conformance";

    /// <summary>The transfer-source location's path on the emulated disk (the filesystem space "/" + "home").</summary>
    public const string TransferSourceLocationPath = "/home";

    /// <summary>
    /// The currently-processing (CP) location: the pipeline's shared directory, where the dashboard's
    /// transfer copies land (tmp/&lt;uuid&gt;/...) before they move into watchedDirectories/activeTransfers/.
    /// </summary>
    public const string CurrentlyProcessingLocationUuid = "b6c0d4e8-2f1a-4b9c-8e3d-5a7f9b1c3e85";

    /// <summary>The currently-processing location's path on the emulated disk.</summary>
    public const string SharedDirectoryPath = "/var/archivematica/sharedDirectory";

    /// <summary>Where start_transfer and v2beta/package put standard transfers: activeTransfers/standardTransfer/ in the shared directory.</summary>
    public const string StandardTransferDirectory = SharedDirectoryPath + "/watchedDirectories/activeTransfers/standardTransfer";

    /// <summary>
    /// Seeded files nobody may change (see StorageSeed.AddUserData): user data inside the transfer-source
    /// location and files outside every location, reachable only through an unchecked path.
    /// </summary>
    public static IReadOnlyList<string> ProtectedFiles { get; } =
    [
        TransferSourceLocationPath + "/" + TransferSourcePath + "/objects/letters/1921/letter-to-the-mayor.txt",
        TransferSourceLocationPath + "/" + TransferSourcePath + "/objects/letters/1921/reply.txt",
        TransferSourceLocationPath + "/" + TransferSourcePath + "/objects/letters/index.txt",
        "/home/archivist/private/notes.txt",
        "/home/sample-transfers/beside-conformance.txt",
        "/etc/passwd",
        "/etc/archivematica/storage-service.conf",
        "/home-archive/beside-transfer-source.txt",
    ];

    /// <summary>An arrange entry (dashboard SIP arrangement) with a level of description.</summary>
    public const string ArrangePath = "/arrange/conformance/";
}
