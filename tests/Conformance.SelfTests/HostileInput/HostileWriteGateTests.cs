using Conformance.ReferenceServer.Hosting;
using FluentAssertions;
using NUnit.Framework;

namespace Conformance.SelfTests.HostileInput;

/// <summary>
/// Hostile probes of write endpoints are their own opt-in: a vulnerable server acts on what it
/// accepts, so AllowWrites alone must not send them to a configured target. The embedded server runs them.
/// And an accepted path probe says, in words an archivist can act on, what the server did.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class HostileWriteGateTests
{
    private const string WriteProbe = "ss.file.create@v2, hostile json origin_path: path-traversal";

    [Test]
    public async Task A_write_probe_is_not_sent_to_a_configured_target_with_AllowWrites_alone()
    {
        await using var host = await ReferenceServerHost.StartAsync(new ReferenceServerOptions { ApiKey = "selftest-key-0123456789" });
        using var session = await ConfiguredSessionAsync(host, allowHostileWrites: false);
        var verdict = await new Executor(session).RunAsync(Named(WriteProbe), "self-test: " + WriteProbe);
        verdict.NotRun.Should().Be(NotRunKind.Ignored);
        verdict.NotRunReason.Should().StartWith("not run: ").And.Contain($"{Settings.AllowHostileWrites.Name}=true ({Settings.AllowHostileWrites.EnvironmentVariable}=true)");
        verdict.Exchange.Should().BeNull("nothing was sent");
    }

    [Test]
    public async Task A_write_probe_is_sent_to_a_configured_target_with_AllowHostileWrites()
    {
        await using var host = await ReferenceServerHost.StartAsync(new ReferenceServerOptions { ApiKey = "selftest-key-0123456789" });
        using var session = await ConfiguredSessionAsync(host, allowHostileWrites: true);
        var verdict = await new Executor(session).RunAsync(Named(WriteProbe), "self-test: " + WriteProbe);
        verdict.NotRunReason.Should().BeNull();
        verdict.Exchange.Should().NotBeNull("the probe was sent");
    }

    [Test]
    public async Task A_write_probe_runs_on_the_embedded_server()
    {
        await using var target = await ReferenceTarget.StartAsync();
        target.Session.Settings.AllowHostileWrites.Should().BeFalse("the embedded server needs no setting");
        var verdict = await new Executor(target.Session).RunAsync(Named(WriteProbe), "self-test: " + WriteProbe);
        verdict.NotRunReason.Should().BeNull();
        verdict.Exchange.Should().NotBeNull("the probe was sent");
    }

    [Test]
    public void The_hostile_gate_names_every_setting_a_write_probe_still_needs()
    {
        var configured = new TargetSettings { AllowWrites = true };
        Gates.HostileTierGate(configured, Tier.ReadOnly).Should().BeNull("read-only probes run everywhere");
        Gates.HostileTierGate(configured with { AllowHostileWrites = true }, Tier.Mutating).Should().BeNull();
        Gates.HostileTierGate(configured with { AllowHostileWrites = true }, Tier.Destructive).Should().Contain("AllowDestructive=true").And.NotContain("AllowHostileWrites");
        Gates.HostileTierGate(new TargetSettings(), Tier.External).Should().Contain("AllowWrites=true (ALLOW_WRITES=true) and AllowHostileWrites=true (ALLOW_HOSTILE_WRITES=true)");
        Gates.HostileTierGate(new TargetSettings { IsEmbedded = true }, Tier.Destructive).Should().BeNull();
        Gates.TierGate(configured, Tier.Mutating).Should().BeNull("catalogue cases of write endpoints need AllowWrites only");
    }

    [Test]
    public void An_accepted_path_probe_says_the_server_accepted_a_path_outside_its_locations()
    {
        var accepted = new Exchange { Service = "storage", AuthMode = AuthMode.Header, Method = "POST", Url = "http://127.0.0.1:1/api/v2/file/", Status = 201, Reason = "Created", Body = "{\"uuid\": \"x\"}" };
        var failure = CaseVerifier.VerifyProbe(Named(WriteProbe), accepted, [], []).Should().ContainSingle(r => !r.Passed).Subject;
        failure.Requirement.Should().Be(Requirement.InputRefused);
        failure.Message.Should().StartWith("the server accepted a path outside its locations (201 Created): ");

        var sqlInjection = Named("ss.file.create@v2, hostile json origin_path: sql-injection");
        CaseVerifier.VerifyProbe(sqlInjection, accepted, [], []).Single(r => !r.Passed).Message
            .Should().Be("answered 201 Created: the bad input was accepted instead of refused with a 4xx", "other kinds keep their message");
    }

    private static HostileProbe Named(string name) =>
        ProbeFactory.All(ReferenceTarget.Catalogue, HostileInputCatalogue.Load(Path.Combine(Paths.Root, "fixtures", "hostile-inputs.json"))).Single(p => p.Name == name);

    /// <summary>A reference server as the suite sees a real instance: configured by URL, not embedded, writes allowed.</summary>
    private static async Task<ConformanceSession> ConfiguredSessionAsync(ReferenceServerHost host, bool allowHostileWrites)
    {
        var settings = TargetFactory.OnReferenceServer(new TargetSettings { RequestTimeout = TimeSpan.FromSeconds(10), AllowWrites = true, AllowHostileWrites = allowHostileWrites }, host, embedded: false);
        var target = await new TargetFactory(ReferenceTarget.Catalogue, ReferenceTarget.Schemas).ConfiguredAsync(settings);
        target.PreflightFailure.Should().BeNull("the reference server passes preflight");
        return target.Session;
    }
}
