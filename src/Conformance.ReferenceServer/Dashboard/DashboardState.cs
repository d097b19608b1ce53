using System.Text.Json.Nodes;

namespace Conformance.ReferenceServer.Dashboard;

/// <summary>
/// In-memory dashboard data (transfers, SIPs, jobs, tasks, processing configurations, levels of
/// description, arrangement entries). Thread-safe: every read and write runs under one lock.
/// The public methods are the arrange API the suite calls in-process to create preconditions.
/// </summary>
public sealed class DashboardState
{
    private readonly Lock _gate = new();
    private readonly DashboardData _data = SeedData.Create();

    public DashboardState(ReferenceServerOptions options) => Options = options;

    public ReferenceServerOptions Options { get; }

    /// <summary>
    /// Called (under the dashboard's lock) with the SIP uuid and name when a SIP in progress finishes
    /// "Store the AIP": the host registers the AIP in its Storage Service, as the real pipeline does.
    /// </summary>
    public Action<string, string>? AipStored { get; set; }

    /// <summary>
    /// The disk of its Storage Service, which transfers are copied from and into (set by the host).
    /// Null: a dashboard without one, where every transfer-source path exists and copies touch nothing.
    /// </summary>
    internal PipelineFiles? Files { get; set; }

    /// <summary>A new completed (status COMPLETE), not hidden transfer with jobs; returns its uuid.</summary>
    public string AddCompletedTransfer() => Locked(data =>
    {
        var uuid = data.NewUuid();
        var sipUuid = data.NewUuid();
        var name = "arranged-transfer-" + uuid[..8];
        Scenarios.CompletedTransfer(data, uuid, name, sipUuid);
        Scenarios.CompletedSip(data, sipUuid, name);
        return uuid;
    });

    /// <summary>A new completed, not hidden SIP with jobs; returns its uuid.</summary>
    public string AddCompletedIngest() => Locked(data =>
    {
        var uuid = data.NewUuid();
        Scenarios.CompletedSip(data, uuid, "arranged-ingest-" + uuid[..8]);
        return uuid;
    });

    /// <summary>A new standard transfer awaiting approval; returns the directory name to approve.</summary>
    public string AddTransferAwaitingApproval() => Locked(data =>
    {
        var uuid = data.NewUuid();
        var directory = "arranged-approve-" + uuid[..8];
        Scenarios.TransferAwaitingApproval(data, uuid, "standardTransfer", directory);
        return directory;
    });

    /// <summary>A new processing configuration (a copy of default); returns its name (word characters, at most 16).</summary>
    public string AddProcessingConfig() => Locked(data =>
    {
        string name;
        do
        {
            name = "conf_" + Guid.NewGuid().ToString("N")[..8];
        }
        while (data.ProcessingConfigs.ContainsKey(name));
        data.ProcessingConfigs[name] = ProcessingConfigs.Default;
        return name;
    });

    /// <summary>
    /// A SIP waiting at "Approve AIP reingest" (what <c>ingest/reingest</c> leads to), so that
    /// <c>ingest/reingest/approve</c> can succeed on 1.14+; returns the SIP uuid.
    /// </summary>
    public string AddIngestAwaitingReingestApproval() => Locked(data =>
    {
        var uuid = data.NewUuid();
        Scenarios.SipAwaitingReingestApproval(data, uuid, "arranged-reingest-" + uuid);
        return uuid;
    });

    /// <summary>
    /// An AIP extracted into the shared tmp directory, as the Storage Service leaves it before a
    /// reingest; returns its name (the AIP directory, "name-uuid") and uuid.
    /// </summary>
    public (string Name, string Uuid) AddAipReadyForReingest() => Locked(data =>
    {
        var uuid = data.NewUuid();
        var name = $"arranged-aip-{uuid[..8]}-{uuid}";
        data.AipsExtractedForReingest.Add(name);
        return (name, uuid);
    });

    /// <summary>
    /// Pipeline.reingest from its Storage Service, which copied the AIP to the shared tmp/&lt;name&gt;:
    /// transfer/reingest (full) or ingest/reingest with name and uuid; the view's status and body.
    /// </summary>
    internal (int Status, JsonObject Body) Reingest(string name, string uuid, bool toTransfer) =>
        Endpoints.ReingestEndpoints.Start(this, name, uuid, toTransfer);

    internal T Locked<T>(Func<DashboardData, T> action)
    {
        lock (_gate)
        {
            return action(_data);
        }
    }
}
