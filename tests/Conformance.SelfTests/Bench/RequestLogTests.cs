using System.Text;
using System.Text.Json.Nodes;
using Conformance.OpenApi;
using Conformance.ReferenceServer.Hosting;
using FluentAssertions;
using NUnit.Framework;

namespace Conformance.SelfTests.Bench;

/// <summary>The reference server's request log, which the benchmark counts, replays and feeds to Dredd.</summary>
[TestFixture]
public sealed class RequestLogTests
{
    [Test]
    public void Command_line_takes_the_request_log_file()
    {
        CommandLine.Parse(["--request-log", "/tmp/requests.jsonl"]).RequestLogPath.Should().Be("/tmp/requests.jsonl");
        CommandLine.Parse([]).RequestLogPath.Should().BeNull();
    }

    [Test]
    public async Task Every_request_is_counted_and_logged_as_it_arrived()
    {
        var file = Path.Combine(Path.GetTempPath(), $"request-log-{Guid.NewGuid():N}.jsonl");
        try
        {
            long count;
            await using (var host = await ReferenceServerHost.StartAsync(new ReferenceServerOptions { ApiKey = "selftest-key-0123456789", RequestLogPath = file }))
            {
                using var client = new HttpClient();
                using var get = new HttpRequestMessage(HttpMethod.Get, new Uri(host.ArchivematicaUrl, "api/transfer/completed?x=%3B"));
                get.Headers.TryAddWithoutValidation("X-Conformance-Test", "Suite.Answers_per_contract(am.transfer.completed, Header)");
                get.Headers.TryAddWithoutValidation("Authorization", "ApiKey test:selftest-key-0123456789");
                (await client.SendAsync(get)).StatusCode.Should().Be(System.Net.HttpStatusCode.OK);
                using var post = new HttpRequestMessage(HttpMethod.Post, new Uri(host.StorageServiceUrl, "api/v2/pipeline/")) { Content = new StringContent("{\"a\": 1}", Encoding.UTF8, "application/json") };
                await client.SendAsync(post);
                count = host.Requests.Count;
            }

            count.Should().Be(2);
            var logged = LoggedRequest.Read(file).ToList();
            logged.Should().HaveCount(2);
            var first = logged.Single(r => r.Method == "GET");
            first.Target.Should().Be("/api/transfer/completed?x=%3B", "the raw target, as sent");
            first.TestName.Should().Be("Suite.Answers_per_contract(am.transfer.completed, Header)");
            first.Status.Should().Be(200);
            var second = logged.Single(r => r.Method == "POST");
            Encoding.UTF8.GetString(second.Body!).Should().Be("{\"a\": 1}");
            second.Status.Should().Be(401, "no credentials");
            JsonNode.Parse(File.ReadLines(file).First())!["origin"]!.GetValue<string>().Should().StartWith("http://127.0.0.1:");
        }
        finally
        {
            File.Delete(file);
        }
    }
}
