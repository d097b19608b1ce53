using Conformance.ReferenceServer.Hosting;
using FluentAssertions;
using NUnit.Framework;

namespace Conformance.SelfTests.Safety;

/// <summary>
/// Proven from the server's side (its own request log): production settings send nothing that
/// writes, and a dry run sends nothing at all.
/// </summary>
[TestFixture]
[Category("end-to-end")]
public sealed class SafetyTests
{
    private static readonly HashSet<string> SafeMethods = new(StringComparer.OrdinalIgnoreCase) { "GET", "HEAD", "OPTIONS" };

    [Test]
    public async Task Production_settings_send_no_request_that_writes()
    {
        await using var target = await ReferenceTarget.StartAsync();
        var before = target.Host.Received.Requests.Count; // the self-test's own preflight
        // With the transfer source configured, as a sandbox user leaves it: nothing may copy or register it.
        var environment = new Dictionary<string, string>(Environment(target.Host))
        {
            ["TRANSFER_SOURCE_LOCATION"] = ReferenceData.TransferSourceLocationUuid,
            ["TRANSFER_SOURCE_PATH"] = ReferenceData.TransferSourcePath,
        };
        var (exitCode, output) = await SuiteProcess.RunAsync(environment, settingsFile: "runsettings/production.runsettings");

        exitCode.Should().Be(0, output);
        var requests = target.Host.Received.Requests.Skip(before).ToList();
        requests.Should().NotBeEmpty();
        var tiers = CaseFactory.All(ReferenceTarget.Catalogue).ToDictionary(c => c.Name, c => c.Tier);
        var fromWriteCases = requests.Where(r => TierOf(r.TestName, tiers) is { } tier && tier != Tier.ReadOnly).ToList();
        fromWriteCases.Should().BeEmpty("production settings allow only read-only cases");

        // Independent of the suite's labels: an unsafe method may only come without credentials
        // (a 405 probe, rejected before authentication) or go to a route the contract classes as
        // read-only (the validator POST, the compress PUT stub, SWORD PUT which needs a session).
        var readOnlyUnsafeRoutes = ReferenceTarget.Catalogue.Endpoints
            .Where(e => e.Tier == Tier.ReadOnly && !SafeMethods.Contains(e.Method))
            .Select(e => (e.Method, Route: new System.Text.RegularExpressions.Regex("^" + System.Text.RegularExpressions.Regex.Replace(e.Path, @"\{[^}]+\}", "[^/]+") + "(\\?|$)")))
            .ToList();
        var unsafeWithCredentials = requests
            .Where(r => !SafeMethods.Contains(r.Method) && (r.HasAuthorizationHeader || r.HasQueryCredentials))
            .Where(r => !readOnlyUnsafeRoutes.Any(route => route.Method == r.Method && route.Route.IsMatch(r.PathAndQuery)))
            .ToList();
        unsafeWithCredentials.Should().BeEmpty();
        requests.Where(r => r.HasAuthorizationHeader || r.HasQueryCredentials)
            .Should().NotContain(r => r.PathAndQuery.Contains("/check_fixity/", StringComparison.Ordinal) || r.PathAndQuery.Contains("/send_callback/", StringComparison.Ordinal)
                || r.PathAndQuery.Contains("/fetch_levels/", StringComparison.Ordinal), "GETs with side effects are not read-only");
    }

    [Test]
    public async Task Sandbox_settings_send_no_hostile_probe_to_a_write_endpoint()
    {
        await using var target = await ReferenceTarget.StartAsync();
        var before = target.Host.Received.Requests.Count; // the self-test's own preflight
        var (exitCode, output) = await SuiteProcess.RunAsync(Environment(target.Host), filter: "TestCategory=hostile-input", settingsFile: "runsettings/sandbox.runsettings");

        exitCode.Should().Be(0, output);
        var requests = target.Host.Received.Requests.Skip(before).ToList();
        requests.Should().Contain(r => r.TestName != null && r.TestName.Contains("ReadOnlyHostileInputs", StringComparison.Ordinal), "read-only probes run");
        requests.Where(r => r.TestName != null && r.TestName.Contains("WriteHostileInputs", StringComparison.Ordinal))
            .Should().BeEmpty("AllowWrites alone sends no hostile probe to a write endpoint: that takes AllowHostileWrites");
    }

