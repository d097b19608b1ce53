using Conformance.ReferenceServer.Hosting;
using FluentAssertions;
using NUnit.Framework;

namespace Conformance.SelfTests.Versions;

/// <summary>
/// Without StorageServiceVersion the preflight detects the Storage Service's release from what it
/// serves (README, "Versions"): shown against the reference server emulating each release, as a
/// configured target would be reached. The setting, when given, wins.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class StorageReleaseDetectionTests
{
    [TestCase("0.19.0", "0.19.0")]
    [TestCase("0.20.1", "0.20.0")]
    [TestCase("0.21.0", "0.21.0")]
    [TestCase("0.21.1", "0.21.0")]
    [TestCase("0.23.0", "0.21.0")]
    public async Task The_release_is_detected_when_not_set(string emulated, string expected)
    {
        await using var session = await ConfiguredSessionAsync(emulated, detect: true);

        session.Session.Version(Conformance.Framework.Configuration.ServiceKind.Storage).Should().Be(expected);
        session.Session.StorageRelease.Basis.Should().StartWith("detected: ").And.Contain("staging_path").And.Contain("not-a-uuid");
    }

    [Test]
    public async Task A_release_that_cannot_be_told_apart_is_said_so()
    {
        await using var session = await ConfiguredSessionAsync("0.22.0", detect: true);

        session.Session.StorageRelease.Basis.Should().Contain("0.21.0 to 0.23").And.Contain("expecting 0.21.0");
    }

    [Test]
    public async Task The_setting_overrides_detection()
    {
        await using var session = await ConfiguredSessionAsync("0.21.1", detect: false, configured: "0.19.0");

        session.Session.Version(Conformance.Framework.Configuration.ServiceKind.Storage).Should().Be("0.19.0");
        session.Session.StorageRelease.Basis.Should().Be("set by StorageServiceVersion");
    }

    [TestCase(null, 404)]
    [TestCase(true, null)]
    [TestCase(false, 400)]
    [TestCase(true, 500)]
    public void Answers_that_match_no_release_fall_back_to_the_default_and_say_so(bool? stagingPath, int? malformedUuid)
    {
        var release = StorageRelease.Decide(stagingPath, malformedUuid);

        release.Version.Should().Be(StorageRelease.Fallback);
        release.Basis.Should().Contain("undecided").And.Contain("set StorageServiceVersion");
    }

    private static async Task<Detected> ConfiguredSessionAsync(string emulated, bool detect, string configured = "0.19.0")
    {
        var host = await ReferenceServerHost.StartAsync(new ReferenceServerOptions { ApiKey = "release-detection-key-0123456789", StorageServiceVersion = emulated });
        var settings = TargetFactory.OnReferenceServer(new TargetSettings { RequestTimeout = TimeSpan.FromSeconds(10) }, host, embedded: false) with
        {
            StorageServiceVersion = configured,
            DetectStorageServiceVersion = detect,
        };
        var target = await new TargetFactory(ReferenceTarget.Catalogue, ReferenceTarget.Schemas).ConfiguredAsync(settings);
        target.PreflightFailure.Should().BeNull();
        return new Detected(host, target);
    }

    private sealed record Detected(ReferenceServerHost Host, Target Target) : IAsyncDisposable
    {
        public ConformanceSession Session => Target.Session;

        public async ValueTask DisposeAsync()
        {
            await Target.DisposeAsync();
            await Host.DisposeAsync();
        }
    }
}
