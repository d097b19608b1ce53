using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using NJsonSchema;
using NJsonSchema.References;
using NJsonSchema.Validation;

namespace Conformance.Framework.Schemas;

/// <summary>
/// The committed JSON Schemas under schemas/, each loaded and compiled once per run and shared by
/// all threads. Paths are relative to the schemas folder, e.g. "archivematica/auth-failure.403.json".
/// </summary>
public sealed class SchemaRegistry(string schemasRoot)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<JsonSchema>>> _schemas = new(StringComparer.Ordinal);

    // Files that schemas reference (schemas/common/*.json), each parsed once and shared: parsing
    // storage-definitions.json again for each of the ~100 schemas that use it cost most of the compile time.
    private readonly ConcurrentDictionary<string, Lazy<Task<JsonSchema>>> _referenced = new(StringComparer.Ordinal);

    // Validation is a pure function of the schema and the text; the same answer comes back many times
    // (header and query credentials, the shared 403 body), so each pair is validated once. Large
    // bodies are not kept: they are rarely repeated and would hold memory for the whole run.
    private const int MaxRememberedJson = 64 * 1024;

    private readonly ConcurrentDictionary<(string Schema, string Json), IReadOnlyList<SchemaError>> _verdicts = new();

    public string Root { get; } = Path.GetFullPath(schemasRoot);

    public Task<JsonSchema> GetAsync(string relativePath) =>
        _schemas.GetOrAdd(relativePath, path => new Lazy<Task<JsonSchema>>(() => LoadAsync(path))).Value;

    /// <summary>
    /// Compiles the given schemas now, in parallel, instead of on first use: started while the run
    /// waits on the network (preflight, discovery), it keeps compilation out of the requests' way.
    /// A schema that fails to compile is not reported here: the same failure stays cached and fails
    /// each check that uses it, where it belongs.
    /// </summary>
    public async Task CompileAsync(IEnumerable<string> relativePaths)
    {
        try
        {
            await Task.WhenAll(relativePaths.Select(path => Task.Run(() => GetAsync(path))));
        }
        catch (Exception)
        {
            // Whatever it was, GetAsync throws it again to each check that uses the schema (see above).
        }
    }

    /// <summary>Validates a JSON text; a body that is not JSON at all is one error of kind NotJson.</summary>
    public async Task<IReadOnlyList<SchemaError>> ValidateAsync(string relativePath, string json)
    {
        var schema = await GetAsync(relativePath);
        if (_verdicts.TryGetValue((relativePath, json), out var known))
        {
            return known;
        }

        var errors = Validate(schema, json);
        if (json.Length <= MaxRememberedJson)
        {
            _verdicts.TryAdd((relativePath, json), errors);
        }

        return errors;
    }

    private static IReadOnlyList<SchemaError> Validate(JsonSchema schema, string json)
    {
        try
        {
            using var _ = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            return [new SchemaError("NotJson", "$", e.Message)];
        }

        return Flatten(schema.Validate(json)).ToArray();
    }

    private async Task<JsonSchema> LoadAsync(string relativePath)
    {
        var fullPath = Path.GetFullPath(Path.Combine(Root, relativePath));
        if (!File.Exists(fullPath))
        {
            throw new FileNotFoundException($"Schema '{relativePath}' not found under {Root}.", fullPath);
        }

        return await ConstRewritingResolver.LoadAsync(fullPath, LoadReferencedAsync);
    }

    private Task<JsonSchema> LoadReferencedAsync(string fullPath) =>
        _referenced.GetOrAdd(Path.GetFullPath(fullPath), path => new Lazy<Task<JsonSchema>>(() => ConstRewritingResolver.LoadAsync(path, LoadReferencedAsync))).Value;

    /// <summary>Loads a schema and every file it references with <see cref="ConstAsEnum"/> applied; referenced files come from <c>referenced</c>.</summary>
    private sealed class ConstRewritingResolver(JsonSchema root, Func<string, Task<JsonSchema>> referenced) : JsonReferenceResolver(new JsonSchemaAppender(root, new DefaultTypeNameGenerator()))
    {
        public static async Task<JsonSchema> LoadAsync(string fullPath, Func<string, Task<JsonSchema>> referenced, CancellationToken cancellationToken = default) =>
            await JsonSchema.FromJsonAsync(
                ConstAsEnum(await File.ReadAllTextAsync(fullPath, cancellationToken)),
                fullPath,
                schema => new ConstRewritingResolver(schema, referenced),
                cancellationToken);

        public override async Task<IJsonReference> ResolveFileReferenceAsync(string filePath, CancellationToken cancellationToken = default) =>
            await referenced(filePath);
    }

    // NJsonSchema does not enforce draft-06 "const"; the same constraint as a one-value "enum" it does.
    internal static string ConstAsEnum(string schemaText)
    {
        var root = JsonNode.Parse(schemaText)!;
        Rewrite(root);
        return root.ToJsonString();

        static void Rewrite(JsonNode? node)
        {
            switch (node)
            {
                case JsonObject obj:
                    if (obj.Remove("const", out var value))
                    {
                        obj["enum"] = new JsonArray(value?.DeepClone());
                    }

                    foreach (var child in obj.Select(p => p.Value).ToList())
                    {
                        Rewrite(child);
                    }

                    break;
                case JsonArray array:
                    foreach (var child in array)
                    {
                        Rewrite(child);
                    }

                    break;
            }
        }
    }

    private static IEnumerable<SchemaError> Flatten(IEnumerable<ValidationError> errors)
    {
        foreach (var error in errors)
        {
            if (error is ChildSchemaValidationError child && child.Errors.Count > 0)
            {
                foreach (var nested in child.Errors.SelectMany(e => Flatten(e.Value)))
                {
                    yield return nested;
                }
            }
            else
            {
                yield return new SchemaError(error.Kind.ToString(), ToJsonPath(error.Path), error.Property ?? string.Empty);
            }
        }
    }

    // NJsonSchema paths look like "#/results[0].uuid"; reports use "$.results[0].uuid".
    private static string ToJsonPath(string? path) =>
        string.IsNullOrEmpty(path) || path == "#" ? "$" : "$" + (path.StartsWith("#/", StringComparison.Ordinal) ? "." + path[2..] : path.TrimStart('#'));
}
