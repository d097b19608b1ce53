using System.Text.Json.Nodes;

namespace Conformance.Framework.Arrangements;

/// <summary>
/// Reingest preconditions, made from AIPs this run created and never from one it discovered. On a real
/// pair the Storage Service starts a reingest itself: its <c>file/&lt;uuid&gt;/reingest/</c> checks fixity,
/// copies the AIP into the pipeline's currently-processing location under tmp/ and then calls the
/// dashboard's <c>ingest/reingest</c> (or <c>transfer/reingest</c>), so an AIP waiting in tmp/ exists
/// only for a moment; the suite makes one with move_files, a copy.
/// </summary>
internal sealed class ReingestArrangements(ConformanceSession session, StorageArrangements storage, DashboardArrangements dashboard)
{
    private const string CurrentlyProcessing = "ss.location.list?purpose=CP:objects[0].uuid";
    private const string ApproveReingest = "Approve AIP reingest";

    /// <summary>
    /// aip-ready-for-reingest: a copy of a run-created AIP (an uploaded-aip) at tmp/&lt;name&gt; of the
    /// currently-processing location, where the dashboard's reingest views look (fields: name, uuid).
    /// </summary>
    public async Task<IReadOnlyDictionary<string, string>> AipInTmpAsync(CancellationToken cancellationToken)
    {
        var uuid = (await storage.UploadedAipAsync(cancellationToken))["uuid"];
        var calls = new ArrangementCalls(session, "aip-ready-for-reingest");
        var package = await calls.GetAsync("ss.file.detail", $"/api/v2/file/{uuid}/", "reading the run's AIP", cancellationToken);
        var origin = package["current_location"]?.GetValue<string>() ?? throw new UnresolvableException($"the Storage Service gave the run's AIP {uuid} no current_location");
        var path = package["current_path"]?.GetValue<string>()?.TrimEnd('/') ?? throw new UnresolvableException($"the Storage Service gave the run's AIP {uuid} no current_path");
        var processing = await session.Discovery.ResolveAsync(CurrentlyProcessing, cancellationToken);
        // An AIP's folder is "<name>-<uuid>", which transfer/reingest strips before adding the new transfer's uuid.
        var name = $"{session.Run.Unique("reingest")}-{uuid}";
        var body = new JsonObject
        {
            ["origin_location"] = origin,
            ["pipeline"] = $"/api/v2/pipeline/{Pipeline()}/",
            ["files"] = new JsonArray(new JsonObject { ["source"] = path + "/", ["destination"] = $"tmp/{name}/" }),
        };
        await calls.PostJsonAsync("ss.location.move_files", $"/api/v2/location/{processing}/", body,
            "copying the run's AIP into tmp/ of the currently-processing location (move_files)", cancellationToken, 200);
        session.Ledger.RecordScratchCopy(calls.CreatedBy, processing, $"tmp/{name}/");
        return new Dictionary<string, string> { ["name"] = name, ["uuid"] = uuid };
    }

    /// <summary>
    /// ingest-awaiting-reingest-approval: an AIP the pipeline made for this run (completed-ingest), sent back
    /// by the Storage Service for a partial (OBJECTS) reingest and listed by ingest/waiting at
    /// "Approve AIP reingest" (fields: uuid).
    /// </summary>
    public async Task<IReadOnlyDictionary<string, string>> AwaitingApprovalAsync(CancellationToken cancellationToken)
    {
        var uuid = (await dashboard.CompletedIngestAsync(cancellationToken))["uuid"];
        var calls = new ArrangementCalls(session, "ingest-awaiting-reingest-approval");
        var body = new JsonObject
        {
            ["pipeline"] = Pipeline(),
            ["reingest_type"] = "OBJECTS",
            ["processing_config"] = session.Placeholder("processing-config") ?? Settings.ProcessingConfig.Default,
        };
        await calls.PostJsonAsync("ss.file.reingest", $"/api/v2/file/{uuid}/reingest/", body,
            $"starting a partial (OBJECTS) reingest of the run's AIP {uuid}", cancellationToken, 202);
        string? elsewhere = null;
        var reason = $"the Storage Service accepted the reingest of {uuid} (202), but ingest/waiting did not list it at '{ApproveReingest}' within {dashboard.Wait}";
        try
        {
            await dashboard.PollAsync(cancellationToken, async () =>
            {
                var waiting = await calls.GetAsync("am.ingest.waiting", "/api/ingest/waiting", "listing units waiting for a decision", cancellationToken);
                var unit = waiting["results"]?.AsArray().FirstOrDefault(r => r?["sip_uuid"]?.GetValue<string>() == uuid);
                var microservice = unit?["microservice"]?.GetValue<string>();
                elsewhere = microservice is not null and not ApproveReingest ? microservice : elsewhere;
                return microservice == ApproveReingest ? uuid : null;
            }, reason);
        }
        catch (UnresolvableException e) when (e.Message == reason)
        {
            throw new UnresolvableException(reason + (elsewhere is null ? " (is MCPServer running?)" : $" (it waited at '{elsewhere}')"));
        }

        return new Dictionary<string, string> { ["uuid"] = uuid };
    }

    private string Pipeline() => session.Placeholder("pipeline-uuid")
        ?? throw new UnresolvableException("a reingest names the pipeline: {pipeline-uuid} was not learnt from the target");
}
