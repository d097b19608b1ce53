using System.Text.Json.Nodes;
using Conformance.OpenApi;
using FluentAssertions;
using NUnit.Framework;

namespace Conformance.SelfTests.OpenApi;

/// <summary>
/// schemas/openapi.json is generated from the catalogue and the schemas (tools/Conformance.OpenApi)
/// and must not drift from them. UPDATE_OPENAPI=1 rewrites it instead of failing.
/// </summary>
[TestFixture]
public sealed class OpenApiDocumentTests
{
    private static readonly Lazy<string> Generated = new(() => OpenApiGenerator.Generate(Paths.Root));

    private static JsonObject Document => JsonNode.Parse(Generated.Value)!.AsObject();

    private static JsonObject Catalogue => JsonNode.Parse(File.ReadAllText(Paths.Catalogue))!.AsObject();

    [Test]
    public void Committed_document_matches_the_catalogue_and_schemas()
    {
        var file = Path.Combine(Paths.Root, OpenApiGenerator.RelativePath);
        if (Environment.GetEnvironmentVariable("UPDATE_OPENAPI") == "1")
        {
            File.WriteAllText(file, Generated.Value);
            Assert.Pass($"UPDATE_OPENAPI=1: rewrote {OpenApiGenerator.RelativePath}; commit it.");
        }

        var committed = File.Exists(file) ? File.ReadAllText(file).Replace("\r\n", "\n", StringComparison.Ordinal) : string.Empty;
        if (committed == Generated.Value)
        {
            return;
        }

        var (expected, actual) = (Generated.Value.Split('\n'), committed.Split('\n'));
        var line = Enumerable.Range(0, Math.Min(expected.Length, actual.Length)).FirstOrDefault(i => expected[i] != actual[i], Math.Min(expected.Length, actual.Length));
        Assert.Fail(
            $"{OpenApiGenerator.RelativePath} has drifted from fixtures/endpoints.json and schemas/ (first difference at line {line + 1}:\n" +
            $"  committed: {(line < actual.Length ? actual[line].Trim() : "<end of file>")}\n" +
            $"  generated: {(line < expected.Length ? expected[line].Trim() : "<end of file>")}).\n" +
            "Regenerate it with `UPDATE_OPENAPI=1 dotnet test tests/Conformance.SelfTests --filter Name~Committed_document` " +
            "(or `dotnet run --project tools/Conformance.OpenApi`) and commit the result.");
    }

    [Test]
    public void Every_catalogue_endpoint_is_an_operation_under_each_api_version()
    {
        var paths = Document["paths"]!.AsObject();
        foreach (var endpoint in Catalogue["endpoints"]!.AsArray().Select(e => e!.AsObject()))
        {
            var path = (string)endpoint["path"]!;
            var versions = path.Contains("{api_version}", StringComparison.Ordinal) ? OpenApiGenerator.StorageApiVersions : [string.Empty];
            foreach (var version in versions)
            {
                var concrete = path.Replace("{api_version}", version, StringComparison.Ordinal);
                var operation = paths[concrete]?[((string)endpoint["method"]!).ToLowerInvariant()];
                operation.Should().NotBeNull($"{endpoint["method"]} {concrete} ({endpoint["id"]}) must be described");
                ((string)operation!["x-conformance-id"]!).Should().Be((string)endpoint["id"]!);
            }
        }
    }

    [Test]
    public void Every_expected_status_is_a_response_with_its_schema()
    {
        var paths = Document["paths"]!.AsObject();
        foreach (var endpoint in Catalogue["endpoints"]!.AsArray().Select(e => e!.AsObject()))
        {
            var path = ((string)endpoint["path"]!).Replace("{api_version}", "v2", StringComparison.Ordinal);
            var responses = paths[path]![((string)endpoint["method"]!).ToLowerInvariant()]!["responses"]!.AsObject();
            var expectations = endpoint["expect"]!.AsArray().Concat(endpoint["cases"]?.AsArray().SelectMany(c => c!["expect"]!.AsArray()) ?? []);
            foreach (var expect in expectations.Select(x => x!.AsObject()))
            {
                var status = ((int)expect["status"]!).ToString(System.Globalization.CultureInfo.InvariantCulture);
                responses.ContainsKey(status).Should().BeTrue($"{endpoint["id"]} expects {status}");
                if ((string?)expect["schema"] is { } schema)
                {
                    var name = Path.GetFileNameWithoutExtension(schema);
                    responses[status]!.ToJsonString().Should().Contain($"#/components/schemas/{name}\"", $"{endpoint["id"]} {status} answers with {schema}");
                }
            }
        }
    }