    [Test]
    public async Task A_dry_run_sends_nothing_and_lists_the_requests()
    {
        await using var target = await ReferenceTarget.StartAsync();
        var before = target.Host.Received.Requests.Count; // the self-test's own preflight
        var environment = new Dictionary<string, string>(Environment(target.Host)) { ["DRY_RUN"] = "true" };
        var started = DateTime.UtcNow;
        var (exitCode, output) = await SuiteProcess.RunAsync(environment, filter: "Name~am.transfer.status");

        exitCode.Should().Be(0, output);
        target.Host.Received.Requests.Skip(before).Should().BeEmpty("a dry run sends no request, not even the preflight");
        var plan = new DirectoryInfo(Path.Combine(Paths.Root, "TestResults")).EnumerateFiles("dry-run-*.txt")
            .Where(f => f.LastWriteTimeUtc >= started).OrderByDescending(f => f.LastWriteTimeUtc).FirstOrDefault();
        plan.Should().NotBeNull("the dry run writes its plan to TestResults/dry-run-<run id>.txt");
        var lines = File.ReadAllLines(plan!.FullName);
        plan.Delete();
        lines.Should().Contain(l => l.StartsWith("GET http://127.0.0.1", StringComparison.Ordinal) && l.Contains("/api/transfer/status/", StringComparison.Ordinal) && l.Contains("[read-only, auth Header]", StringComparison.Ordinal));
        lines.Should().NotContain(l => l.Contains(target.Host.Options.ApiKey, StringComparison.Ordinal));
    }

    /// <summary>A sandbox user's settings: every tier and opt-in but bulk changes allowed, the reference data configured, no pause between polls.</summary>
    public static Dictionary<string, string> EveryTier(ReferenceServerHost host) => new(Environment(host))
    {
        ["ALLOW_WRITES"] = "true",
        ["ALLOW_DESTRUCTIVE"] = "true",
        ["ALLOW_HOSTILE_WRITES"] = "true",
        ["TRANSFER_SOURCE_LOCATION"] = ReferenceData.TransferSourceLocationUuid,
        ["TRANSFER_SOURCE_PATH"] = ReferenceData.TransferSourcePath,
        ["ARRANGE_PATH"] = ReferenceData.ArrangePath,
        ["POLL_INTERVAL_SECONDS"] = "0",
    };

    public static Dictionary<string, string> Environment(ReferenceServerHost host) => new()
    {
        ["ARCHIVEMATICA_URL"] = host.ArchivematicaUrl.ToString(),
        ["ARCHIVEMATICA_USER"] = host.Options.User,
        ["ARCHIVEMATICA_API_KEY"] = host.Options.ApiKey,
        ["STORAGE_SERVICE_URL"] = host.StorageServiceUrl.ToString(),
        ["STORAGE_SERVICE_USER"] = host.Options.User,
        ["STORAGE_SERVICE_API_KEY"] = host.Options.ApiKey,
        ["STORAGE_SERVICE_PASSWORD"] = host.Options.Password,
        ["STORAGE_SERVICE_VERSION"] = host.Options.StorageServiceVersion,
    };

    // "Conformance.Tests.ReadOnlyEndpoints.Answers_per_contract(am.transfer.status, Header)" → the case's tier.
    private static Tier? TierOf(string? testName, IReadOnlyDictionary<string, Tier> tiers)
    {
        var open = testName?.IndexOf('(', StringComparison.Ordinal) ?? -1;
        return open < 0 ? null : tiers.TryGetValue(testName![(open + 1)..^1], out var tier) ? tier : null;
    }
}
