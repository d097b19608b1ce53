using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Conformance.ReferenceServer.Hosting;
using FluentAssertions;
using NUnit.Framework;

namespace Conformance.SelfTests.ReferenceServer;

/// <summary>
/// Hostile dashboard input as the real Archivematica 1.15.1 under gunicorn answered it (issue 14,
/// fixtures/snapshots/1.15.1+0.21.1): each test fails if the reference server stops reproducing it.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class DashboardHostileParityTests
{
    private const string Key = "parity-key-0123456789";
    private const string OddUnicode = "%E2%80%AEmarker%E2%80%8B%00%EF%BB%BF";

    [TestCase("GET", "transfer/status/" + OddUnicode, HttpStatusCode.NotFound, "text/html; charset=utf-8")]
    [TestCase("DELETE", "transfer/" + OddUnicode + "/delete/", HttpStatusCode.NotFound, "text/html; charset=utf-8")]
    [TestCase("GET", "processing-configuration/" + OddUnicode, HttpStatusCode.OK, "application/json")]
    [TestCase("DELETE", "processing-configuration/" + OddUnicode, HttpStatusCode.MethodNotAllowed, "text/html; charset=utf-8")]
    public async Task A_nul_in_a_path_reaches_the_url_resolver(string method, string path, HttpStatusCode status, string contentType)
    {
        await using var host = await StartAsync();
        using var client = new HttpClient();

        // A request with a body first, on the same connection: the rewriting follows the framing.
        using var before = await SendAsync(client, host, HttpMethod.Post, "transfer/reingest", new FormUrlEncodedContent([new("name", "a%00b"), new("uuid", "x")]));
        using var response = await SendAsync(client, host, new HttpMethod(method), path);

        response.StatusCode.Should().Be(status);
        response.Content.Headers.ContentType!.ToString().Should().Be(contentType);
    }

    [TestCase(4051, false)]
    [TestCase(4052, true)]
    public async Task A_request_line_over_gunicorns_limit_is_its_400_page(int length, bool refused)
    {
        await using var host = await StartAsync();
        using var client = new HttpClient();

        // "GET /api/processing-configuration/<length a> HTTP/1.1": 4094 characters for 4051.
        using var response = await SendAsync(client, host, HttpMethod.Get, "processing-configuration/" + new string('a', length));

        (response.StatusCode == HttpStatusCode.BadRequest).Should().Be(refused, "the line is 4094 characters for 4051, gunicorn's limit");
        if (refused)
        {
            response.Content.Headers.ContentType!.ToString().Should().Be("text/html");
            response.Headers.Contains("X-Archivematica-Version").Should().BeFalse("gunicorn answers before Django");
            (await response.Content.ReadAsStringAsync()).Should().Contain("Request Line is too large (4095 &gt; 4094)");
        }
    }

    [TestCase("transfer/reingest")]
    [TestCase("ingest/reingest")]
    public async Task A_nul_in_the_reingest_name_is_the_500_page(string path)
    {
        await using var host = await StartAsync();
        using var client = new HttpClient();

        using var response = await SendAsync(client, host, HttpMethod.Post, path,
            new FormUrlEncodedContent([new("name", "aip\0.txt"), new("uuid", "3c0f3b5e-1111-4222-8333-444455556666")]));

        response.StatusCode.Should().Be(HttpStatusCode.InternalServerError);
        response.Content.Headers.ContentType!.ToString().Should().Be("text/html; charset=utf-8");
    }

    [TestCase("/etc", HttpStatusCode.Accepted)]
    [TestCase("../../../../conformance-canary/absent", HttpStatusCode.Accepted)]
    [TestCase(null, HttpStatusCode.BadRequest)]
    public async Task A_package_path_is_copied_after_the_answer_and_must_be_utf8(string? path, HttpStatusCode status)
    {
        await using var host = await StartAsync();
        using var client = new HttpClient();
        var encoded = path is null ? Convert.ToBase64String([0xFF, 0xFE, 0xC0, 0xAF]) : Convert.ToBase64String(Encoding.UTF8.GetBytes(path));

        using var response = await SendAsync(client, host, HttpMethod.Post, "v2beta/package",
            new StringContent(new JsonObject { ["name"] = "parity", ["path"] = encoded }.ToJsonString(), Encoding.UTF8, "application/json"));

        response.StatusCode.Should().Be(status, await response.Content.ReadAsStringAsync());
    }

    private static Task<ReferenceServerHost> StartAsync() =>
        ReferenceServerHost.StartAsync(new ReferenceServerOptions { ApiKey = Key, ArchivematicaVersion = "1.15.1" });

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, ReferenceServerHost host, HttpMethod method, string path, HttpContent? content = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(host.ArchivematicaUrl, "/api/" + path)) { Content = content };
        request.Headers.TryAddWithoutValidation("Authorization", $"ApiKey {host.Options.User}:{Key}");
        return await client.SendAsync(request);
    }
}
