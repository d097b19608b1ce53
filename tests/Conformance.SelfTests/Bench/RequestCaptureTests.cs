using System.Text;
using System.Text.Json.Nodes;
using Conformance.Bench.Replay;
using Conformance.ReferenceServer.Hosting;
using FluentAssertions;
using NUnit.Framework;

namespace Conformance.SelfTests.Bench;

/// <summary>
/// The suite's own request capture (RequestLog), which bench/real.sh times and replays against a
/// real target: it must hold every request with its times, never a credential, and replay to the
/// same answers once bench/Replay has put the credentials back.
/// </summary>
[TestFixture]
public sealed class RequestCaptureTests
{
    // Distinctive, and with characters that are URL-encoded in a query, so both forms are scanned for.
    private const string Key = "capture+key/0123456789abcdef";
    private const string Password = "capture pass&word=9876";

    [Test]
    public async Task Every_request_is_captured_with_its_times_and_no_credential_and_replays_to_the_same_answers()
    {
        var file = Path.Combine(Path.GetTempPath(), $"request-capture-{Guid.NewGuid():N}.jsonl");
        try
        {
            await using var host = await ReferenceServerHost.StartAsync(new ReferenceServerOptions { ApiKey = Key, Password = Password });
            var credentials = new Credentials("test", Key);
            using var dashboard = new ServiceClient(new ServiceEndpoint(ServiceKind.Archivematica, host.ArchivematicaUrl, credentials), TimeSpan.FromSeconds(10), requestLog: file);
            using var storage = new ServiceClient(new ServiceEndpoint(ServiceKind.Storage, host.StorageServiceUrl, credentials) { Password = Password }, TimeSpan.FromSeconds(10), requestLog: file);
            var sent = new List<Exchange>();
            foreach (var mode in AuthModes.All)
            {
                sent.Add(await dashboard.SendAsync(new RequestPlan { Method = "GET", Path = "/api/transfer/completed" }, mode, $"capture {mode}"));
                sent.Add(await storage.SendAsync(new RequestPlan { Method = "GET", Path = "/api/v2/pipeline/", Query = [new("limit", "1")] }, mode, $"capture {mode}"));
            }

            sent.Add(await storage.SendAsync(new RequestPlan { Method = "POST", Path = "/api/v2/pipeline/", Body = $"{{\"echo\": \"{Key}\"}}" }, AuthMode.Header, "capture body"));

            var lines = File.ReadAllLines(file);
            lines.Should().HaveCount(sent.Count, "one line per request sent");
            Scan(lines).Should().BeEmpty("no key or password may be written, in any form");
            var entries = lines.Select(l => JsonNode.Parse(l)!).ToList();
            entries.Should().AllSatisfy(e => ((double)e["received"]!).Should().BeGreaterThanOrEqualTo((double)e["time"]!));
            entries.Select(e => (int)e["status"]!).Should().Equal(sent.Select(e => e.Status), "the answers as the suite got them, in order");
            string.Join('\n', lines).Should().Contain("ApiKey test:__STORAGE_SERVICE_API_KEY__").And.Contain("api_key=__ARCHIVEMATICA_API_KEY_URLENCODED__");

            var replay = new CredentialFiller(name => name switch
            {
                "ARCHIVEMATICA_API_KEY" or "STORAGE_SERVICE_API_KEY" => Key,
                "STORAGE_SERVICE_PASSWORD" => Password,
                _ => null,
            });
            using var client = new HttpClient();
            foreach (var line in lines)
            {
                var logged = Logged.Parse(line, replay);
                using var message = logged.ToMessage();
                using var answer = await client.SendAsync(message);
                ((int)answer.StatusCode).Should().Be(logged.Status, $"{logged.Method} {message.RequestUri} replays to the answer the suite got");
            }

            Encoding.UTF8.GetString(Logged.Parse(lines[^1], replay).Body!).Should().Contain(Key, "the body gets its key back");
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Test]
    public void The_scan_finds_a_credential_in_each_form_it_could_be_written_in()
    {
        // The scan above can fail: each of these lines carries the key or the password.
        Scan([$"{{\"target\": \"/api?api_key={Uri.EscapeDataString(Key)}\"}}"]).Should().ContainSingle();
        Scan([$"{{\"target\": \"/api?api_key={Uri.EscapeDataString(Key).ToLowerInvariant()}\"}}"]).Should().ContainSingle("RestSharp escapes in lower case");
        Scan([$"{{\"headers\": [[\"Authorization\", \"ApiKey test:{Key}\"]]}}"]).Should().ContainSingle();
        Scan([$"{{\"headers\": [[\"Authorization\", \"Basic {Convert.ToBase64String(Encoding.UTF8.GetBytes("test:" + Password))}\"]]}}"]).Should().ContainSingle();
        Scan([$"{{\"body\": \"{Convert.ToBase64String(Encoding.UTF8.GetBytes(Key))}\"}}"]).Should().ContainSingle();
    }

    [Test]
    public void A_placeholder_without_its_variable_stops_the_replay()
    {
        var none = new CredentialFiller(_ => null);
        var act = () => Logged.Parse("""{"origin": "http://127.0.0.1:1", "method": "GET", "target": "/?api_key=__STORAGE_SERVICE_API_KEY__", "headers": [], "status": 200}""", none);
        act.Should().Throw<InvalidOperationException>().WithMessage("*STORAGE_SERVICE_API_KEY*");
    }

    /// <summary>Lines that carry a secret: plain, URL-encoded (in any case), or inside base64 (a Basic header, a body).</summary>
    private static List<string> Scan(IEnumerable<string> lines)
    {
        string[] secrets = [Key, Password];
        return lines.Where(line =>
        {
            var decoded = System.Text.RegularExpressions.Regex.Matches(line, "[A-Za-z0-9+/]{8,}={0,2}")
                .Select(m => TryBase64(m.Value));
            return decoded.Prepend(line).SelectMany(text => new[] { text, Uri.UnescapeDataString(text.Replace("\\u0026", "&", StringComparison.Ordinal)) })
                .Any(text => secrets.Any(s => text.Contains(s, StringComparison.Ordinal)));
        }).ToList();
    }

    private static string TryBase64(string text)
    {
        try
        {
            return Encoding.Latin1.GetString(Convert.FromBase64String(text));
        }
        catch (FormatException)
        {
            return string.Empty;
        }
    }
}
