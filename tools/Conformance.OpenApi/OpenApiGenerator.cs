using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Conformance.OpenApi;

/// <summary>
/// Builds <c>schemas/openapi.json</c>, an OpenAPI 3.1 description of both APIs, from the endpoint
/// catalogue (<c>fixtures/endpoints.json</c>) and the JSON Schemas (<c>schemas/</c>): every path and
/// method, its parameters, request bodies, security (ApiKey header, username/api_key query, HTTP Basic
/// on the Storage Service) and every status the catalogue expects, with media type and schema.
/// Storage Service paths appear once per API version (<c>/api/v2/...</c> and <c>/api/v1/...</c>).
/// The output is deterministic, so the committed file can be compared with a fresh one.
/// </summary>
public static partial class OpenApiGenerator
{
    public const string RelativePath = "schemas/openapi.json";

    /// <summary>The Storage Service API versions, in the order their paths appear.</summary>
    public static readonly string[] StorageApiVersions = ["v2", "v1"];

    /// <summary>Loopback addresses the standalone reference server uses in the README; replace with your instance.</summary>
    public const string DashboardServer = "http://127.0.0.1:62080";

    public const string StorageServer = "http://127.0.0.1:62081";

    // Request headers OpenAPI describes elsewhere (security, media types) or that are no part of the API.
    private static readonly HashSet<string> UndescribedHeaders = new(StringComparer.OrdinalIgnoreCase) { "Accept", "Content-Type", "Authorization", "User-Agent" };

    public static string Generate(string repositoryRoot) => Render(Build(repositoryRoot));

