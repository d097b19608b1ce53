using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using Conformance.ReferenceServer.Hosting;
using FluentAssertions;
using NUnit.Framework;

namespace Conformance.SelfTests.ReferenceServer;

/// <summary>
/// A <c>%00</c> in a request path reaches the emulated services as gunicorn lets it reach Django
/// (Kestrel alone refuses it with an empty 400), on keep-alive connections carrying several
/// pipelined requests, while bodies and queries pass byte for byte.
/// </summary>
[TestFixture]
public sealed class NulPathConnectionTests
{
    private const string ApiKey = "selftest-key-0123456789";
    private const string Auth = "Authorization: ApiKey test:" + ApiKey + "\r\n";

    /// <summary>The releases the recorded answers come from: Storage Service 0.21 refuses a malformed UUID with 400.</summary>
    private static ReferenceServerOptions Options(string? requestLog = null) =>
        new() { ApiKey = ApiKey, ArchivematicaVersion = "1.15.1", StorageServiceVersion = "0.21.1", RequestLogPath = requestLog };

    [Test]
    public async Task Pipelined_nul_paths_around_a_body_holding_percent_00()
    {
        var body = "{\"description\": \"%00 \\u0000 GET /x%00 HTTP/1.1\\r\\n\"}";
        var requests =
            $"GET /api/v2/file/ab%00cd/ HTTP/1.1\r\nHost: x\r\n{Auth}\r\n"
            + $"POST /api/v2/pipeline/ HTTP/1.1\r\nHost: x\r\n{Auth}Content-Type: application/json\r\nContent-Length: {Encoding.UTF8.GetByteCount(body)}\r\n\r\n{body}"
            + $"GET /api/v2/location/ef%00gh/ HTTP/1.1\r\nHost: x\r\n{Auth}\r\n";

        var (answers, logged) = await ExchangeAsync(host => host.StorageServiceUrl, requests, 3);

        answers[0].Status.Should().Be(400);
        answers[0].Body.Should().Be("{\"error\": \"['“ab\\\\x00cd” is not a valid UUID.']\"}", "Django's UUID field refuses the NUL-bearing value, as the real service does");
        answers[2].Status.Should().Be(400);
        answers[2].Body.Should().Contain("ef\\\\x00gh");
        logged.Select(entry => entry["target"]!.GetValue<string>()).Should().Equal("/api/v2/file/ab%00cd/", "/api/v2/pipeline/", "/api/v2/location/ef%00gh/");
        Encoding.UTF8.GetString(Convert.FromBase64String(logged[1]["body"]!.GetValue<string>())).Should().Be(body, "a body's %00 is not rewritten");
    }

    [Test]
    public async Task A_chunked_body_is_followed_to_the_next_request()
    {
        var requests =
            $"POST /api/v2/pipeline/ HTTP/1.1\r\nHost: x\r\n{Auth}Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
            + "5\r\n{\"a\":\r\n17\r\nGET /x%00 HTTP/1.1\r\n\r\n}\r\n0\r\n\r\n"
            + $"GET /api/v2/file/ab%00cd/ HTTP/1.1\r\nHost: x\r\n{Auth}\r\n";

        var (answers, logged) = await ExchangeAsync(host => host.StorageServiceUrl, requests, 2);

        answers[1].Status.Should().Be(400);
        answers[1].Body.Should().Contain("ab\\\\x00cd");
        Encoding.UTF8.GetString(Convert.FromBase64String(logged[0]["body"]!.GetValue<string>())).Should().Be("{\"a\":GET /x%00 HTTP/1.1\r\n\r\n}");
    }

    [Test]
    public async Task A_query_keeps_its_percent_00_and_the_dashboard_routes_a_nul_path()
    {
        var requests =
            $"GET /api/transfer/status/ab%00cd/?x=%00 HTTP/1.1\r\nHost: x\r\n{Auth}\r\n"
            + $"GET /api/transfer/completed?x=%00 HTTP/1.1\r\nHost: x\r\n{Auth}\r\n";

        var (answers, logged) = await ExchangeAsync(host => host.ArchivematicaUrl, requests, 2);

        answers[0].Status.Should().Be(404, "the dashboard's URL resolver matches no route");
        answers[0].Headers.Should().Contain("Content-Type: text/html; charset=utf-8");
        answers[1].Status.Should().Be(200);
        logged.Select(entry => entry["target"]!.GetValue<string>()).Should().Equal("/api/transfer/status/ab%00cd/?x=%00", "/api/transfer/completed?x=%00");
    }

