using Conformance.ReferenceServer.Hosting;
using NUnit.Framework;
using NUnit.Framework.Internal;

namespace Conformance.Tests;

/// <summary>
/// Resolves the target once per run: the configured instance, or the embedded reference server when
/// no URL is set; then the preflight. Runs before every test in this assembly.
/// </summary>
[SetUpFixture]
public sealed class SuiteSetup
{
    private readonly List<ReferenceServerHost> _embedded = [];

    [OneTimeSetUp]
    public async Task ResolveTargetAsync()
    {
        var source = new SettingsSource(name => TestContext.Parameters.Get(name), Environment.GetEnvironmentVariable);
        var schemas = new SchemaRegistry(Suite.FromOutput("schemas"));
        var compiling = schemas.CompileAsync(Suite.Catalogue.SchemaPaths());
        var run = new RunContext();
        var deviations = KnownDeviations.Load(Suite.FromOutput("fixtures", "known-deviations"));
        try
        {
            if (TargetSettings.WantsEmbedded(source))
            {
                Suite.Session = await StartEmbeddedAsync(source, schemas, run, deviations);
                Suite.WriteSession = await StartEmbeddedAsync(source, schemas, run, deviations);
            }
            else
            {
                Suite.Session = Suite.WriteSession = new ConformanceSession(TargetSettings.FromSource(source), Suite.Catalogue, schemas, new NoArranger(), run, deviations);
            }

            if (Suite.Session.Settings.DryRun)
            {
                // A dry run sends nothing, not even the preflight.
                TestContext.Progress.WriteLine("DRY RUN: no request is sent; the plan is listed per test and written at the end.");
                return;
            }

            Suite.PreflightFailure = await PreflightCheck.RunAsync(Suite.Session);
            if (Suite.PreflightFailure is null && Suite.WriteSession != Suite.Session)
            {
                Suite.PreflightFailure = await PreflightCheck.RunAsync(Suite.WriteSession);
            }

            if (Suite.PreflightFailure is null)
            {
                await Suite.Session.Discovery.PrimeAsync(Suite.Catalogue.AllRequestValues(), Concurrency);
                if (Suite.WriteSession != Suite.Session)
                {
                    await Suite.WriteSession.Discovery.PrimeAsync(Suite.Catalogue.AllRequestValues(), Concurrency);
                }
            }

            if (Suite.PreflightFailure is null)
            {
                await SendReadOnlyExchangesAheadAsync();
                if (Suite.WriteSession.Settings.IsEmbedded || Suite.WriteSession.Settings.AllowWrites)
                {
                    await Suite.WriteSession.Scratch.CaptureBaselineAsync();
                }
            }

            // Compiled while the run waited on the network; the tests judge with the schemas, the requests sent ahead did not need them.
            await compiling;
        }
        catch (ConfigurationException e)
        {
            Suite.PreflightFailure = "The configuration cannot be used; no test was run.\n" + e.Message;
        }

        TestContext.Progress.WriteLine(Suite.PreflightFailure ?? TargetSummary.Describe(Suite.Session!));
    }

    private static async Task SendReadOnlyExchangesAheadAsync()
    {
        if (SelectedTests.UnderCurrentSuite() is not { } selected)
        {
            TestContext.Progress.WriteLine("Read-only exchanges: not sent ahead (NUnit's selection of tests could not be read); each test sends its own.");
            return;
        }

        var watch = System.Diagnostics.Stopwatch.StartNew();
        var sent = await SentAhead.SendAsync(selected, Concurrency);
        TestContext.Progress.WriteLine($"Read-only exchanges: {sent} tests' requests sent ahead, {Concurrency} at a time, in {watch.Elapsed.TotalSeconds:0.0} s.");
    }

    /// <summary>As many requests at a time as NUnit runs tests at a time (NumberOfTestWorkers).</summary>
    private static int Concurrency => Math.Max(1, TestExecutionContext.CurrentContext.Dispatcher?.LevelOfParallelism ?? 1);

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (Suite.Session is { } session)
        {
            bool? transferSourceUnchanged = null;
            if (Suite.WriteSession is { } writes && Suite.PreflightFailure is null && !writes.Settings.DryRun)
            {
                await writes.Ledger.CleanUpAsync(writes);
                transferSourceUnchanged = await writes.Scratch.TransferSourceUnchangedAsync();
            }

            RunReport.Write(session, Suite.WriteSession, transferSourceUnchanged);
            StatementReport.Write(session);
        }

        Suite.Session?.Dispose();
        if (Suite.WriteSession != Suite.Session)
        {
            Suite.WriteSession?.Dispose();
        }

        foreach (var host in _embedded)
        {
            await host.DisposeAsync();
        }
    }

    private async Task<ConformanceSession> StartEmbeddedAsync(SettingsSource source, SchemaRegistry schemas, RunContext run, KnownDeviations deviations)
    {
        var (host, settings) = await EmbeddedTarget.StartAsync(source);
        _embedded.Add(host);
        return new ConformanceSession(settings, Suite.Catalogue, schemas, new EmbeddedArranger(host), run, deviations);
    }
}
