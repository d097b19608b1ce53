using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Conformance.OpenApi;

/// <summary>
/// Derives from <c>schemas/openapi.json</c> the form Dredd 14 reads well: a Swagger 2.0 document
/// for one service, its read-only operations only, each with its success response, and every
/// parameter given the value the suite itself sent (taken from the reference server's request log),
/// so Dredd sends the same requests the suite does. JSON Schemas are brought down to what Swagger 2
/// allows (<c>const</c> becomes a one-value <c>enum</c>; <c>["string", "null"]</c> becomes
/// <c>x-nullable</c>; keywords Swagger 2 lacks, such as <c>anyOf</c>, are dropped, which only loosens
/// the check).
/// </summary>
public static partial class DreddDocument
{
    public sealed record Result(JsonObject Document, int Operations, IReadOnlyList<string> Omitted);

    public static Result Build(JsonObject openApi, string service, IEnumerable<LoggedRequest> requests)
    {
        var byCase = new Dictionary<string, LoggedRequest>(StringComparer.Ordinal);
        foreach (var request in requests)
        {
            if (request.TestName is { } name && CaseName().Match(name) is { Success: true } m && m.Groups["mode"].Value == "Header")
            {
                byCase.TryAdd(m.Groups["case"].Value, request);
            }
        }

        var paths = new JsonObject();
        var omitted = new List<string>();
        var operations = 0;
        foreach (var (path, itemNode) in openApi["paths"]!.AsObject())
        {
            var item = itemNode!.AsObject();
            var itemService = item.ContainsKey("servers") ? "storage" : "archivematica";
            if (itemService != service)
            {
                continue;
            }

            foreach (var (method, operationNode) in item.Where(p => !p.Key.StartsWith("x-", StringComparison.Ordinal) && p.Key != "servers" && p.Key != "parameters"))
            {
                var operation = operationNode!.AsObject();
                if ((string?)operation["x-conformance-tier"] != "read-only")
                {
                    continue;
                }

                var caseName = (string)operation["x-conformance-id"]! + (ApiVersion().Match(path) is { Success: true } v ? "@" + v.Groups[1].Value : string.Empty);
                var success = operation["responses"]!.AsObject().Where(r => r.Key.StartsWith('2')).ToList();
                if (success.Count == 0)
                {
                    omitted.Add($"{caseName}: no 2xx answer to test (Dredd checks only those)");
                    continue;
                }

                if (success[0].Value?["content"] is JsonObject content && content.Any(m => m.Key.Contains("json", StringComparison.OrdinalIgnoreCase) && m.Value?["schema"]?["type"]?.ToString() == "string"))
                {
                    omitted.Add($"{caseName}: answers a JSON Content-Type with a body that is not JSON, which Dredd cannot validate");
                    continue;
                }

                if (!byCase.TryGetValue(caseName, out var sent))
                {
                    omitted.Add($"{caseName}: the suite sent no valid request (the case was not run on this target)");
                    continue;
                }

                if (Operation(path, operation, success[0], sent) is not { } converted)
                {
                    omitted.Add($"{caseName}: the request the suite sent does not match {path}");
                    continue;
                }

                paths[path] ??= new JsonObject();
                paths[path]![method] = converted;
                operations++;
            }
        }

        // Only the definitions the kept operations reach: Dredd's parser checks every one it is given.
        var components = openApi["components"]!["schemas"]!.AsObject();
        var definitions = new JsonObject();
        var pending = new Queue<string>(References(paths));
        while (pending.TryDequeue(out var name))
        {
            if (!definitions.ContainsKey(name))
            {
                definitions[name] = Downgrade(components[name]);
                foreach (var next in References(definitions[name]))
                {
                    pending.Enqueue(next);
                }
            }
        }

        definitions = new JsonObject(definitions.OrderBy(d => d.Key, StringComparer.Ordinal).Select(d => KeyValuePair.Create(d.Key, d.Value?.DeepClone())));

        var document = new JsonObject
        {
            ["swagger"] = "2.0",
            ["info"] = new JsonObject
            {
                ["title"] = $"{openApi["info"]!["title"]} ({service}, read-only, for Dredd)",
                ["version"] = openApi["info"]!["version"]!.DeepClone(),
            },
            ["schemes"] = new JsonArray("http"),
            ["paths"] = paths,
            ["definitions"] = definitions,
        };
        return new Result(document, operations, omitted);
    }

