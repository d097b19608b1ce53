using System.Text.Json.Nodes;
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
        var pipeline = completed.Exchange.Header("X-Archivematica-ID") ?? "";
        run.Check(Guid.TryParse(pipeline, out _), $"X-Archivematica-ID {pipeline}", "the dashboard sends no X-Archivematica-ID", Requirement.RequiredHeaders);

        run.Step("the Storage Service knows the pipeline");
        var detail = await run.SendAsync("ss.pipeline.detail", Path("uuid", pipeline));
        run.Check(detail.Status == 200, $"pipeline/{pipeline}/ answers 200",
            $"pipeline/{pipeline}/ answers {detail.Status}: the dashboard's pipeline is not registered (or is disabled) in this Storage Service", Requirement.CrossService);
        await run.VerifyAsync(detail, "ss.pipeline.detail");
        var listed = await run.CallAsync("ss.pipeline.list", Query(("uuid", pipeline)));
        run.Check(listed.Text("meta.total_count") == "1", "?uuid= lists it once", $"?uuid={pipeline} lists {listed.Text("meta.total_count")} pipelines", Requirement.CrossService);

        run.Step("the completed ingests are AIPs in the Storage Service");
        var sips = completed.Array("results").Select(r => r?.GetValue<string>()).OfType<string>().Take(MaxIngests).ToList();
        if (sips.Count == 0)
        {
            throw run.InconclusiveHere("the dashboard lists no completed ingest, so no stored AIP can be looked up");
        }

        // set/{first};{second}/: the rest of the list goes into the second value (";" is kept as the separator).
        var set = await run.SendAsync("ss.file.set", Path(("first", sips[0]), ("second", sips.Count > 1 ? string.Join(';', sips.Skip(1)) : sips[0])));
        await run.VerifyAsync(set, "ss.file.set", expect: run.Expected("ss.file.set") with { Schema = null });
        var missing = set.Array("not_found").Select(n => n?.GetValue<string>()).ToList();
        run.Check(missing.Count == 0, $"all {sips.Count} found", $"{missing.Count} of the {sips.Count} completed ingests are not in the Storage Service: {string.Join(", ", missing)}", Requirement.CrossService);
        var foreign = set.Array("objects").OfType<JsonObject>()
            .Where(o => o["package_type"]?.GetValue<string>() is not ("AIP" or "AIC") || o["origin_pipeline"]?.GetValue<string>()?.Contains(pipeline, StringComparison.OrdinalIgnoreCase) != true)
            .Select(o => $"{o["uuid"]} ({o["package_type"]}, origin_pipeline {o["origin_pipeline"]})").ToList();
        run.Check(foreign.Count == 0, "each an AIP stored by this pipeline", "not AIPs of this pipeline: " + string.Join(", ", foreign), Requirement.CrossService);
    }
}
