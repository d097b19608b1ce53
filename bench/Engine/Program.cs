using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

// Runs every read-only case of the catalogue through the framework (expansion, request, checks,
// schema validation) against the target in the environment (the suite's variables), with the
// suite's concurrency, but without NUnit and vstest. One cold round (a fresh process, like the suite).
//   dotnet bench/Engine/bin/.../Conformance.Bench.Engine.dll --root . [--concurrency 8] [--json out.json]
var root = Option("--root") ?? ".";
var concurrency = int.Parse(Option("--concurrency") ?? "8", CultureInfo.InvariantCulture);
var total = Stopwatch.StartNew();
var catalogue = EndpointCatalogue.Load(Path.Combine(root, "fixtures", "endpoints.json"));
var schemas = new SchemaRegistry(Path.Combine(root, "schemas"));
var compiling = schemas.CompileAsync(catalogue.SchemaPaths());
await using var target = await new TargetFactory(catalogue, schemas).FromSettingsAsync(SettingsSource.FromEnvironmentOnly());
if (target.PreflightFailure is { } failure)
{
    Console.Error.WriteLine(failure);
    return 1;
}

var session = target.Session;
await target.PrimeAsync(concurrency);
await compiling;
var cases = CaseFactory.All(catalogue).Where(c => c.Tier == Tier.ReadOnly).ToList();
var verdicts = new (bool Passed, bool Sent)[cases.Count];
var next = -1;
var checking = Stopwatch.StartNew();
await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
{
    int i;
    while ((i = Interlocked.Increment(ref next)) < cases.Count)
    {
        var verdict = await new Executor(session).RunAsync(cases[i], "Conformance.Bench.Engine(" + cases[i].Name + ")");
        verdicts[i] = (verdict.Passed, verdict.Exchange is not null);
    }
})));
checking.Stop();

var sent = verdicts.Count(v => v.Sent);
var result = new JsonObject
{
    ["cases"] = cases.Count,
    ["passed"] = verdicts.Count(v => v.Passed),
    ["requests"] = sent,
    ["concurrency"] = concurrency,
    ["seconds"] = Math.Round(checking.Elapsed.TotalSeconds, 3),
    ["requestsPerSecond"] = Math.Round(sent / checking.Elapsed.TotalSeconds, 1),
    ["totalSeconds"] = Math.Round(total.Elapsed.TotalSeconds, 3),
};
var text = result.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
Console.WriteLine(text);
if (Option("--json") is { } json)
{
    await File.WriteAllTextAsync(json, text);
}

return 0;

string? Option(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
