using Conformance.ReferenceServer.Hosting;
using FluentAssertions;
using NUnit.Framework;

namespace Conformance.SelfTests.Framework;

/// <summary>The reference server stays out of the way of the run that tests it.</summary>
[TestFixture]
public sealed class ReferenceServerHostTests
{
    [Test]
    public async Task Watches_no_configuration_file()
    {
        // A reloadable configuration file means a watcher on the content root; with the working
        // directory as content root that was the whole repository, and every report file a run
        // wrote cost the server CPU time in the middle of the requests being measured.
        await using var host = await ReferenceServerHost.StartAsync(new ReferenceServerOptions { ApiKey = "selftest-key-0123456789" });

        host.WatchedConfigurationFiles.Should().BeEmpty();
    }
}
