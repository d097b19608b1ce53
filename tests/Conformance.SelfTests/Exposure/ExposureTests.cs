using FluentAssertions;
using Microsoft.AspNetCore.Http;
using NUnit.Framework;

namespace Conformance.SelfTests.Exposure;

/// <summary>Each exposure check warns on a target that exposes what it looks for, and stays quiet otherwise.</summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class ExposureTests
{
    private static Exchange Answer(int status = 200, params (string Name, string Value)[] headers) => new()
    {
        Service = "archivematica",
        AuthMode = AuthMode.Query,
        Method = "GET",
        Url = "http://am.example.org/api/transfer/completed?username=test&api_key=***",
        Status = status,
        ResponseHeaders = [.. headers.Select(h => new KeyValuePair<string, string>(h.Name, h.Value))],
    };

    [TestCase("http://am.example.org/", true)]
    [TestCase("http://10.0.0.5:8000/", true)]
    [TestCase("https://am.example.org/", false)]
    [TestCase("http://127.0.0.1:62080/", false)]
    [TestCase("http://localhost:8000/", false)]
    [TestCase("http://[::1]:8000/", false)]
    public void Plain_http_warns_only_off_loopback(string url, bool warns) =>
        (ExposureChecks.JudgePlainHttp(new Uri(url)) is not null).Should().Be(warns);

    [Test]
    public void A_query_key_accepted_over_exposed_plain_http_warns()
    {
        ExposureChecks.JudgeQueryKey(new Uri("http://am.example.org/"), Answer()).Should().Contain("api_key");
        ExposureChecks.JudgeQueryKey(new Uri("http://am.example.org/"), Answer(403)).Should().BeNull("a refused key is not accepted");
        ExposureChecks.JudgeQueryKey(new Uri("https://am.example.org/"), Answer()).Should().BeNull("over HTTPS the query is encrypted");
        ExposureChecks.JudgeQueryKey(new Uri("http://127.0.0.1:1/"), Answer()).Should().BeNull("loopback does not cross a network");
    }

    [TestCase("Server", "nginx/1.18.0 (Ubuntu)", true)]
    [TestCase("Server", "Apache/2.4.41", true)]
    [TestCase("X-Powered-By", "PHP/7.4.3", true)]
    [TestCase("Server", "nginx", false)]
    [TestCase("Server", "gunicorn", false)]
    public void A_server_header_with_a_version_warns(string header, string value, bool warns) =>
        (ExposureChecks.JudgeServerHeader(Answer(200, (header, value))) is not null).Should().Be(warns);

    [Test]
    public void Cors_that_lets_any_origin_send_credentials_warns()
    {
        var origin = ExposureChecks.ForeignOrigin;
        ExposureChecks.JudgeCors(Answer(200, ("Access-Control-Allow-Origin", origin), ("Access-Control-Allow-Credentials", "true")), origin).Should().NotBeNull("the origin is reflected");
        ExposureChecks.JudgeCors(Answer(200, ("Access-Control-Allow-Origin", "*"), ("Access-Control-Allow-Credentials", "true")), origin).Should().NotBeNull();
        ExposureChecks.JudgeCors(Answer(200, ("Access-Control-Allow-Origin", "*")), origin).Should().BeNull("without credentials a wildcard exposes only what is public");
        ExposureChecks.JudgeCors(Answer(200, ("Access-Control-Allow-Origin", "https://dashboard.example.org"), ("Access-Control-Allow-Credentials", "true")), origin).Should().BeNull("one trusted origin");
        ExposureChecks.JudgeCors(Answer(), origin).Should().BeNull();
    }

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
        ExposureChecks.JudgeServerHeader(plain).Should().Contain("nginx/1.18.0");
        var cors = await client.SendAsync(ExposureChecks.ProbePlan(ServiceKind.Archivematica, new KeyValuePair<string, string>("Origin", ExposureChecks.ForeignOrigin)), AuthMode.Header, "self-test");
        ExposureChecks.JudgeCors(cors, ExposureChecks.ForeignOrigin).Should().Contain("any web site");
    }
}
