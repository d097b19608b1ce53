namespace Conformance.Framework.Targets;

/// <summary>
/// What a run tests, resolved once by <see cref="TargetFactory"/>: the session read-only tests use,
/// the session writes use, and the preflight outcome. Immutable; disposing it stops whatever the
/// factory started for it (embedded reference servers).
/// </summary>
public sealed record Target : IAsyncDisposable
{
    public required ConformanceSession Session { get; init; }

    /// <summary>
    /// The session writes use. On the embedded server it is a second, separate instance, so a bulk
    /// hide or an async-list wipe never changes what the parallel read-only tests see. On a
    /// configured target it is <see cref="Session"/>.
    /// </summary>
    public required ConformanceSession WriteSession { get; init; }

    /// <summary>Why the target cannot be used (what was tried, what came back, what to check); null when it passed, or in a dry run, which sends nothing.</summary>
    public string? PreflightFailure { get; init; }

    /// <summary>What the factory started for this target and stops with it.</summary>
    public IReadOnlyList<IAsyncDisposable> Started { get; init; } = [];

    public TargetSettings Settings => Session.Settings;

    /// <summary>Both sessions, once each.</summary>
    public IEnumerable<ConformanceSession> Sessions => WriteSession == Session ? [Session] : [Session, WriteSession];

    /// <summary>The session a test of this tier runs on.</summary>
    public ConformanceSession For(Tier tier) => tier == Tier.ReadOnly ? Session : WriteSession;

    /// <summary>Finds the identifiers the catalogue's requests need, on each session, <paramref name="concurrency"/> requests at a time.</summary>
    public async Task PrimeAsync(int concurrency)
    {
        foreach (var session in Sessions)
        {
            await session.Discovery.PrimeAsync(session.Catalogue.AllRequestValues(), concurrency);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var session in Sessions)
        {
            session.Dispose();
        }

        foreach (var started in Started)
        {
            await started.DisposeAsync();
        }
    }
}
