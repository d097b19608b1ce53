using NUnit.Framework;

namespace Conformance.Tests;

/// <summary>What every test shares: the catalogue (read when tests are discovered) and the target (resolved once by <see cref="SuiteSetup"/>).</summary>
internal static class Suite
{
    private static readonly SuiteTarget NotResolved = SuiteTarget.Unusable("the suite set-up did not run");
    private static SuiteTarget? _target;

    private static readonly Lazy<EndpointCatalogue> LazyCatalogue = new(() => EndpointCatalogue.Load(FromOutput("fixtures", "endpoints.json")));

    public static EndpointCatalogue Catalogue => LazyCatalogue.Value;

    /// <summary>The run's target; every test reports "not run" when it cannot be used, and the preflight test fails with why.</summary>
    public static SuiteTarget Target => _target ?? NotResolved;

    /// <summary>Set once, by <see cref="SuiteSetup"/>.</summary>
    public static void Resolve(SuiteTarget target)
    {
        if (Interlocked.CompareExchange(ref _target, target, null) is not null)
        {
            throw new InvalidOperationException("The target of a run is resolved once.");
        }
    }

    public const string PreflightFailedReason = "not run: the preflight check failed (see the test Target_is_reachable_and_accepts_the_credentials)";

    public static string FromOutput(params string[] parts) => Path.Combine([AppContext.BaseDirectory, .. parts]);

    /// <summary>Test cases for the catalogue cases that <paramref name="include"/> selects, named and categorised for filtering.</summary>
    public static IEnumerable<TestCaseData> TestCases(Func<ConformanceCase, bool> include) =>
        CaseFactory.All(Catalogue).Where(include).Select(c =>
        {
            var data = new TestCaseData(c).SetName($"{{m}}({c.Name})");
            foreach (var category in Categories.For(c))
            {
                data.SetCategory(category);
            }

            return data.SetProperty("Endpoint", c.Endpoint.Id).SetProperty("AuthMode", c.Mode.ToString());
        });

    /// <summary>Runs every kind of case on the run's target: its gates (the preflight first), then the send.</summary>
    public static Executor Executor => new(Target.SessionFor, PreflightFailedReason);

    public static async Task<Verdict> RunAsync(ISuiteCase c, string testName) => await Executor.RunAsync(c, testName);

    /// <summary>The case's exchange, not yet judged (see <see cref="SentAhead"/>).</summary>
    public static Task<Judgement> SendAsync(ISuiteCase c, string testName) => Executor.SendAsync(c, testName);
}

/// <summary>The run's target as the tests see it: usable, or why not (a configuration that cannot be read, a failed preflight).</summary>
internal sealed record SuiteTarget(Target? Target, string? ConfigurationFailure = null)
{
    public static SuiteTarget Unusable(string reason) => new(null, reason);

    /// <summary>Why no test may use the target; null when they may.</summary>
    public string? NotUsable => ConfigurationFailure ?? Target?.PreflightFailure;

    /// <summary>The session a test of this tier runs on; null when the target cannot be used.</summary>
    public ConformanceSession? SessionFor(Tier tier) => NotUsable is null ? Target?.For(tier) : null;
}
