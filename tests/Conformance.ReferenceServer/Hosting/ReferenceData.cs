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

    /// <summary>An arrange entry (dashboard SIP arrangement) with a level of description.</summary>
    public const string ArrangePath = "/arrange/conformance/";
}