    private static JsonObject? Operation(string path, JsonObject operation, KeyValuePair<string, JsonNode?> success, LoggedRequest sent)
    {
        var (sentPath, sentQuery) = Split(sent.Target);
        var match = Template(path).Match(sentPath);
        if (!match.Success)
        {
            return null;
        }

        var parameters = new JsonArray();
        foreach (var parameter in operation["parameters"]?.AsArray().Select(p => p!.AsObject()) ?? [])
        {
            var name = (string)parameter["name"]!;
            var location = (string)parameter["in"]!;
            string? example = location switch
            {
                "path" => Uri.UnescapeDataString(match.Groups[name].Value),
                "query" => sentQuery.FirstOrDefault(q => q.Key == name).Value,
                "header" => sent.Header(name),
                _ => null,
            };
            if (location != "path" && example is null)
            {
                continue; // Dredd sends every parameter that has an example: only those the suite sent.
            }

            var converted = new JsonObject
            {
                ["name"] = name,
                ["in"] = location,
                ["required"] = location == "path",
                ["type"] = "string",
                ["x-example"] = example,
            };
            parameters.Add(converted);
        }

        // Accept is no OpenAPI 3 parameter, but some routes answer on it (processing configuration: 415 without it).
        if (sent.Header("Accept") is { } accept)
        {
            parameters.Add(new JsonObject { ["name"] = "Accept", ["in"] = "header", ["required"] = false, ["type"] = "string", ["x-example"] = accept });
        }

        var consumes = new JsonArray();
        if (sent.Body is { Length: > 0 } body && sent.Header("Content-Type") is { } contentType)
        {
            consumes.Add(contentType);
            parameters.Add(new JsonObject
            {
                ["name"] = "body",
                ["in"] = "body",
                ["required"] = true,
                ["schema"] = new JsonObject { ["type"] = "string", ["example"] = System.Text.Encoding.UTF8.GetString(body) },
            });
        }

        var response = success.Value!.AsObject();
        var converted200 = new JsonObject { ["description"] = response["description"]!.DeepClone() };
        var produces = new JsonArray();
        if (response["content"] is JsonObject content && content.FirstOrDefault() is { Key: { } mediaType, Value: JsonObject media })
        {
            produces.Add(mediaType);
            if (media["schema"] is JsonObject schema && mediaType.Contains("json", StringComparison.OrdinalIgnoreCase))
            {
                converted200["schema"] = Downgrade(schema);
            }
        }

        if (response["headers"] is JsonObject headers)
        {
            var converted = new JsonObject();
            foreach (var (name, header) in headers)
            {
                converted[name] = new JsonObject { ["type"] = "string", ["pattern"] = header?["schema"]?["pattern"]?.DeepClone() };
            }

            converted200["headers"] = converted;
        }

        var operationOut = new JsonObject
        {
            ["operationId"] = operation["operationId"]!.DeepClone(),
            ["summary"] = operation["summary"]!.DeepClone(),
            ["produces"] = produces,
        };
        if (consumes.Count > 0)
        {
            operationOut["consumes"] = consumes;
        }

        if (parameters.Count > 0)
        {
            operationOut["parameters"] = parameters;
        }

        operationOut["responses"] = new JsonObject { [success.Key] = converted200 };
        return operationOut;
    }

    private static (string Path, List<KeyValuePair<string, string>> Query) Split(string target)
    {
        var q = target.IndexOf('?', StringComparison.Ordinal);
        if (q < 0)
        {
            return (target, []);
        }

        var query = target[(q + 1)..].Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .Select(p => KeyValuePair.Create(Unescape(p[0]), p.Length > 1 ? Unescape(p[1]) : string.Empty))
            .ToList();
        return (target[..q], query);

        static string Unescape(string s) => Uri.UnescapeDataString(s.Replace('+', ' '));
    }

    private static Regex Template(string path) => new(
        "^" + PathParameterOrLiteral().Replace(path, m => m.Groups[1].Success ? $"(?<{m.Groups[1].Value}>[^/;]+?)" : Regex.Escape(m.Value).Replace(";", "(?:;|%3[Bb])", StringComparison.Ordinal)) + "$",
        RegexOptions.None,
        TimeSpan.FromSeconds(1));

