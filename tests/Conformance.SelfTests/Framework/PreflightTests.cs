using FluentAssertions;
using Microsoft.AspNetCore.Http;
using NUnit.Framework;

namespace Conformance.SelfTests.Framework;

/// <summary>Preflight stops a run with one clear message for each way a target can be unusable.</summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class PreflightTests
{
    private static async Task<string?> PreflightAsync(Uri dashboardUrl, string apiKey = "selftest-key-0123456789")
    {
        var settings = new TargetSettings
        {
            Archivematica = new ServiceEndpoint(ServiceKind.Archivematica, dashboardUrl, new Credentials("test", apiKey)),
            RequestTimeout = TimeSpan.FromSeconds(5),
        };
        await using var target = await new TargetFactory(ReferenceTarget.Catalogue, ReferenceTarget.Schemas).ConfiguredAsync(settings);
        return target.PreflightFailure;
    }

    [Test]
    public async Task Passes_on_the_reference_server_and_reads_its_version()
    {
        await using var target = await ReferenceTarget.StartAsync();
        target.Session.Version(ServiceKind.Archivematica).Should().Be("1.13.2");
    }

    [Test]
    public async Task Names_the_url_setting_when_nothing_listens()
    {
        var message = await PreflightAsync(StubServer.DeadUrl());
        message.Should().Contain("could not be reached").And.Contain("ARCHIVEMATICA_URL");
    }

    [Test]
    public async Task Names_the_credential_settings_when_the_key_is_wrong_and_never_shows_the_key()
    {
        await using var target = await ReferenceTarget.StartAsync();
        var message = await PreflightAsync(target.Host.ArchivematicaUrl, apiKey: "wrong-key-4242424242");
        message.Should().Contain("credentials were rejected").And.Contain("ARCHIVEMATICA_API_KEY").And.NotContain("wrong-key-4242424242");
    }

    [Test]
    public async Task Says_the_target_is_not_archivematica_when_it_answers_like_a_web_page()
    {
        await using var stub = await StubServer.StartAsync(context =>
        {
            context.Response.ContentType = "text/html";
            return context.Response.WriteAsync("<html>Welcome</html>");
        });
        var message = await PreflightAsync(stub.Url);
        message.Should().Contain("does not look like an Archivematica dashboard");
    }
}
