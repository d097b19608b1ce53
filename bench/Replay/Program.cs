using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Conformance.Bench.Replay;

// The floor of the benchmark: the requests the suite sent (a reference-server --request-log file, or
// the suite's own RequestLog capture), sent again by a plain HttpClient loop with the same number of
// workers, no checks, no test framework. A capture holds placeholders for the credentials
// (__ARCHIVEMATICA_API_KEY__ ...): they are filled in from the environment variables they name.
//   dotnet bench/Replay/bin/.../Conformance.Bench.Replay.dll --log requests.jsonl [--concurrency 8] [--repeat 3] [--json out.json]
var options = Options.Parse(args);
var credentials = new CredentialFiller(Environment.GetEnvironmentVariable);
var requests = File.ReadLines(options.Log).Where(l => l.Length > 0).Select(l => Logged.Parse(l, credentials)).ToList();
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
