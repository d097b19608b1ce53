using NUnit.Framework;

namespace Conformance.Tests;

/// <summary>What every test shares: the catalogue (read when tests are discovered) and the session (built by <see cref="SuiteSetup"/>).</summary>
internal static class Suite
{
    private static readonly Lazy<EndpointCatalogue> LazyCatalogue = new(() => EndpointCatalogue.Load(FromOutput("fixtures", "endpoints.json")));

    public static EndpointCatalogue Catalogue => LazyCatalogue.Value;

    public static ConformanceSession? Session { get; set; }

    /// <summary>
    /// The session write tests use. On the embedded server it is a second, separate instance, so a
    /// bulk hide or an async-list wipe never changes what the parallel read-only tests see. On a
    /// configured target it is <see cref="Session"/>.
    /// </summary>
    public static ConformanceSession? WriteSession { get; set; }

    /// <summary>Set when the target could not be used; every test then reports "not run" and the preflight test fails with this.</summary>
    public static string? PreflightFailure { get; set; }

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

    public static async Task<Verdict> RunAsync(ConformanceCase c, string testName) => await (await SendAsync(c, testName))();

    /// <summary>The case's exchange, not yet judged (see <see cref="SentAhead"/>).</summary>
    public static async Task<Judgement> SendAsync(ConformanceCase c, string testName)
    {
        var session = c.Tier == Tier.ReadOnly ? Session : WriteSession;
        if (PreflightFailure is not null || session is null)
        {
            return Judgements.NotRun(NotRunKind.Ignored, PreflightFailedReason);
        }

        return await new CaseRunner(session).SendAsync(c, testName);
    }
}
