namespace Conformance.Framework.Cases;

/// <summary>
/// Runs every kind of case (<see cref="ISuiteCase"/>) the same way: the gates in one order
/// (<see cref="Gates"/>), then the request is prepared, then the dry run and the bad-credential
/// budget, then the send; judging is left to the returned judgement, so read-only exchanges can be
/// sent ahead and judged later. Every "not run" the suite reports comes from here.
/// </summary>
public sealed class Executor(Func<Tier, ConformanceSession?> sessionFor, string notUsable)
{
    /// <summary>An executor on one session that passed preflight (self-tests, the benchmark).</summary>
    public Executor(ConformanceSession session)
        : this(_ => session, "")
    {
    }

    public async Task<Verdict> RunAsync(ISuiteCase c, string testName, CancellationToken cancellationToken = default) =>
        await (await SendAsync(c, testName, cancellationToken))();

    public async Task<Judgement> SendAsync(ISuiteCase c, string testName, CancellationToken cancellationToken = default)
    {
        // 1. preflight: the target is usable at all.
        if (sessionFor(c.Tier) is not { } session)
        {
            return Judgements.NotRun(NotRunKind.Ignored, notUsable);
        }

        // 2-5. service configured, version, tier and opt-ins, halt.
        if (Gates.BeforeRequest(session, c) is { } notRun)
        {
            return Judgements.NotRun(NotRunKind.Ignored, notRun);
        }

        Prepared prepared;
        try
        {
            prepared = await c.PrepareAsync(session, cancellationToken);
        }
        catch (UnresolvableException e)
        {
            return Judgements.NotRun(NotRunKind.Inconclusive, $"{c.Name} could not be exercised: {e.Message}");
        }

        if (prepared.CannotRun is { } cannot)
        {
            return Judgements.NotRun(NotRunKind.Inconclusive, cannot);
        }

        // 6. dry run: list what would be sent, send nothing.
        if (session.Settings.DryRun && prepared.DryRunLine is { } line)
        {
            session.DryRunPlan.Enqueue($"{line}  {testName}");
            return Judgements.NotRun(NotRunKind.Ignored, $"DRY RUN: would send {line}  {testName}");
        }

        // 7. bad-credential budget: taken last, so only what is really sent spends it.
        if (Gates.BadCredentialBudget(session, c) is { } spent)
        {
            return Judgements.NotRun(NotRunKind.Ignored, spent);
        }

        return await prepared.SendAsync(testName, cancellationToken);
    }
}