    [Test]
    public void Every_schema_file_is_a_component_and_every_reference_resolves()
    {
        var document = Document;
        var components = document["components"]!["schemas"]!.AsObject();
        var files = Directory.EnumerateFiles(Paths.Schemas, "*.json", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Paths.Schemas, f).Replace('\\', '/'))
            .Where(f => !f.StartsWith("common/", StringComparison.Ordinal) && f != "openapi.json")
            .Where(f => !f.StartsWith("statement/", StringComparison.Ordinal)); // the suite's own output, not the API's
        foreach (var file in files)
        {
            components.ContainsKey(Path.GetFileNameWithoutExtension(file)).Should().BeTrue($"{file} must be a component");
        }

        var references = new List<string>();
        Collect(document, references);
        references.Should().NotBeEmpty();
        references.Where(r => !r.StartsWith(SchemaComponents.Prefix, StringComparison.Ordinal) || !components.ContainsKey(r[SchemaComponents.Prefix.Length..]))
            .Should().BeEmpty("every $ref must name a component");

        static void Collect(JsonNode? node, List<string> into)
        {
            if (node is JsonObject obj)
            {
                if ((string?)(obj["$ref"] as JsonValue) is { } reference)
                {
                    into.Add(reference);
                }

                foreach (var (_, child) in obj)
                {
                    Collect(child, into);
                }
            }
            else if (node is JsonArray array)
            {
                foreach (var child in array)
                {
                    Collect(child, into);
                }
            }
        }
    }

    [Test]
    public void Both_apis_security_schemes_are_described()
    {
        var document = Document;
        var schemes = document["components"]!["securitySchemes"]!.AsObject();
        ((string)schemes["apiKeyHeader"]!["name"]!).Should().Be("Authorization");
        ((string)schemes["usernameQuery"]!["name"]!).Should().Be("username");
        ((string)schemes["apiKeyQuery"]!["name"]!).Should().Be("api_key");
        ((string)schemes["basicAuth"]!["scheme"]!).Should().Be("basic");
        var storageSecurity = document["paths"]!["/api/v2/pipeline/"]!["get"]!["security"]!.ToJsonString();
        var dashboardSecurity = document["paths"]!["/api/transfer/completed"]!["get"]!["security"]!.ToJsonString();
        storageSecurity.Should().Contain("basicAuth");
        dashboardSecurity.Should().NotContain("basicAuth").And.Contain("apiKeyHeader").And.Contain("apiKeyQuery");
    }

    [Test]
    public void Dredd_form_takes_parameter_values_from_the_requests_the_suite_sent()
    {
        var log = new[]
        {
            new LoggedRequest("GET", "/api/v2/pipeline/5f7c1e2a-9d4b-4c3e-8a6f-1b2d3e4f5a60/", [new("X-Conformance-Test", "Conformance.Tests.ReadOnlyEndpoints.Answers_per_contract(ss.pipeline.detail@v2, Header)")], null, 200),
            new LoggedRequest("GET", "/api/v2/pipeline/00000000-0000-4000-8000-000000000000/", [new("X-Conformance-Test", "Conformance.Tests.ReadOnlyEndpoints.Answers_per_contract(ss.pipeline.detail@v2, unknown-uuid)")], null, 400),
        };

        var result = DreddDocument.Build(Document, "storage", log);

        result.Document["swagger"]!.GetValue<string>().Should().Be("2.0");
        var operation = result.Document["paths"]!["/api/v2/pipeline/{uuid}/"]!["get"]!;
        ((string)operation["parameters"]![0]!["x-example"]!).Should().Be("5f7c1e2a-9d4b-4c3e-8a6f-1b2d3e4f5a60");
        operation["responses"]!.AsObject().Select(r => r.Key).Should().Equal("200");
        result.Operations.Should().Be(1, "only the operation the log has a valid request for");
        result.Omitted.Should().Contain(o => o.StartsWith("ss.pipeline.list@v2:", StringComparison.Ordinal));
        result.Document.ToJsonString().Should().NotContain("#/components/").And.NotContain("\"const\"").And.NotContain("\"anyOf\"");
    }

    [Test]
    public void Swagger_2_schemas_keep_the_constraints_swagger_2_can_say()
    {
        var schema = JsonNode.Parse("""{"type":"object","properties":{"a":{"const":true},"b":{"type":["string","null"]},"c":{"anyOf":[{"type":"string"}]}},"required":["a"]}""");

        var downgraded = DreddDocument.Downgrade(schema).ToJsonString();

        downgraded.Should().Be("""{"type":"object","properties":{"a":{"enum":[true]},"b":{"type":"string","x-nullable":true},"c":{}},"required":["a"]}""");
    }
}
