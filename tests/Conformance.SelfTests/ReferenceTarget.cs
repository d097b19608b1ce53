using Conformance.ReferenceServer.Hosting;

namespace Conformance.SelfTests;

/// <summary>An in-process reference server (optionally with faults) and a suite session pointed at it, built by the suite's <see cref="TargetFactory"/>.</summary>
internal sealed class ReferenceTarget : IAsyncDisposable
{
    private static readonly Lazy<EndpointCatalogue> SharedCatalogue = new(() => EndpointCatalogue.Load(Paths.Catalogue));
    private static readonly SchemaRegistry SharedSchemas = new(Paths.Schemas);

    private readonly Target _target;

    private ReferenceTarget(ReferenceServerHost host, Target target)
    {
        Host = host;
        _target = target;
    }

    public ReferenceServerHost Host { get; }

    public ConformanceSession Session => _target.Session;

    public static EndpointCatalogue Catalogue => SharedCatalogue.Value;

    /// <summary>The schemas, compiled once for all self-tests, as the suite compiles them once per run.</summary>
    public static SchemaRegistry Schemas => SharedSchemas;

    /// <param name="timeout">The suite's per-request timeout (default 10 s).</param>
    public static async Task<ReferenceTarget> StartAsync(FaultPlan? faults = null, ReferenceServerOptions? options = null, KnownDeviations? knownDeviations = null, TimeSpan? timeout = null)
    {
        var host = await ReferenceServerHost.StartAsync((options ?? new ReferenceServerOptions { ApiKey = "selftest-key-0123456789" }) with { Faults = faults ?? FaultPlan.None });
        var settings = new TargetSettings
        {
            RequestTimeout = timeout ?? TimeSpan.FromSeconds(10),
            PollInterval = TimeSpan.Zero, // the reference server moves units on at each status read
        };
        var target = await new TargetFactory(Catalogue, SharedSchemas, knownDeviations).ReferenceServerAsync(host, settings);
        if (target.PreflightFailure is { } preflight)
        {
            await target.DisposeAsync();
            throw new InvalidOperationException("The reference server failed its own preflight:\n" + preflight);
        }

        return new ReferenceTarget(host, target);
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
        new Executor(Session).RunAsync(testCase, "self-test: " + testCase.Name);

    public async ValueTask DisposeAsync()
    {
        await _target.DisposeAsync();
    }
}
