using static Conformance.Framework.Workflows.StepRequests;

namespace Conformance.Framework.Workflows;

/// <summary>
/// The promise between the two services, read-only: the dashboard's pipeline (its
/// X-Archivematica-ID) is registered in the Storage Service, and the AIPs the dashboard lists as
/// completed ingests exist there, stored by that pipeline.
/// </summary>
public static class CrossServiceWorkflows
{
    /// <summary>Most completed ingests looked up in the Storage Service (one set/ request).</summary>
    public const int MaxIngests = 20;

    public static IReadOnlyList<WorkflowDefinition> All { get; } =
    [
        new("cross-service.pipeline-and-stored-aips", Tier.ReadOnly, [ServiceKind.Archivematica, ServiceKind.Storage],
            "X-Archivematica-ID → pipeline/{id}/ and ?uuid= in the Storage Service → ingest/completed → file/set/ of those SIPs: each an AIP of this pipeline",
            PipelineAndStoredAipsAsync),
    ];

    private static async Task PipelineAndStoredAipsAsync(WorkflowRun run)
    {
        run.Step("the dashboard names its pipeline");
        var completed = await run.CallAsync("am.ingest.completed", None);
        run.Check(CrossService.PipelineNamed(completed.Exchange, out var pipeline));

        run.Step("the Storage Service knows the pipeline");
        var detail = await run.SendAsync("ss.pipeline.detail", Path("uuid", pipeline));
        run.Check(CrossService.PipelineRegistered(detail, pipeline));
        await run.VerifyAsync(detail, "ss.pipeline.detail");
        var listed = await run.CallAsync("ss.pipeline.list", Query(("uuid", pipeline)));
        run.Check(CrossService.PipelineListedOnce(listed, pipeline));

        run.Step("the completed ingests are AIPs in the Storage Service");
        var sips = completed.Array("results").Select(r => r?.GetValue<string>()).OfType<string>().Take(MaxIngests).ToList();
        if (sips.Count == 0)
        {
            throw run.InconclusiveHere("the dashboard lists no completed ingest, so no stored AIP can be looked up");
        }

        // set/{first};{second}/: the rest of the list goes into the second value (";" is kept as the separator).
        var set = await run.SendAsync("ss.file.set", Path(("first", sips[0]), ("second", sips.Count > 1 ? string.Join(';', sips.Skip(1)) : sips[0])));
        await run.VerifyAsync(set, "ss.file.set", expect: run.Expected("ss.file.set") with { Schema = null });
        run.Check(CrossService.AllFound(set, sips.Count));
        run.Check(CrossService.AllAipsOf(set, pipeline));
    }
}
