using Conformance.ReferenceServer.Hosting;
using Conformance.SelfTests.Safety;
using FluentAssertions;
using NUnit.Framework;

namespace Conformance.SelfTests.Coverage;

/// <summary>
/// A user who points the suite at a sandbox with every tier allowed gets every endpoint tested:
/// against the reference server started as a configured target (not embedded, so every
/// precondition is made through the services' APIs), every auth-matrix case of docs/coverage.md
/// reaches the server, as its own request log shows (the test name each request carries).
/// </summary>
[TestFixture]
[Category("end-to-end")]
[NonParallelizable]
public sealed class EveryEndpointExercisedTests
{
    [Test]
    public async Task Every_auth_matrix_case_reaches_a_configured_reference_server_with_every_tier_allowed()
    {
        await using var host = await ReferenceServerHost.StartAsync(new ReferenceServerOptions { ApiKey = "selftest-key-coverage-0123" });
        var environment = new Dictionary<string, string>(SafetyTests.EveryTier(host)) { ["ALLOW_BULK_CHANGES"] = "true" };

        var (exitCode, output) = await SuiteProcess.RunAsync(environment, arguments: ["--filter", "Name~Answers_per_contract"], timeout: TimeSpan.FromMinutes(12));

        exitCode.Should().Be(0, output);
        // A case's own request carries its test name; discovery, arrangements and preflight carry theirs.
        const string Test = "Answers_per_contract(";
        var sent = host.Received.Requests.Select(r => r.TestName).OfType<string>()
            .Where(name => name.Contains(Test, StringComparison.Ordinal))
            .Select(name => name[name.IndexOf(Test, StringComparison.Ordinal)..])
            .ToHashSet(StringComparer.Ordinal);
        var matrix = CaseFactory.All(ReferenceTarget.Catalogue).Where(c => c.Kind == CaseKind.Auth).Select(c => $"Answers_per_contract({c.Name})").ToList();
        matrix.Should().HaveCount(1749, "docs/coverage.md counts 1,749 auth-matrix cases (94 endpoints, the Storage Service's under v1 and v2)");
        matrix.Where(name => !sent.Contains(name)).Should().BeEmpty("every endpoint is exercised under every auth mode it is tested with");
    }
}
