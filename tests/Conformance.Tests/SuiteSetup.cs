using NUnit.Framework;
using NUnit.Framework.Internal;

namespace Conformance.Tests;

/// <summary>
/// Resolves the target once per run (<see cref="TargetFactory"/>: the configured instance, or the
/// embedded reference server when no URL is set, then the preflight). Runs before every test in this assembly.
/// </summary>
[SetUpFixture]
public sealed class SuiteSetup
{
    [OneTimeSetUp]
    public async Task ResolveTargetAsync()
    {
        var source = new SettingsSource(name => TestContext.Parameters.Get(name), Environment.GetEnvironmentVariable);
        var schemas = new SchemaRegistry(Suite.FromOutput("schemas"));
        // Compiled meanwhile, while preflight and discovery wait on the network and while the read-only
        // exchanges go out; a check waits for the schema it uses. CompileAsync never throws.
        _ = schemas.CompileAsync(Suite.Catalogue.SchemaPaths());
        var deviations = KnownDeviations.Load(Suite.FromOutput("fixtures", "known-deviations"));
        Target target;
        try
        {
            target = await new TargetFactory(Suite.Catalogue, schemas, deviations).FromSettingsAsync(source);
        }
        catch (ConfigurationException e)
        {
            Suite.Resolve(SuiteTarget.Unusable("The configuration cannot be used; no test was run.\n" + e.Message));
            TestContext.Progress.WriteLine(Suite.Target.NotUsable);
            return;
        }

        Suite.Resolve(new SuiteTarget(target));
        if (target.Settings.DryRun)
        {
            TestContext.Progress.WriteLine("DRY RUN: no request is sent; the plan is listed per test and written at the end.");
            return;
        }

        if (target.PreflightFailure is null)
        {
            await target.PrimeAsync(Concurrency);
            // Sent when the run's selection is learnt, as the first test after this set-up is picked (see SentAhead).
            SentAhead.Arm(TestExecutionContext.CurrentContext.CurrentTest, Concurrency);
            if (target.WriteSession.Settings.IsEmbedded || target.WriteSession.Settings.AllowWrites)
            {
                await target.WriteSession.Scratch.CaptureBaselineAsync();
            }
        }

        if (target.PreflightFailure is null && SnapshotRecorder.Start(source, target.Session) is { } snapshots)
        {
            TestContext.Progress.WriteLine($"Record mode: one snapshot per answered test into {snapshots}.");
        }

        TestContext.Progress.WriteLine(target.PreflightFailure ?? TargetSummary.Describe(target.Session));
    }

    /// <summary>As many requests at a time as NUnit runs tests at a time (NumberOfTestWorkers).</summary>
    private static int Concurrency => Math.Max(1, TestExecutionContext.CurrentContext.Dispatcher?.LevelOfParallelism ?? 1);

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (SentAhead.End() is { } sentAhead)
        {
            TestContext.Progress.WriteLine(sentAhead);
        }

        if (Suite.Target.Target is not { } target)
        {
            return;
        }

        bool? transferSourceUnchanged = null;
        var writes = target.WriteSession;
        if (target.PreflightFailure is null && !writes.Settings.DryRun)
        {
            await writes.Ledger.CleanUpAsync(writes);
            transferSourceUnchanged = await writes.Scratch.TransferSourceUnchangedAsync();
        }

        RunReport.Write(target.Session, writes, transferSourceUnchanged);
        StatementReport.Write(target.Session);
        SnapshotRecorder.Finish();
        await target.DisposeAsync();
    }
}
