using System.Net;
using System.Text.Json.Nodes;
using Conformance.ReferenceServer.Hosting;
using FluentAssertions;
using NUnit.Framework;

namespace Conformance.SelfTests.ReferenceServer;

/// <summary>
/// What a real Archivematica 1.15.1 + Storage Service 0.21.1 answered and the reference server first
/// did not (issue 14): each test fails if the reference server stops reproducing it.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class RealServiceParityTests
{
    private const string Key = "parity-key-0123456789";

    [TestCase("0.19.0", "application/xml; charset=utf-8")]
    [TestCase("0.20.0", "application/json")]
    [TestCase("0.21.1", "application/json")]
    public async Task Format_xml_is_served_only_where_the_release_installs_defusedxml(string release, string contentType)
    {
        await using var host = await StartAsync(release);

        using var byName = await GetAsync(host, host.StorageServiceUrl, "/api/v2/pipeline/?format=xml");
        using var byAccept = await GetAsync(host, host.StorageServiceUrl, "/api/v2/pipeline/", accept: "application/xml");

        byName.Content.Headers.ContentType!.ToString().Should().Be(contentType);
        byAccept.Content.Headers.ContentType!.ToString().Should().Be(contentType);
    }

    [Test]
    public async Task The_sword_edit_iri_refuses_before_it_looks_the_deposit_up()
    {
        await using var host = await StartAsync("0.21.1");

        using var unknown = await GetAsync(host, host.StorageServiceUrl, "/api/v2/file/00000000-0000-4000-8000-000000000000/sword/");

        unknown.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        unknown.Content.Headers.ContentType!.ToString().Should().Be("text/html; charset=utf-8");
    }

    [TestCase("0.19.0")]
    [TestCase("0.21.1")]
    public async Task Query_credentials_on_the_pipeline_list_are_read_as_an_api_key_filter(string release)
    {
        await using var host = await StartAsync(release);

        using var answer = await GetAsync(host, host.StorageServiceUrl, $"/api/v2/pipeline/?username={host.Options.User}&api_key={Key}", header: false);

        answer.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await answer.Content.ReadAsStringAsync()).Should().Be("{\"error\": \"The 'api_key' field does not allow filtering.\"}");
        using var set = await GetAsync(host, host.StorageServiceUrl, $"/api/v2/pipeline/set/{Guid.Empty}/?username={host.Options.User}&api_key={Key}", header: false);
        set.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task A_chunk_of_an_uncompressed_package_is_a_500_and_of_a_compressed_one_the_file()
    {
        await using var host = await StartAsync("0.21.1");
        using var list = await GetAsync(host, host.StorageServiceUrl, "/api/v2/file/?package_type=AIP&status=UPLOADED&limit=100");
        var packages = JsonNode.Parse(await list.Content.ReadAsStringAsync())!["objects"]!.AsArray().Select(p => (Uuid: (string)p!["uuid"]!, Path: (string)p["current_path"]!)).ToList();
        var uncompressed = packages.First(p => !p.Path.EndsWith(".7z", StringComparison.Ordinal)).Uuid;
        var compressed = packages.First(p => p.Path.EndsWith(".7z", StringComparison.Ordinal)).Uuid;

        using var directory = await GetAsync(host, host.StorageServiceUrl, $"/api/v2/file/{uncompressed}/download/1/");
        using var whole = await GetAsync(host, host.StorageServiceUrl, $"/api/v2/file/{uncompressed}/download/");
        using var file = await GetAsync(host, host.StorageServiceUrl, $"/api/v2/file/{compressed}/download/1/");

        directory.StatusCode.Should().Be(HttpStatusCode.InternalServerError);
        whole.StatusCode.Should().Be(HttpStatusCode.OK, "without a chunk number the package is tarred");
        file.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [TestCase("abc;1")]
    [TestCase("1;' OR '1'='1")]
    public async Task A_non_integer_id_in_the_async_set_is_a_500(string ids)
    {
        await using var host = await StartAsync("0.21.1");

        using var answer = await GetAsync(host, host.StorageServiceUrl, $"/api/v2/async/set/{Uri.EscapeDataString(ids).Replace("%3B", ";", StringComparison.Ordinal)}/");

        answer.StatusCode.Should().Be(HttpStatusCode.InternalServerError);
    }

    [TestCase("/api/v2/space/?access_protocol=", HttpStatusCode.InternalServerError)]
    [TestCase("/api/v2/location/?relative_path=", HttpStatusCode.InternalServerError)]
    [TestCase("/api/v2/file/metadata/?relative_path=", HttpStatusCode.InternalServerError)]
    [TestCase("/api/v2/pipeline/?uuid=", HttpStatusCode.BadRequest)]
    public async Task A_character_outside_the_bmp_in_a_text_filter_is_a_500(string query, HttpStatusCode expected)
    {
        await using var host = await StartAsync("0.21.1");

        using var astral = await GetAsync(host, host.StorageServiceUrl, query + "%F0%9F%92%A9");
        using var bmp = await GetAsync(host, host.StorageServiceUrl, query + "%C3%A9%E2%80%AE");

        astral.StatusCode.Should().Be(expected, "utf8mb3 connection against utf8mb4 columns (a UUID column validates first from 0.21)");
        ((int)bmp.StatusCode).Should().BeLessThan(500);
    }

    [TestCase("not-a-uuid", "['“not-a-uuid” is not a valid UUID.']")]
    [TestCase("%3Cb%3E%26x'y%22", "['“&lt;b&gt;&amp;x\\'y\"” is not a valid UUID.']")]
    [TestCase("a%5Cb", "['“a\\\\b” is not a valid UUID.']")]
    [TestCase("a%C2%85b", "['“a\\x85b” is not a valid UUID.']")]
    [TestCase("%E2%80%AEx", "['“\\u202ex” is not a valid UUID.']")]
    public async Task A_malformed_uuid_is_refused_with_the_sanitized_repr_of_the_message_list(string value, string error)
    {
        await using var host = await StartAsync("0.21.1");

        using var answer = await GetAsync(host, host.StorageServiceUrl, $"/api/v2/file/{value}/");

        answer.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        JsonNode.Parse(await answer.Content.ReadAsStringAsync())!["error"]!.GetValue<string>().Should().Be(error, "tastypie answers sanitize(e.messages), a string");
    }

    [Test]
    public async Task A_request_line_longer_than_gunicorns_limit_is_its_400_page()
    {
        await using var host = await StartAsync("0.21.1");
        const string prefix = "/api/v2/?x=";
        var longest = 4094 - "GET  HTTP/1.1".Length - prefix.Length;

        using var fits = await GetAsync(host, host.StorageServiceUrl, prefix + new string('a', longest));
        using var tooLong = await GetAsync(host, host.StorageServiceUrl, prefix + new string('a', longest + 1));

        fits.StatusCode.Should().Be(HttpStatusCode.OK);
        tooLong.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        tooLong.Content.Headers.ContentType!.ToString().Should().Be("text/html");
        (await tooLong.Content.ReadAsStringAsync()).Should().Contain("Request Line is too large (4095 &gt; 4094)");
    }

    [Test]
    public async Task An_async_id_beyond_any_integer_column_finds_nothing()
    {
        await using var host = await StartAsync("0.21.1");

        using var answer = await GetAsync(host, host.StorageServiceUrl, "/api/v2/async/99999999999999999999999999999999/");

        answer.StatusCode.Should().Be(HttpStatusCode.NotFound);
        answer.Content.Headers.ContentType!.ToString().Should().Be("text/html; charset=utf-8", "tastypie's HttpNotFound for DoesNotExist, not NotFound's canned JSON");
        (await answer.Content.ReadAsByteArrayAsync()).Should().BeEmpty();
    }

    [Test]
    public async Task A_character_outside_the_bmp_in_a_dashboard_jobs_filter_is_a_500()
    {
        await using var target = await ReferenceTarget.StartAsync(options: new ReferenceServerOptions { ApiKey = Key });
        var unit = await target.Session.Discovery.ResolveAsync("am.transfer.completed:results[0]", CancellationToken.None);

        using var astral = await GetAsync(target.Host, target.Host.ArchivematicaUrl, $"/api/v2beta/jobs/{unit}?name=%F0%9F%92%A9");
        using var bmp = await GetAsync(target.Host, target.Host.ArchivematicaUrl, $"/api/v2beta/jobs/{unit}?name=%C3%A9");

        astral.StatusCode.Should().Be(HttpStatusCode.InternalServerError);
        bmp.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    private static Task<ReferenceServerHost> StartAsync(string storageRelease) =>
        ReferenceServerHost.StartAsync(new ReferenceServerOptions { ApiKey = Key, StorageServiceVersion = storageRelease });

    private static async Task<HttpResponseMessage> GetAsync(ReferenceServerHost host, Uri service, string pathAndQuery, string? accept = null, bool header = true)
    {
        using var client = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(service, pathAndQuery));
        request.Headers.TryAddWithoutValidation("User-Agent", "parity-self-test");
        if (header)
        {
            request.Headers.TryAddWithoutValidation("Authorization", $"ApiKey {host.Options.User}:{Key}");
        }

        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        return await client.SendAsync(request);
    }
}
