namespace Conformance.Framework.Cases;

/// <summary>
/// Anything the suite runs against a target: a catalogue case, a hostile-input probe, a workflow, a
/// page walk, an exposure check. It says what it is (the gates read that) and prepares its request;
/// the <see cref="Executor"/> decides whether it may run and sends it.
/// </summary>
public interface ISuiteCase
{
    /// <summary>Readable and unique among its kind; inconclusive messages name it.</summary>
    string Name { get; }

    Tier Tier { get; }

    /// <summary>The services it needs, each configured; the first is the one it is about.</summary>
    IReadOnlyList<ServiceKind> Services { get; }

    /// <summary>The catalogue endpoint it exercises (the version gate reads its range), or null for what spans endpoints.</summary>
    Endpoint? Endpoint { get; }

    /// <summary>Sends hostile input: a write endpoint then also needs AllowHostileWrites.</summary>
    bool Hostile { get; }

    /// <summary>Presents wrong credentials, so it spends the bad-credential budget.</summary>
    bool PresentsWrongCredentials { get; }

    /// <summary>What it changes beyond the run's own objects, or null: then it also needs AllowBulkChanges.</summary>
    string? ChangesAll => Endpoint?.ChangesAll;

    /// <summary>
    /// Builds what it would send (arranging on the target where its request needs it, so only after
    /// the tier gates), or says why it cannot (<see cref="Prepared.Cannot"/>, or an
    /// <see cref="UnresolvableException"/>: inconclusive either way).
    /// </summary>
    Task<Prepared> PrepareAsync(ConformanceSession session, CancellationToken cancellationToken);
}

/// <summary>A case ready to send, or why it cannot be.</summary>
public sealed record Prepared
{
    private Prepared()
    {
    }

    /// <summary>Why it cannot run on this target (a precondition it cannot meet); null when ready.</summary>
    public string? CannotRun { get; private init; }

    /// <summary>What a dry run lists ("GET http://host/api/...  [read-only, auth Header]"); null when nothing is sent.</summary>
    public string? DryRunLine { get; private init; }

    /// <summary>Sends (and records writes with the session), leaving the judging to the returned judgement.</summary>
    public Func<string, CancellationToken, Task<Judgement>> SendAsync { get; private init; } = (_, _) => throw new InvalidOperationException("not prepared");

    public static Prepared Ready(string? dryRunLine, Func<string, CancellationToken, Task<Judgement>> send) => new() { DryRunLine = dryRunLine, SendAsync = send };

    public static Prepared Cannot(string reason) => new() { CannotRun = reason };
}
