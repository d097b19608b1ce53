
namespace Conformance.Framework.Targets;

/// <summary>
/// Everything a run shares, built once: the target, one client per configured service, the versions
/// found at preflight, the catalogue, the compiled schemas, discovered identifiers and the arranger.
/// Immutable or thread-safe throughout, so tests may run in parallel.
/// </summary>
public sealed class ConformanceSession : IDisposable
{
    private readonly Dictionary<ServiceKind, ServiceClient> _clients;

    public ConformanceSession(TargetSettings settings, EndpointCatalogue catalogue, SchemaRegistry schemas, IArranger arranger, RunContext? run = null, Verdicts.KnownDeviations? knownDeviations = null)
    {
        KnownDeviations = knownDeviations ?? Verdicts.KnownDeviations.None;
        Settings = settings;
        Catalogue = catalogue;
        Schemas = schemas;
        Run = run ?? new RunContext();
        Scratch = new Cleanup.ScratchArea(this);
        Arranger = new ApiArranger(this, arranger);
        _clients = new[] { settings.Archivematica, settings.Storage }
            .OfType<ServiceEndpoint>()
            .ToDictionary(e => e.Kind, e => new ServiceClient(e, settings.RequestTimeout, settings.Tls, settings.MaxRetries, settings.RequestLog));
        Versions = new Dictionary<ServiceKind, string> { [ServiceKind.Storage] = settings.StorageServiceVersion };
        StorageRelease = StorageRelease.Configured(settings.StorageServiceVersion);
        Discovery = new Discovery(this);
        Expander = new RequestExpander(this);
    }

    public TargetSettings Settings { get; }

    public Verdicts.KnownDeviations KnownDeviations { get; }

    public EndpointCatalogue Catalogue { get; }

    public SchemaRegistry Schemas { get; }

    public ApiArranger Arranger { get; }

    /// <summary>The run's scratch copies of the transfer source: the only paths its writes act on.</summary>
    public Cleanup.ScratchArea Scratch { get; }

    public RunContext Run { get; }

    public Discovery Discovery { get; }

    public RequestExpander Expander { get; }

    /// <summary>Product version per service: the dashboard's from X-Archivematica-Version at preflight, the Storage Service's from settings or detected (<see cref="StorageRelease"/>).</summary>
    public Dictionary<ServiceKind, string> Versions { get; }

    /// <summary>The Storage Service release expected and how it was decided (set, or detected at preflight).</summary>
    public StorageRelease StorageRelease { get; set; }

    /// <summary>Placeholder values learnt from the target (the dashboard's pipeline UUID from X-Archivematica-ID); configured values win.</summary>
    public System.Collections.Concurrent.ConcurrentDictionary<string, string> DiscoveredPlaceholders { get; } = new();

    /// <summary>Requests sent with wrong credentials so far, against <see cref="TargetSettings.BadCredentialBudget"/>.</summary>
    public int BadCredentialRequests => _badCredentialRequests;

    /// <summary>What write tests created on the target, for cleanup at the end of the run.</summary>
    public Cleanup.CleanupLedger Ledger { get; } = new();

    /// <summary>In a dry run: every request the run would have sent, one line each.</summary>
    public System.Collections.Concurrent.ConcurrentQueue<string> DryRunPlan { get; } = new();

    /// <summary>
    /// After every request a write case, probe, workflow step or arrangement sent: the ledger records
    /// what it created, and the transfer source is checked (a change stops every further write).
    /// </summary>
    public async Task AfterWriteAsync(string createdBy, Endpoint endpoint, Tier tier, Exchange exchange, CancellationToken cancellationToken = default)
    {
        if (tier == Tier.ReadOnly)
        {
            return;
        }

        Ledger.Record(createdBy, endpoint, tier, exchange);
        await Scratch.WatchAsync(createdBy, exchange, cancellationToken);
    }

    /// <summary>Takes one request from the bad-credential budget; false when it is used up.</summary>
    public bool TrySpendBadCredentialRequest() =>
        Interlocked.Increment(ref _badCredentialRequests) <= (Settings.BadCredentialBudget ?? int.MaxValue);

    private int _badCredentialRequests;

    public ServiceClient? Client(ServiceKind kind) => _clients.GetValueOrDefault(kind);

    public string? Version(ServiceKind kind) => Versions.GetValueOrDefault(kind);

    /// <summary>A placeholder's value on this target ({pipeline-uuid}, {transfer-source-location}, ...): configured, else learnt from the target, else null.</summary>
    public string? Placeholder(string name) =>
        Settings.Placeholders.TryGetValue(name, out var configured) ? configured : DiscoveredPlaceholders.GetValueOrDefault(name);

    public void Dispose()
    {
        foreach (var client in _clients.Values)
        {
            client.Dispose();
        }
    }
}
