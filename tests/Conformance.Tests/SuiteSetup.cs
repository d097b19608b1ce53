using Conformance.Framework.Cases;
using Conformance.Framework.Configuration;
using Conformance.Framework.Preflight;
using Conformance.Framework.Schemas;
using Conformance.ReferenceServer.Hosting;
using NUnit.Framework;

namespace Conformance.Tests;

/// <summary>
/// Resolves the target once per run: the configured instance, or the embedded reference server when
/// no URL is set; then the preflight. Runs before every test in this assembly.
/// </summary>
[SetUpFixture]
public sealed class SuiteSetup
{
    private ReferenceServerHost? _embedded;

    [OneTimeSetUp]
    public async Task ResolveTargetAsync()
    {
        var source = new SettingsSource(name => TestContext.Parameters.Get(name), Environment.GetEnvironmentVariable);
        try
        {
            TargetSettings settings;
            IArranger arranger = new NoArranger();
            if (TargetSettings.WantsEmbedded(source))
            {
                (_embedded, settings) = await EmbeddedTarget.StartAsync(source);
                arranger = new EmbeddedArranger(_embedded);
            }
            else
            {
                settings = TargetSettings.FromSource(source);
            }

            Suite.Session = new ConformanceSession(settings, Suite.Catalogue, new SchemaRegistry(Suite.FromOutput("schemas")), arranger);
            Suite.PreflightFailure = await PreflightCheck.RunAsync(Suite.Session);
            if (Suite.PreflightFailure is null)
            {
                await Suite.Session.Discovery.PrimeAsync(Suite.Catalogue.AllRequestValues());
            }
        }
        catch (ConfigurationException e)
        {
            Suite.PreflightFailure = "The configuration cannot be used; no test was run.\n" + e.Message;
        }

        TestContext.Progress.WriteLine(Suite.PreflightFailure ?? TargetSummary.Describe(Suite.Session!));
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        Suite.Session?.Dispose();
        if (_embedded is not null)
        {
            await _embedded.DisposeAsync();
        }
    }
}