    [Test]
    public async Task A_nul_path_reaches_the_application_as_a_nul()
    {
        await using var host = await ReferenceServerHost.StartAsync(Options());
        await SendAsync(host.StorageServiceUrl, $"GET /api/v2/file/a%00b%0Gc/?q=%00 HTTP/1.1\r\nHost: x\r\n{Auth}\r\n", 1);

        host.Received.Requests.Single().PathAndQuery.Should().Be("/api/v2/file/a%00b%00c/?q=%00", "PathString escapes the NUL again; a literal %0G is read as the marker");
    }

    private static async Task<(List<Answer> Answers, List<JsonNode> Logged)> ExchangeAsync(Func<ReferenceServerHost, Uri> service, string requests, int count)
    {
        var file = Path.Combine(Path.GetTempPath(), $"nul-path-{Guid.NewGuid():N}.jsonl");
        try
        {
            List<Answer> answers;
            await using (var host = await ReferenceServerHost.StartAsync(Options(file)))
            {
                answers = await SendAsync(service(host), requests, count);
            }
            return (answers, [.. File.ReadLines(file).Select(line => JsonNode.Parse(line)!)]);
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>Writes every request at once on one connection, then reads <paramref name="count"/> answers.</summary>
    private static async Task<List<Answer>> SendAsync(Uri service, string requests, int count)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(service.Host, service.Port);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.UTF8.GetBytes(requests));
        var reader = new AnswerReader(stream);
        var answers = new List<Answer>();
        for (var i = 0; i < count; i++)
        {
            answers.Add(await reader.ReadAsync());
        }
        return answers;
    }

    private sealed record Answer(int Status, IReadOnlyList<string> Headers, string Body);

    /// <summary>Reads HTTP/1.1 answers one after another (Content-Length or chunked bodies).</summary>
    private sealed class AnswerReader(Stream stream)
    {
        private readonly List<byte> _buffer = [];

        public async Task<Answer> ReadAsync()
        {
            var status = int.Parse((await LineAsync()).Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
            var headers = new List<string>();
            for (var line = await LineAsync(); line.Length > 0; line = await LineAsync())
            {
                headers.Add(line);
            }
            var length = headers.FirstOrDefault(h => h.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase)) is { } header
                ? int.Parse(header["Content-Length:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture) : 0;
            if (headers.Any(h => h.Equals("Transfer-Encoding: chunked", StringComparison.OrdinalIgnoreCase)))
            {
                var body = new List<byte>();
                for (var size = Convert.ToInt32(await LineAsync(), 16); size > 0; size = Convert.ToInt32(await LineAsync(), 16))
                {
                    body.AddRange(await BytesAsync(size));
                    await LineAsync();
                }
                await LineAsync();
                return new Answer(status, headers, Encoding.UTF8.GetString([.. body]));
            }
            return new Answer(status, headers, Encoding.UTF8.GetString(await BytesAsync(length)));
        }

        private async Task<string> LineAsync()
        {
            int end;
            while ((end = _buffer.IndexOf((byte)'\n')) < 0)
            {
                await FillAsync();
            }
            var line = await BytesAsync(end + 1);
            return Encoding.UTF8.GetString(line).TrimEnd('\r', '\n');
        }

        private async Task<byte[]> BytesAsync(int count)
        {
            while (_buffer.Count < count)
            {
                await FillAsync();
            }
            var bytes = _buffer.GetRange(0, count).ToArray();
            _buffer.RemoveRange(0, count);
            return bytes;
        }

        private async Task FillAsync()
        {
            var chunk = new byte[8192];
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            var read = await stream.ReadAsync(chunk, timeout.Token);
            if (read == 0)
            {
                throw new EndOfStreamException("The server closed the connection before every answer arrived.");
            }
            _buffer.AddRange(chunk.AsSpan(0, read));
        }
    }
}
