namespace Conformance.Framework.Cleanup;

/// <summary>Why the run leaves what an endpoint created: what the API lacks, and what an administrator can do.</summary>
internal static class LeftBecause
{
    public const string Default = "the API offers no way to remove it; find it by the run id";

    public const string ScratchCopy =
        "the API cannot delete files; the run's scratch copies are in the currently-processing location under tmp/conformance-<run id>/ (Archivematica's own scratch space): remove that folder";

    public static string For(string endpointId) => endpointId switch
    {
        "ss.location.create" => "the Storage Service API cannot delete a location; its description carries the run id: delete it in the Storage Service UI (Locations)",
        "ss.space.create" => "the Storage Service API cannot delete a space; its path carries the run id: delete it in the Storage Service UI (Spaces)",
        "ss.pipeline.create" => "the Storage Service API cannot delete a pipeline; its description carries the run id: delete it in the Storage Service UI (Pipelines)",
        "am.transfer.start_transfer" => "the transfer waits for approval in activeTransfers (its name carries the run id); the dashboard API cannot remove an unapproved transfer: reject it in the dashboard",
        "ss.location.move_files" or "ss.location.async_move" => ScratchCopy,
        "ss.file.delete_aip" or "ss.file.recover_aip" => "a deletion or recovery request of the run's own package; an administrator approves or rejects it in the Storage Service",
        "ss.file.reingest" => "a reingest request of the run's own package; cleared by the test (PATCH reingest) or left for an administrator",
        "ss.async.list_post" => "an async task record; the Storage Service keeps them",
        _ => Default,
    };
}
