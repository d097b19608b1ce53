using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

// The floor of the benchmark: the requests the suite sent (a reference-server --request-log file),
// sent again by a plain HttpClient loop with the same number of workers, no checks, no test framework.
//   dotnet bench/Replay/bin/.../Conformance.Bench.Replay.dll --log requests.jsonl [--concurrency 8] [--repeat 3] [--json out.json]
var options = Options.Parse(args);
var requests = File.ReadLines(options.Log).Where(l => l.Length > 0).Select(Logged.Parse).ToList();
if (requests.Count == 0)
{
    Console.Error.WriteLine($"{options.Log} has no requests.");
    return 1;
}

using var client = new HttpClient(new SocketsHttpHandler
{
    AllowAutoRedirect = false,
    UseCookies = false,
    AutomaticDecompression = System.Net.DecompressionMethods.None,
    MaxConnectionsPerServer = options.Concurrency,
})
{ Timeout = TimeSpan.FromSeconds(30) };

var runs = new List<RunResult>();
for (var i = 0; i < options.Repeat; i++)
{
    runs.Add(await ReplayAsync(client, requests, options.Concurrency));
}

var best = runs.OrderBy(r => r.Seconds).First();
var median = runs.OrderBy(r => r.Seconds).ElementAt(runs.Count / 2);
var result = new JsonObject
{
    ["requests"] = requests.Count,
    ["concurrency"] = options.Concurrency,
    ["runs"] = new JsonArray(runs.Select(r => (JsonNode)JsonValue.Create(Math.Round(r.Seconds, 4))).ToArray()),
    ["seconds"] = Math.Round(median.Seconds, 4),
    ["bestSeconds"] = Math.Round(best.Seconds, 4),
    ["requestsPerSecond"] = Math.Round(requests.Count / median.Seconds, 1),
    ["statusMismatches"] = median.StatusMismatches,
    ["transportErrors"] = median.TransportErrors,
};
var text = result.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
Console.WriteLine(text);
if (options.Json is not null)
{
    await File.WriteAllTextAsync(options.Json, text);
}

return median.TransportErrors == 0 ? 0 : 2;

static async Task<RunResult> ReplayAsync(HttpClient client, List<Logged> requests, int concurrency)
{
    var next = -1;
    var mismatches = 0;
    var errors = 0;
    var stopwatch = Stopwatch.StartNew();
    var workers = Enumerable.Range(0, concurrency).Select(async _ =>
    {
        int index;
        while ((index = Interlocked.Increment(ref next)) < requests.Count)
        {
            var logged = requests[index];
            try
            {
                using var message = logged.ToMessage();
                using var response = await client.SendAsync(message, HttpCompletionOption.ResponseContentRead);
                await response.Content.ReadAsByteArrayAsync();
                if ((int)response.StatusCode != logged.Status)
                {
                    Interlocked.Increment(ref mismatches);
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                Interlocked.Increment(ref errors);
            }
        }
    }).ToList();
    await Task.WhenAll(workers);
    return new RunResult(stopwatch.Elapsed.TotalSeconds, mismatches, errors);
}

internal sealed record RunResult(double Seconds, int StatusMismatches, int TransportErrors);

/// <summary>One line of the reference server's request log.</summary>
internal sealed record Logged(string Method, Uri Url, IReadOnlyList<(string Name, string Value)> Headers, byte[]? Body, int Status)
{
    // Set by the connection or the content, not by the caller.
    private static readonly HashSet<string> Skipped = new(StringComparer.OrdinalIgnoreCase) { "Host", "Content-Length", "Connection", "Transfer-Encoding", "Expect" };

    public static Logged Parse(string line)
    {
        var node = JsonNode.Parse(line)!;
        var url = new Uri((string)node["origin"]! + (string)node["target"]!, new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true });
        var headers = node["headers"]!.AsArray().Select(h => ((string)h![0]!, (string)h[1]!)).ToList();
        var body = (string?)node["body"] is { } b ? Convert.FromBase64String(b) : null;
        return new Logged((string)node["method"]!, url, headers, body, (int)node["status"]!);
    }

    public HttpRequestMessage ToMessage()
    {
        var message = new HttpRequestMessage(new HttpMethod(Method), Url);
        if (Body is not null)
        {
            message.Content = new ByteArrayContent(Body);
        }

        foreach (var (name, value) in Headers.Where(h => !Skipped.Contains(h.Name)))
        {
            if (name.StartsWith("Content-", StringComparison.OrdinalIgnoreCase))
            {
                message.Content ??= new ByteArrayContent([]);
                message.Content.Headers.TryAddWithoutValidation(name, value);
            }
            else
            {
                message.Headers.TryAddWithoutValidation(name, value);
            }
        }

        return message;
    }
}

internal sealed record Options(string Log, int Concurrency, int Repeat, string? Json)
{
    public static Options Parse(string[] args)
    {
        var options = new Options(string.Empty, 8, 3, null);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            options = args[i] switch
            {
                "--log" => options with { Log = args[i + 1] },
                "--concurrency" => options with { Concurrency = int.Parse(args[i + 1], CultureInfo.InvariantCulture) },
                "--repeat" => options with { Repeat = int.Parse(args[i + 1], CultureInfo.InvariantCulture) },
                "--json" => options with { Json = args[i + 1] },
                _ => throw new ArgumentException($"Unknown option '{args[i]}'."),
            };
        }

        return options.Log.Length > 0 ? options : throw new ArgumentException("--log FILE is required.");
    }
}
