namespace Conformance.Framework.Arrangements;

/// <summary>
/// Arranges preconditions on any target. The scratch copy of the transfer source is always made
/// through the Storage Service's API (<see cref="ScratchArea"/>). The embedded reference server
/// makes the rest in-process; every other target gets them through its own APIs, from scratch
/// copies only, each object recorded in the cleanup ledger, and only when writes are allowed.
/// A request the server should let act (approve, hide, delete) gets a fresh object of its own;
/// requests a correct server refuses share one per run (<see cref="ArrangeSharedAsync"/>).
/// </summary>
public sealed class ApiArranger : IArranger
{
    private readonly ConformanceSession _session;
    private readonly IArranger _target;
    private readonly StorageArrangements _storage;
    private readonly DashboardArrangements _dashboard;
    private readonly ReingestArrangements _reingest;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<Task<IReadOnlyDictionary<string, string>>>> _shared = new(StringComparer.Ordinal);

    public ApiArranger(ConformanceSession session, IArranger target)
    {
        _session = session;
        _target = target;
        _storage = new StorageArrangements(session);
        _dashboard = new DashboardArrangements(session);
        _reingest = new ReingestArrangements(session, _storage, _dashboard);
    }

    public async Task<IReadOnlyDictionary<string, string>> ArrangeAsync(string arrangement, CancellationToken cancellationToken = default)
    {
        if (arrangement == ScratchArea.Arrangement)
        {
            return await _session.Scratch.CopyAsync("arrangement " + arrangement, cancellationToken);
        }

        if (_target is not NoArranger && InProcess.Contains(arrangement))
        {
            return await _target.ArrangeAsync(arrangement, cancellationToken);
        }

        if (Unavailable(arrangement) is { } reason)
        {
            throw new UnresolvableException(reason);
        }

        WritesAllowed(arrangement);
        return await (arrangement switch
        {
            "uploaded-aip" => _storage.UploadedAipAsync(cancellationToken),
            "backlog-transfer" => _storage.BacklogTransferAsync(cancellationToken),
            "deposit-location" => _storage.DepositLocationAsync(),
            "sword-deposit" => _storage.DepositAsync(cancellationToken),
            "transfer-awaiting-approval" => _dashboard.TransferAwaitingApprovalAsync(cancellationToken),
            "completed-transfer" => _dashboard.CompletedTransferAsync(cancellationToken),
            "completed-ingest" => _dashboard.CompletedIngestAsync(cancellationToken),
            "deletable-processing-config" => _dashboard.BuiltInProcessingConfigAsync(cancellationToken),
            "aip-ready-for-reingest" => _reingest.AipInTmpAsync(cancellationToken),
            "ingest-awaiting-reingest-approval" => _reingest.AwaitingApprovalAsync(cancellationToken),
            _ => throw new UnresolvableException($"the suite has no way to arrange '{arrangement}' through the target's API"),
        });
    }

    /// <summary>
    /// One object per arrangement for the run, made on first use, for what does not change it: a
    /// request a correct server refuses (wrong credentials, a missing slash, a bad variant) and the
    /// read-only cases that discover it. Only a request the server should let act gets a fresh one.
    /// </summary>
    public Task<IReadOnlyDictionary<string, string>> ArrangeSharedAsync(string arrangement, CancellationToken cancellationToken = default) =>
        _shared.GetOrAdd(arrangement, a => new Lazy<Task<IReadOnlyDictionary<string, string>>>(() => ArrangeAsync(a, cancellationToken))).Value;

    /// <summary>What the embedded reference server makes in-process (faster, or a state its APIs cannot reach); the rest goes through the API there too.</summary>
    private static readonly HashSet<string> InProcess =
    [
        "completed-transfer", "completed-ingest", "transfer-awaiting-approval", "processing-config", "deletable-processing-config",
        "ingest-awaiting-reingest-approval", "aip-ready-for-reingest", "uploaded-aip", "sword-deposit",
    ];

    /// <summary>Why an arrangement cannot be made through the services' APIs at all, in terms of the target; null when it can.</summary>
    private string? Unavailable(string arrangement) => arrangement switch
    {
        "processing-config" =>
            "the dashboard API cannot create a processing configuration (only its web UI can)",
        "deletable-processing-config" when !_session.Settings.AllowBulkChanges =>
            $"the dashboard API cannot create a processing configuration (only its web UI can), and the suite deletes one it did not create (the built-in 'automated', regenerated with its defaults) only with {Settings.AllowBulkChanges.Name}=true ({Settings.AllowBulkChanges.EnvironmentVariable}=true)",
        _ => null,
    };

    private void WritesAllowed(string arrangement)
    {
        if (!_session.Settings.IsEmbedded && !_session.Settings.AllowWrites)
        {
            throw new UnresolvableException($"creating a {arrangement} on the target is a write; set {Settings.AllowWrites.Name}=true ({Settings.AllowWrites.EnvironmentVariable}=true) to let the suite make one");
        }

        if (_session.Scratch.HaltReason is { } halted)
        {
            throw new UnresolvableException("writes were stopped for the rest of the run: " + halted);
        }
    }
}