    /// <summary>A JSON Schema as Swagger 2 accepts it (a draft-04 subset), refs pointing at #/definitions.</summary>
    public static JsonNode Downgrade(JsonNode? schema)
    {
        if (schema is not JsonObject obj)
        {
            return new JsonObject();
        }

        var result = new JsonObject();
        foreach (var (key, value) in obj)
        {
            switch (key)
            {
                case "$ref":
                    result["$ref"] = ((string)value!).Replace(SchemaComponents.Prefix, "#/definitions/", StringComparison.Ordinal);
                    break;
                case "const":
                    result["enum"] = new JsonArray(value?.DeepClone());
                    break;
                case "type" when value is JsonArray types:
                    var named = types.Select(t => (string)t!).ToList();
                    var notNull = named.Where(t => t != "null").ToList();
                    if (notNull.Count == 1)
                    {
                        result["type"] = notNull[0];
                        if (named.Contains("null"))
                        {
                            result["x-nullable"] = true;
                        }
                    }

                    break;
                case "properties":
                    result["properties"] = new JsonObject(value!.AsObject().Select(p => KeyValuePair.Create(p.Key, (JsonNode?)Downgrade(p.Value))));
                    break;
                case "items" or "additionalProperties" when value is JsonObject:
                    result[key] = Downgrade(value);
                    break;
                case "allOf":
                    result["allOf"] = new JsonArray(value!.AsArray().Select(s => (JsonNode?)Downgrade(s)).ToArray());
                    break;
                case "anyOf" or "oneOf" or "not" or "patternProperties" or "examples" or "$comment" or "contains" or "propertyNames" or "if" or "then" or "else" or "$id":
                    break;
                default:
                    result[key] = value?.DeepClone();
                    break;
            }
        }

        // Without its patternProperties, "additionalProperties": false would reject what they allowed.
        if (obj.ContainsKey("patternProperties"))
        {
            result.Remove("additionalProperties");
        }

        // Swagger 2 parsers reject "required" names that "properties" lacks (the schemas split them
        // across allOf branches): such names get an unconstrained property, so they stay required.
        if (result["required"] is JsonArray required)
        {
            var properties = result["properties"] as JsonObject ?? [];
            foreach (var name in required.Select(r => (string)r!).Where(n => !properties.ContainsKey(n)))
            {
                properties[name] = new JsonObject();
            }

            result["properties"] = properties;
        }

        // A const whose type was dropped with a null alternative keeps its one value; enums with null need x-nullable.
        if (result["enum"] is JsonArray values && values.Any(v => v is null) && result["type"] is not null)
        {
            result["x-nullable"] = true;
        }

        return result;
    }

    private static IEnumerable<string> References(JsonNode? node)
    {
        const string prefix = "#/definitions/";
        switch (node)
        {
            case JsonObject obj:
                if ((string?)(obj["$ref"] as JsonValue) is { } reference && reference.StartsWith(prefix, StringComparison.Ordinal))
                {
                    yield return reference[prefix.Length..];
                }

                foreach (var (_, child) in obj)
                {
                    foreach (var found in References(child))
                    {
                        yield return found;
                    }
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    foreach (var found in References(child))
                    {
                        yield return found;
                    }
                }

                break;
        }
    }

    [GeneratedRegex(@"\{([A-Za-z_][A-Za-z0-9_]*)\}|[^{]+")]
    private static partial Regex PathParameterOrLiteral();

    [GeneratedRegex(@"^/api/(v\d+)/")]
    private static partial Regex ApiVersion();

    // "Conformance.Tests.ReadOnlyEndpoints.Answers_per_contract(ss.pipeline.list@v2, Header)"
    [GeneratedRegex(@"Answers_per_contract\((?<case>[^,()]+), (?<mode>[A-Za-z]+)\)$")]
    private static partial Regex CaseName();
}

/// <summary>One line of the reference server's <c>--request-log</c> file.</summary>
public sealed record LoggedRequest(string Method, string Target, IReadOnlyList<KeyValuePair<string, string>> Headers, byte[]? Body, int Status)
{
    public string? TestName => Header("X-Conformance-Test");

    public string? Header(string name) => Headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    public static IEnumerable<LoggedRequest> Read(string file) =>
        File.ReadLines(file).Where(l => l.Length > 0).Select(line =>
        {
            var node = JsonNode.Parse(line)!;
            return new LoggedRequest(
                (string)node["method"]!,
                (string)node["target"]!,
                node["headers"]!.AsArray().Select(h => KeyValuePair.Create((string)h![0]!, (string)h[1]!)).ToList(),
                (string?)node["body"] is { } b ? Convert.FromBase64String(b) : null,
                (int)node["status"]!);
        });
}
