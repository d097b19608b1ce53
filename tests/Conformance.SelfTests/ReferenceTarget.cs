using Conformance.ReferenceServer.Hosting;
using Conformance.Tests;

namespace Conformance.SelfTests;

/// <summary>An in-process reference server (optionally with faults) and a suite session pointed at it, as the suite itself would build it.</summary>
internal sealed class ReferenceTarget : IAsyncDisposable
{
    private static readonly Lazy<EndpointCatalogue> SharedCatalogue = new(() => EndpointCatalogue.Load(Paths.Catalogue));
    private static readonly SchemaRegistry SharedSchemas = new(Paths.Schemas);

    private ReferenceTarget(ReferenceServerHost host, ConformanceSession session)
    {
        Host = host;
        Session = session;
    }

    public ReferenceServerHost Host { get; }

    public ConformanceSession Session { get; }

    public static EndpointCatalogue Catalogue => SharedCatalogue.Value;

    /// <summary>The schemas, compiled once for all self-tests, as the suite compiles them once per run.</summary>
    public static SchemaRegistry Schemas => SharedSchemas;

    /// <param name="timeout">The suite's per-request timeout (default 10 s).</param>
    public static async Task<ReferenceTarget> StartAsync(FaultPlan? faults = null, ReferenceServerOptions? options = null, KnownDeviations? knownDeviations = null, TimeSpan? timeout = null)
    {
        var host = await ReferenceServerHost.StartAsync((options ?? new ReferenceServerOptions { ApiKey = "selftest-key-0123456789" }) with { Faults = faults ?? FaultPlan.None });
        var settings = new TargetSettings
        {
            IsEmbedded = true,
            Archivematica = EmbeddedTarget.DashboardEndpoint(host),
            Storage = EmbeddedTarget.StorageEndpoint(host),
            StorageServiceVersion = host.Options.StorageServiceVersion,
            Placeholders = EmbeddedTarget.ReferencePlaceholders,
            RequestTimeout = timeout ?? TimeSpan.FromSeconds(10),
            PollInterval = TimeSpan.Zero, // the reference server moves units on at each status read
        };
        var session = new ConformanceSession(settings, Catalogue, SharedSchemas, new EmbeddedArranger(host), knownDeviations: knownDeviations);
        var preflight = await PreflightCheck.RunAsync(session);
        if (preflight is not null)
        {
            await host.DisposeAsync();
            throw new InvalidOperationException("The reference server failed its own preflight:\n" + preflight);
        }

        return new ReferenceTarget(host, session);
    }

    /// <summary>Runs the named case the way the suite does; <paramref name="caseName"/> is the name shown in test results, e.g. "am.transfer.completed, Header".</summary>
    public Task<Verdict> RunAsync(string caseName)
    {
        var testCase = CaseFactory.All(Catalogue).SingleOrDefault(c => c.Name == caseName)
            ?? throw new ArgumentException($"No case named '{caseName}'.");
        return RunAsync(testCase);
    }

    /// <summary>Runs a case the way the suite does.</summary>
    public Task<Verdict> RunAsync(ConformanceCase testCase) =>
        new CaseRunner(Session).RunAsync(testCase, "self-test: " + testCase.Name);

    public async ValueTask DisposeAsync()
    {
        Session.Dispose();
        await Host.DisposeAsync();
    }
}
