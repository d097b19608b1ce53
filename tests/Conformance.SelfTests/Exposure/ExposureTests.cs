using FluentAssertions;
using Microsoft.AspNetCore.Http;
using NUnit.Framework;

namespace Conformance.SelfTests.Exposure;

/// <summary>Over the wire, the exposure checks catch a target that names its versions and reflects origins (each check's own cases: Checks/ExposureAdvisoryTests).</summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class ExposureTests
{
    [Test]
    public async Task A_live_target_that_names_its_versions_and_reflects_origins_is_caught_over_the_wire()
    {
        await using var stub = await StubServer.StartAsync(async context =>
        {
            context.Response.Headers["Server"] = "nginx/1.18.0";
            if (context.Request.Headers.Origin.FirstOrDefault() is { } origin)
            {
                context.Response.Headers["Access-Control-Allow-Origin"] = origin;
                context.Response.Headers["Access-Control-Allow-Credentials"] = "true";
            }

            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("{\"results\": []}");
        });
        using var client = new ServiceClient(new ServiceEndpoint(ServiceKind.Archivematica, stub.Url, new Credentials("test", "exposure-key-0123")), TimeSpan.FromSeconds(5));

        var plain = await client.SendAsync(ExposureChecks.ProbePlan(ServiceKind.Archivematica), AuthMode.Header, "self-test");
        ServerHeaderNamesNoVersion.Check(plain).Message.Should().Contain("nginx/1.18.0");
        var cors = await client.SendAsync(ExposureChecks.ProbePlan(ServiceKind.Archivematica, new KeyValuePair<string, string>("Origin", ExposureChecks.ForeignOrigin)), AuthMode.Header, "self-test");
        CorsRefusesForeignCredentials.Check(cors, ExposureChecks.ForeignOrigin).Message.Should().Contain("any web site");
    }
}
