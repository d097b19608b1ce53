using Conformance.OpenApi;

// dotnet run --project tools/Conformance.OpenApi                      writes schemas/openapi.json
// dotnet run --project tools/Conformance.OpenApi -- --check           exits 1 when the committed file is stale
// dotnet run --project tools/Conformance.OpenApi -- dredd --service archivematica|storage --request-log FILE --out FILE
//                                                                       the Swagger 2 form Dredd reads (bench/run.sh)
var root = Option("--root") ?? FindRoot();
var target = Path.Combine(root, OpenApiGenerator.RelativePath);
if (args.Length > 0 && args[0] == "dredd")
{
    var service = Option("--service") ?? throw new ArgumentException("--service archivematica|storage is required.");
    var log = Option("--request-log") ?? throw new ArgumentException("--request-log FILE is required.");
    var output = Option("--out") ?? throw new ArgumentException("--out FILE is required.");
    var openApi = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Option("--openapi") ?? target))!.AsObject();
    var result = DreddDocument.Build(openApi, service, LoggedRequest.Read(log));
    File.WriteAllText(output, OpenApiGenerator.Render(result.Document));
    Console.WriteLine($"{output}: {result.Operations} read-only operations of {service}; left out {result.Omitted.Count}:");
    foreach (var reason in result.Omitted)
    {
        Console.WriteLine("  " + reason);
    }

    return 0;
}

var text = OpenApiGenerator.Generate(root);
if (args.Contains("--check"))
{
    var current = File.Exists(target) ? File.ReadAllText(target) : string.Empty;
    if (current == text)
    {
        Console.WriteLine($"{OpenApiGenerator.RelativePath} is up to date.");
        return 0;
    }

    Console.Error.WriteLine($"{OpenApiGenerator.RelativePath} differs from the catalogue and schemas; regenerate it with `dotnet run --project tools/Conformance.OpenApi`.");
    return 1;
}

File.WriteAllText(target, text);
Console.WriteLine($"wrote {target}");
return 0;

string? Option(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;

static string FindRoot()
{
    foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Conformance.sln")))
            {
                return dir.FullName;
            }
        }
    }

    throw new DirectoryNotFoundException("Conformance.sln not found; pass --root.");
}