    public static string Render(JsonNode document) =>
        document.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }).Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";

    public static JsonObject Build(string repositoryRoot)
    {
        var catalogue = JsonNode.Parse(File.ReadAllText(Path.Combine(repositoryRoot, "fixtures", "endpoints.json")))!.AsObject();
        var components = new SchemaComponents(Path.Combine(repositoryRoot, "schemas"));
        var services = catalogue["services"]!.AsObject();
        var endpoints = catalogue["endpoints"]!.AsArray().Select(e => e!.AsObject()).ToList();

        var paths = new JsonObject();
        var tags = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var service in new[] { "archivematica", "storage" })
        {
            var contract = services[service]!.AsObject();
            var versions = service == "storage" ? StorageApiVersions.Select(v => (string?)v) : [null];
            foreach (var apiVersion in versions)
            {
                foreach (var endpoint in endpoints.Where(e => (string)e["service"]! == service))
                {
                    var path = ((string)endpoint["path"]!).Replace("{api_version}", apiVersion, StringComparison.Ordinal);
                    if (paths[path] is not JsonObject item)
                    {
                        item = PathItem(endpoint, service);
                        paths[path] = item;
                    }

                    var method = ((string)endpoint["method"]!).ToLowerInvariant();
                    if (item.ContainsKey(method))
                    {
                        throw new InvalidOperationException($"{method.ToUpperInvariant()} {path} is in the catalogue twice.");
                    }

                    item[method] = Operation(endpoint, service, contract, apiVersion, path, components);
                    var tag = Tag(endpoint);
                    tags[tag] = $"{(service == "archivematica" ? "Archivematica dashboard API" : "Storage Service API")}: {endpoint["resource"]} endpoints.";
                }
            }
        }

        var schemas = new JsonObject();
        foreach (var (name, schema) in components.Components)
        {
            schemas[name] = schema.DeepClone();
        }

        return new JsonObject
        {
            ["openapi"] = "3.1.0",
            ["info"] = Info(),
            ["jsonSchemaDialect"] = "https://spec.openapis.org/oas/3.1/dialect/base",
            ["servers"] = new JsonArray(Server(DashboardServer, "Archivematica dashboard API (the standalone reference server's default; use your dashboard's URL)")),
            ["tags"] = new JsonArray(tags.Select(t => (JsonNode)new JsonObject { ["name"] = t.Key, ["description"] = t.Value }).ToArray()),
            ["paths"] = paths,
            ["components"] = new JsonObject
            {
                ["securitySchemes"] = SecuritySchemes(),
                ["schemas"] = schemas,
            },
            ["x-conformance-excluded"] = catalogue["excluded"]!.DeepClone(),
        };
    }

    private static JsonObject Info() => new()
    {
        ["title"] = "Archivematica dashboard and Storage Service REST APIs",
        ["version"] = "1.13.2+0.19.0",
        ["summary"] = "The two REST APIs as the conformance suite checks them: Archivematica 1.13.2 (dashboard) and Storage Service 0.19, with later versions' differences noted.",
        ["description"] =
            "Generated from fixtures/endpoints.json and schemas/ by tools/Conformance.OpenApi; do not edit by hand " +
            "(regenerate with `UPDATE_OPENAPI=1 dotnet test tests/Conformance.SelfTests --filter Name~Committed_document` or " +
            "`dotnet run --project tools/Conformance.OpenApi`).\n\n" +
            "Dashboard paths start with /api/transfer, /api/ingest, /api/v2beta, ...; Storage Service paths with /api/v1 or /api/v2 " +
            "and are served from the Storage Service's own base URL (each of its path items says so in `servers`).\n\n" +
            "Behaviour that OpenAPI cannot express is kept in extensions: `x-conformance-id` (the catalogue id), `x-conformance-tier` " +
            "(read-only, mutating or destructive), `x-conformance-versions` (releases the endpoint exists in), " +
            "`x-conformance-trailing-slash` (`required`: the path without its final slash answers 301 to this one), " +
            "`x-conformance-allowed-methods` (every other method answers 405 before authentication), and `x-conformance-excluded` " +
            "(behaviour deliberately not described, with the reason).",
        ["license"] = new JsonObject { ["name"] = "AGPL-3.0-or-later (Archivematica)", ["identifier"] = "AGPL-3.0-or-later" },
    };

    private static JsonObject Server(string url, string description) => new() { ["url"] = url, ["description"] = description };

    private static JsonObject SecuritySchemes() => new()
    {
        ["apiKeyHeader"] = new JsonObject
        {
            ["type"] = "apiKey",
            ["in"] = "header",
            ["name"] = "Authorization",
            ["description"] = "`Authorization: ApiKey <username>:<api_key>`. A well-formed header wins over query credentials; a malformed one (no colon, another scheme) does not fall back to them.",
        },
        ["usernameQuery"] = new JsonObject
        {
            ["type"] = "apiKey",
            ["in"] = "query",
            ["name"] = "username",
            ["description"] = "The user name, together with `api_key` in the query string.",
        },
        ["apiKeyQuery"] = new JsonObject
        {
            ["type"] = "apiKey",
            ["in"] = "query",
            ["name"] = "api_key",
            ["description"] = "The API key, together with `username` in the query string.",
        },
        ["basicAuth"] = new JsonObject
        {
            ["type"] = "http",
            ["scheme"] = "basic",
            ["description"] = "Storage Service only: the user's name and password. The dashboard never honours Basic.",
        },
        ["sessionCookie"] = new JsonObject
        {
            ["type"] = "apiKey",
            ["in"] = "cookie",
            ["name"] = "sessionid",
            ["description"] = "A logged-in Django session (SWORD write routes): API keys are never honoured there.",
        },
    };

    private static JsonObject PathItem(JsonObject endpoint, string service)
    {
        var item = new JsonObject();
        if (service == "storage")
        {
            item["servers"] = new JsonArray(Server(StorageServer, "Storage Service API (the standalone reference server's default; use your Storage Service's URL)"));
        }

        item["x-conformance-allowed-methods"] = endpoint["allowedMethods"]!.DeepClone();
        return item;
    }

    private static string Tag(JsonObject endpoint) => $"{((string)endpoint["service"]! == "archivematica" ? "dashboard" : "storage")}.{endpoint["resource"]}";

    private static JsonObject Operation(JsonObject endpoint, string service, JsonObject contract, string? apiVersion, string path, SchemaComponents components)
    {
        var id = (string)endpoint["id"]!;
        var auth = (string?)endpoint["auth"] ?? "key";
        var request = endpoint["request"]!.AsObject();
        var cases = endpoint["cases"]?.AsArray().Select(c => c!.AsObject()).Where(c => c["method"] is null || (string)c["method"]! == (string)endpoint["method"]!).ToList() ?? [];

        var operation = new JsonObject
        {
            ["operationId"] = apiVersion is null ? id : $"{id}.{apiVersion}",
            ["summary"] = id + (apiVersion is null ? string.Empty : $" (API {apiVersion})"),
            ["description"] = Description(endpoint, cases),
            ["tags"] = new JsonArray(Tag(endpoint)),
        };

        var parameters = Parameters(path, request, cases);
        if (parameters.Count > 0)
        {
            operation["parameters"] = parameters;
        }

        if (RequestBody(request, cases) is { } body)
        {
            operation["requestBody"] = body;
        }

        operation["responses"] = Responses(endpoint, contract, auth, cases, components);
        operation["security"] = auth switch
        {
            "none" => new JsonArray(new JsonObject()),
            "session" => new JsonArray(new JsonObject { ["sessionCookie"] = new JsonArray() }),
            _ => Security(service),
        };
        operation["x-conformance-id"] = id;
        operation["x-conformance-tier"] = (string)endpoint["tier"]!;
        operation["x-conformance-trailing-slash"] = (string)endpoint["trailingSlash"]!;
        if (endpoint["versions"] is JsonObject versions)
        {
            operation["x-conformance-versions"] = versions.DeepClone();
        }

        return operation;
    }

    private static string Description(JsonObject endpoint, List<JsonObject> cases)
    {
        var text = $"Catalogue endpoint `{endpoint["id"]}` ({endpoint["tier"]}).";
        if ((string?)endpoint["auth"] == "none")
        {
            text += " Answers without credentials; any credentials sent are ignored.";
        }
        else if ((string?)endpoint["auth"] == "session")
        {
            text += " API keys are never honoured here (session login only).";
        }

        if ((string)endpoint["trailingSlash"]! == "required")
        {
            text += " The path without its final slash answers 301 to this one.";
        }

        if (endpoint["request"]?["headers"] is JsonObject headers && headers.Any(h => UndescribedHeaders.Contains(h.Key) && h.Key != "User-Agent"))
        {
            text += " The valid request sends " + string.Join(", ", headers.Where(h => UndescribedHeaders.Contains(h.Key) && h.Key != "User-Agent").Select(h => $"`{h.Key}: {h.Value}`")) + ".";
        }

        if (cases.Count > 0)
        {
            text += " Error and edge cases the suite checks: " + string.Join(", ", cases.Select(c => $"`{c["name"]}`")) + ".";
        }

        return text;
    }

    private static JsonArray Security(string service)
    {
        var security = new JsonArray(
            new JsonObject { ["apiKeyHeader"] = new JsonArray() },
            new JsonObject { ["usernameQuery"] = new JsonArray(), ["apiKeyQuery"] = new JsonArray() });
        if (service == "storage")
        {
            security.Add(new JsonObject { ["basicAuth"] = new JsonArray() });
        }

        return security;
    }

    private static JsonArray Parameters(string path, JsonObject request, List<JsonObject> cases)
    {
        var parameters = new JsonArray();
        foreach (Match match in PathParameter().Matches(path))
        {
            var name = match.Groups[1].Value;
            parameters.Add(new JsonObject
            {
                ["name"] = name,
                ["in"] = "path",
                ["required"] = true,
                ["description"] = name switch
                {
                    "uuid" => "The object's UUID.",
                    "first" or "second" => $"The {name} identifier of a set request (`<first>;<second>`).",
                    "name" => "The processing configuration's name.",
                    "id" => "The async task's numeric id.",
                    "purpose" => "A location purpose code, e.g. AS (AIP storage) or TS (transfer source).",
                    "validator" => "The validator's name, e.g. avalon or rights.",
                    "chunk_number" => "The chunk (LOCKSS) to download.",
                    _ => $"The {name}.",
                },
                ["schema"] = name switch
                {
                    "uuid" => new JsonObject { ["$ref"] = SchemaComponents.DefinitionRef("definitions.json", "uuid") },
                    "id" or "chunk_number" => new JsonObject { ["type"] = "integer", ["minimum"] = 0 },
                    _ => new JsonObject { ["type"] = "string" },
                },
            });
        }

        // Query parameters: the valid request's first, then those only the edge cases send.
        var query = new List<(string Name, JsonNode? Value, bool Valid)>();
        foreach (var (name, value) in (request["query"] as JsonObject) ?? [])
        {
            query.Add((name, value, true));
        }

        foreach (var c in cases)
        {
            foreach (var (name, value) in (c["request"]?["query"] as JsonObject) ?? [])
            {
                if (query.All(q => q.Name != name))
                {
                    query.Add((name, value, false));
                }
            }
        }

        foreach (var (name, value, valid) in query)
        {
            var parameter = new JsonObject
            {
                ["name"] = name,
                ["in"] = "query",
                ["required"] = false,
                ["description"] = valid ? "Sent by the valid request." : "Sent by an edge case the suite checks (" +
                    string.Join(", ", cases.Where(c => (c["request"]?["query"] as JsonObject)?.ContainsKey(name) == true).Select(c => $"`{c["name"]}`")) + ").",
                ["schema"] = value is JsonArray ? new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["type"] = "string" } } : new JsonObject { ["type"] = "string" },
            };
            parameters.Add(parameter);
        }

        var headers = new List<string>();
        foreach (var r in new[] { request }.Concat(cases.Select(c => c["request"] as JsonObject).OfType<JsonObject>()))
        {
            foreach (var (name, _) in (r["headers"] as JsonObject) ?? [])
            {
                if (!UndescribedHeaders.Contains(name) && !headers.Contains(name, StringComparer.OrdinalIgnoreCase))
                {
                    headers.Add(name);
                }
            }
        }

        foreach (var name in headers)
        {
            parameters.Add(new JsonObject
            {
                ["name"] = name,
                ["in"] = "header",
                ["required"] = false,
                ["schema"] = new JsonObject { ["type"] = "string" },
            });
        }

        return parameters;
    }

    private static JsonObject? RequestBody(JsonObject request, List<JsonObject> cases)
    {
        var content = new JsonObject();
        var required = false;
        foreach (var (r, valid) in new[] { (request, true) }.Concat(cases.Select(c => (Merge(request, c["request"] as JsonObject), false))))
        {
            var (mediaType, schema) = BodyOf(r);
            if (mediaType is null)
            {
                continue;
            }

            required |= valid;
            if (!content.ContainsKey(mediaType))
            {
                content[mediaType] = new JsonObject { ["schema"] = schema };
            }
        }

        return content.Count == 0 ? null : new JsonObject { ["required"] = required, ["content"] = content };
    }

    // A case's request parts replace the endpoint's; a part set to null removes it.
    private static JsonObject Merge(JsonObject request, JsonObject? overrides)
    {
        var merged = request.DeepClone().AsObject();
        foreach (var (key, value) in overrides ?? [])
        {
            if (value is null)
            {
                merged.Remove(key);
            }
            else
            {
                merged[key] = value.DeepClone();
            }
        }

        return merged;
    }

    private static (string? MediaType, JsonObject Schema) BodyOf(JsonObject request)
    {
        if (request["form"] is JsonObject form)
        {
            var properties = new JsonObject();
            foreach (var (name, value) in form)
            {
                properties[name] = value is JsonArray ? new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["type"] = "string" } } : new JsonObject { ["type"] = "string" };
            }

            return ((string?)request["contentType"] ?? "application/x-www-form-urlencoded", new JsonObject { ["type"] = "object", ["properties"] = properties });
        }

        if (request["json"] is { } json)
        {
            return ((string?)request["contentType"] ?? "application/json", ShapeOf(json));
        }

        if (request["body"] is not null || request["contentType"] is not null)
        {
            return ((string?)request["contentType"] ?? "application/octet-stream", new JsonObject { ["type"] = "string" });
        }

        return (null, []);
    }

    // The shape of a sample JSON body: types and property names, not values (they are placeholders).
    private static JsonObject ShapeOf(JsonNode? sample) => sample switch
    {
        JsonObject obj => new JsonObject
        {
            ["type"] = "object",
            ["properties"] = new JsonObject(obj.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)ShapeOf(p.Value)))),
        },
        JsonArray array => array.Count > 0 ? new JsonObject { ["type"] = "array", ["items"] = ShapeOf(array[0]) } : new JsonObject { ["type"] = "array" },
        JsonValue value when value.GetValueKind() is JsonValueKind.True or JsonValueKind.False => new JsonObject { ["type"] = "boolean" },
        JsonValue value when value.GetValueKind() == JsonValueKind.Number => new JsonObject { ["type"] = "number" },
        JsonValue => new JsonObject { ["type"] = "string" },
        _ => new JsonObject { ["type"] = "null" },
    };

    private sealed record Answer(int Status, string? ContentType, string Body, string? Schema, string? ExactBody, JsonObject? Headers, string Source, JsonObject? Versions);

    private static JsonObject Responses(JsonObject endpoint, JsonObject contract, string auth, List<JsonObject> cases, SchemaComponents components)
    {
        var answers = new List<Answer>();
        foreach (var expect in endpoint["expect"]!.AsArray().Select(x => x!.AsObject()))
        {
            var headers = expect["headers"]?.DeepClone().AsObject() ?? [];
            var status = (int)expect["status"]!;
            if (auth == "key" && status is >= 200 and < 300)
            {
                foreach (var (name, pattern) in contract["successHeaders"]!.AsObject())
                {
                    headers[name] = pattern!.DeepClone();
                }
            }

            answers.Add(ToAnswer(expect, headers, "the valid request"));
        }

        foreach (var c in cases)
        {
            foreach (var expect in c["expect"]!.AsArray().Select(x => x!.AsObject()))
            {
                answers.Add(ToAnswer(expect, expect["headers"]?.DeepClone().AsObject(), $"`{c["name"]}`"));
            }
        }

        if (auth == "key")
        {
            var failure = contract["authFailure"]!.AsObject();
            answers.Add(ToAnswer(failure, failure["headers"]?.DeepClone().AsObject(), "missing or wrong credentials"));
        }

        var responses = new JsonObject();
        foreach (var group in answers.GroupBy(a => a.Status).OrderBy(g => g.Key))
        {
            var response = new JsonObject
            {
                ["description"] = $"{ReasonPhrase(group.Key)}: {string.Join("; ", group.Select(a => a.Source + VersionNote(a.Versions)).Distinct())}.",
            };
            var headers = new JsonObject();
            foreach (var answer in group)
            {
                foreach (var (name, pattern) in answer.Headers ?? [])
                {
                    headers[name] ??= new JsonObject { ["required"] = true, ["schema"] = new JsonObject { ["type"] = "string", ["pattern"] = pattern!.DeepClone() } };
                }
            }

            if (headers.Count > 0)
            {
                response["headers"] = headers;
            }

            var content = new JsonObject();
            foreach (var byType in group.Where(a => MediaTypeOf(a) is not null).GroupBy(a => MediaTypeOf(a)!))
            {
                var schemas = byType.Select(a => SchemaOf(a, components)).DistinctBy(s => s.ToJsonString()).ToList();
                var media = new JsonObject
                {
                    ["schema"] = schemas.Count == 1 ? schemas[0] : new JsonObject { ["anyOf"] = new JsonArray(schemas.Select(s => (JsonNode)s).ToArray()) },
                };
                if (byType.Select(a => a.ExactBody).FirstOrDefault(b => b is not null) is { } exact)
                {
                    media["example"] = byType.First().Body == "json" ? JsonNode.Parse(exact) : exact;
                }

                content[byType.Key] = media;
            }

            if (content.Count > 0)
            {
                response["content"] = content;
            }

            responses[group.Key.ToString(System.Globalization.CultureInfo.InvariantCulture)] = response;
        }

        return responses;
    }

    private static Answer ToAnswer(JsonObject expect, JsonObject? headers, string source) => new(
        (int)expect["status"]!,
        (string?)expect["contentType"],
        // An expectation with a schema but no body kind (the dashboard's auth failure) has a JSON body.
        (string?)expect["body"] ?? (expect["schema"] is null ? "any" : "json"),
        (string?)expect["schema"],
        (string?)expect["exactBody"],
        headers is { Count: > 0 } ? headers : null,
        source,
        expect["versions"] as JsonObject);

    private static string VersionNote(JsonObject? versions) =>
        versions is null ? string.Empty : " (" + string.Join(", ", versions.Select(v => $"{v.Key} {v.Value}")) + ")";

    // An empty body has no content; a body without a declared Content-Type is described by its kind.
    private static string? MediaTypeOf(Answer answer) => answer.Body == "empty" ? null : answer.ContentType ?? answer.Body switch
    {
        "xml" => "application/xml",
        "json" => "application/json",
        "text" => "text/plain",
        _ => "application/octet-stream",
    };

    private static JsonObject SchemaOf(Answer answer, SchemaComponents components) => answer.Body switch
    {
        "json" when answer.Schema is not null => new JsonObject { ["$ref"] = components.RefFor(answer.Schema) },
        "json" => new JsonObject(),
        "binary" or "any" => new JsonObject { ["type"] = "string", ["format"] = "binary" },
        _ => new JsonObject { ["type"] = "string" },
    };

    private static string ReasonPhrase(int status) => status switch
    {
        200 => "OK",
        201 => "Created",
        202 => "Accepted",
        204 => "No Content",
        301 => "Moved Permanently",
        302 => "Found",
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        409 => "Conflict",
        415 => "Unsupported Media Type",
        500 => "Internal Server Error",
        501 => "Not Implemented",
        _ => $"Status {status}",
    };

    [GeneratedRegex(@"\{([A-Za-z_][A-Za-z0-9_]*)\}")]
    private static partial Regex PathParameter();
}
