using System.Text.Json.Nodes;

namespace Conformance.OpenApi;

/// <summary>
/// Turns the JSON Schema files under schemas/ into OpenAPI components: one component per endpoint
/// schema file (named after the file, e.g. <c>am.transfer.status.200</c>) and one per shared
/// definition (<c>definitions.uuid</c>, <c>storage-definitions.meta</c>), with every <c>$ref</c>
/// rewritten to <c>#/components/schemas/...</c>. The JSON Schema itself is kept as written (OpenAPI
/// 3.1 schemas are JSON Schema); only <c>$schema</c> goes, since the document sets the dialect.
/// </summary>
public sealed class SchemaComponents
{
    private readonly string _schemasRoot;
    private readonly SortedDictionary<string, JsonNode> _components = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _componentByFile = new(StringComparer.Ordinal);

    public SchemaComponents(string schemasRoot)
    {
        _schemasRoot = Path.GetFullPath(schemasRoot);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(_schemasRoot, "common"), "*.json").Order(StringComparer.Ordinal))
        {
            AddDefinitions(file);
        }
    }

    public const string Prefix = "#/components/schemas/";

    /// <summary>Every component added so far, by name, sorted.</summary>
    public IReadOnlyDictionary<string, JsonNode> Components => _components;

    /// <summary>The component for a schema file (relative to schemas/, e.g. "storage/ss.root.200.json"), added on first use.</summary>
    public string RefFor(string relativePath)
    {
        if (_componentByFile.TryGetValue(relativePath, out var existing))
        {
            return Prefix + existing;
        }

        var name = Path.GetFileNameWithoutExtension(relativePath);
        if (_components.ContainsKey(name))
        {
            throw new InvalidOperationException($"Two schema files would both be the component '{name}'; rename one ({relativePath}).");
        }

        var full = Path.Combine(_schemasRoot, relativePath);
        var schema = JsonNode.Parse(File.ReadAllText(full))!.AsObject();
        schema.Remove("$schema");
        Rewrite(schema, Path.GetDirectoryName(full)!, full);
        _componentByFile[relativePath] = name;
        _components[name] = schema;
        return Prefix + name;
    }

    /// <summary>The component of a shared definition, e.g. ("definitions.json", "uuid").</summary>
    public static string DefinitionRef(string commonFile, string definition) => Prefix + DefinitionName(commonFile, definition);

    private static string DefinitionName(string commonFile, string definition) => $"{Path.GetFileNameWithoutExtension(commonFile)}.{definition}";

    private void AddDefinitions(string file)
    {
        var root = JsonNode.Parse(File.ReadAllText(file))!.AsObject();
        if (root["definitions"] is not JsonObject definitions)
        {
            return;
        }

        foreach (var (name, definition) in definitions.ToList())
        {
            var copy = definition!.DeepClone();
            Rewrite(copy, Path.GetDirectoryName(file)!, file);
            _components[DefinitionName(file, name)] = copy;
        }
    }

    // "#/definitions/x" (same file) and "../common/definitions.json#/definitions/x" become component refs.
    private void Rewrite(JsonNode? node, string directory, string currentFile)
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj["$ref"] is JsonValue reference && reference.TryGetValue<string>(out var target))
                {
                    obj["$ref"] = Resolve(target, directory, currentFile);
                }

                foreach (var (key, child) in obj.ToList())
                {
                    if (key != "$ref")
                    {
                        Rewrite(child, directory, currentFile);
                    }
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    Rewrite(child, directory, currentFile);
                }

                break;
        }
    }

    private string Resolve(string target, string directory, string currentFile)
    {
        var hash = target.IndexOf('#', StringComparison.Ordinal);
        var filePart = hash < 0 ? target : target[..hash];
        var pointer = hash < 0 ? string.Empty : target[(hash + 1)..];
        var file = filePart.Length == 0 ? currentFile : Path.GetFullPath(Path.Combine(directory, filePart));
        const string definitionsPointer = "/definitions/";
        if (pointer.StartsWith(definitionsPointer, StringComparison.Ordinal) && !pointer[definitionsPointer.Length..].Contains('/', StringComparison.Ordinal))
        {
            return DefinitionRef(file, pointer[definitionsPointer.Length..]);
        }

        if (pointer.Length == 0 && filePart.Length > 0)
        {
            return RefFor(Path.GetRelativePath(_schemasRoot, file).Replace('\\', '/'));
        }

        throw new InvalidOperationException($"Unsupported $ref '{target}' in {currentFile}: only whole files and #/definitions/<name> are turned into components.");
    }
}
