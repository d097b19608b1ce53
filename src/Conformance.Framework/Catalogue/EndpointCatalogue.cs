using System.Text.Json;
using System.Text.Json.Nodes;

namespace Conformance.Framework.Catalogue;

/// <summary>fixtures/endpoints.json, parsed: the services' shared contract, the endpoints and the exclusions. Immutable.</summary>
public sealed class EndpointCatalogue
{
    private EndpointCatalogue(IReadOnlyDictionary<ServiceKind, ServiceContract> services, IReadOnlyList<Endpoint> endpoints, IReadOnlyList<Exclusion> excluded)
    {
        Services = services;
        Endpoints = endpoints;
        Excluded = excluded;
    }

    public IReadOnlyDictionary<ServiceKind, ServiceContract> Services { get; }

    public IReadOnlyList<Endpoint> Endpoints { get; }

    public IReadOnlyList<Exclusion> Excluded { get; }

    /// <summary>Every value of every request template (path parameters, query, form, headers), for discovery priming.</summary>
    public IEnumerable<string> AllRequestValues() =>
        Endpoints.SelectMany(e => e.Cases.Select(c => c.Request).Prepend(e.Request))
            .SelectMany(r => r.PathParams.Values
                .Concat(r.Query.Values.SelectMany(v => v))
                .Concat(r.Form?.Values.SelectMany(v => v) ?? [])
                .Concat(r.Headers.Values));

    /// <summary>Every expectation: each endpoint's and case's, and each service's shared auth-failure and 405 ones.</summary>
    public IEnumerable<Expectation> AllExpectations() =>
        Endpoints.SelectMany(e => e.Expect.Concat(e.Cases.SelectMany(c => c.Expect)))
            .Concat(Services.Values.SelectMany(s => new[] { s.AuthFailure, s.MethodNotAllowed }));

    /// <summary>Every schema an expectation names (paths relative to schemas/), each once.</summary>
    public IReadOnlyList<string> SchemaPaths() => AllExpectations().Select(x => x.Schema).OfType<string>().Distinct().ToList();

    public Endpoint this[string id] =>
        Endpoints.FirstOrDefault(e => e.Id == id) ?? throw new KeyNotFoundException($"No endpoint '{id}' in the catalogue.");

    public static EndpointCatalogue Load(string path)
    {
        JsonNode root;
        try
        {
            root = JsonNode.Parse(File.ReadAllText(path), documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip })
                ?? throw new FormatException("empty document");
        }
        catch (Exception e) when (e is JsonException or FormatException)
        {
            throw new FormatException($"The catalogue {path} is not valid JSON: {e.Message}", e);
        }

        try
        {
            var services = root["services"]!.AsObject().ToDictionary(s => ServiceKindNames.Parse(s.Key), s => ParseService(s.Value!.AsObject()));
            var endpoints = root["endpoints"]!.AsArray().Select(e => ParseEndpoint(e!.AsObject())).ToList();
            var excluded = (root["excluded"]?.AsArray() ?? []).Select(e => new Exclusion(
                Text(e!, "id") ?? "", Text(e!, "what") ?? "", Text(e!, "reason") ?? "")).ToList();
            var duplicate = endpoints.GroupBy(e => e.Id).FirstOrDefault(g => g.Count() > 1);
            if (duplicate is not null)
            {
                throw new FormatException($"endpoint id '{duplicate.Key}' appears {duplicate.Count()} times");
            }

            return new EndpointCatalogue(services, endpoints, excluded);
        }
        catch (Exception e) when (e is InvalidOperationException or NullReferenceException or FormatException or ArgumentException)
        {
            throw new FormatException($"The catalogue {path} does not follow docs/catalogue-format.md: {e.Message}", e);
        }
    }

    /// <summary>A 405 body kind: the body is the allowed methods joined by the Allow separator (tastypie).</summary>
    private const string AllowListBody = "allow-list";

    private static ServiceContract ParseService(JsonObject service)
    {
        var methodNotAllowed = service["methodNotAllowed"]!.AsObject();
        var listsMethods = Text(methodNotAllowed, "body") == AllowListBody;
        return new ServiceContract
        {
            AuthFailure = ParseExpectation(service["authFailure"]!.AsObject()),
            SuccessHeaders = StringMap(service["successHeaders"]),
            MethodNotAllowed = ParseExpectation(methodNotAllowed) with { Body = listsMethods ? "text" : Text(methodNotAllowed, "body") ?? "any" },
            AllowSeparator = Text(methodNotAllowed, "allowSeparator") ?? ", ",
            MethodNotAllowedBodyListsMethods = listsMethods,
        };
    }

    private static Endpoint ParseEndpoint(JsonObject e)
    {
        var id = Text(e, "id") ?? throw new FormatException("an endpoint has no id");
        try
        {
            var request = ParseRequest(e["request"]?.AsObject() ?? []);
            return new Endpoint
            {
                Id = id,
                Service = ServiceKindNames.Parse(Text(e, "service")!),
                Resource = Text(e, "resource") ?? id.Split('.')[1],
                Method = Text(e, "method")!,
                Path = Text(e, "path")!,
                AllowedMethods = e["allowedMethods"]!.AsArray().Select(m => m!.GetValue<string>()).ToList(),
                Tier = Tiers.Parse(Text(e, "tier")!),
                TrailingSlashRequired = Text(e, "trailingSlash") == "required",
                Auth = Text(e, "auth") ?? "key",
                ChangesAll = Text(e, "changesAll"),
                Versions = ParseVersions(e["versions"]),
                Request = request,
                Expect = ParseExpectations(e["expect"]),
                Cases = (e["cases"]?.AsArray() ?? []).Select(c => ParseCase(c!.AsObject(), request)).ToList(),
                MethodNotAllowed = e["methodNotAllowed"] is JsonObject own ? ParseExpectation(own) : null,
            };
        }
        catch (Exception ex) when (ex is not FormatException)
        {
            throw new FormatException($"endpoint '{id}': {ex.Message}", ex);
        }
    }

    // A case's request replaces only the parts it names.
    private static EndpointCase ParseCase(JsonObject c, RequestTemplate endpointRequest)
    {
        var overrides = c["request"]?.AsObject() ?? [];
        return new EndpointCase(
            Text(c, "name") ?? throw new FormatException("a case has no name"),
            endpointRequest.With(overrides, ParseRequest(overrides)),
            ParseExpectations(c["expect"]))
        {
            Method = Text(c, "method"),
            Mode = Text(c, "auth") is { } mode ? Enum.Parse<AuthMode>(mode) : AuthMode.Header,
        };
    }

    private static IReadOnlyList<Expectation> ParseExpectations(JsonNode? node) =>
        (node?.AsArray() ?? throw new FormatException("missing 'expect'")).Select(x => ParseExpectation(x!.AsObject())).ToList();

    private static Expectation ParseExpectation(JsonObject x) => new()
    {
        Versions = ParseVersions(x["versions"]),
        Status = x["status"]!.GetValue<int>(),
        ContentType = Text(x, "contentType"),
        Body = Text(x, "body") ?? "any",
        Schema = Text(x, "schema"),
        ExactBody = Text(x, "exactBody"),
        Headers = StringMap(x["headers"]),
        AbsentHeaders = (x["absentHeaders"]?.AsArray() ?? []).Select(h => h!.GetValue<string>()).ToList(),
    };

    private static RequestTemplate ParseRequest(JsonObject r) => new()
    {
        PathParams = StringMap(r["pathParams"]),
        Query = MultiMap(r["query"]) ?? new Dictionary<string, IReadOnlyList<string>>(),
        Form = MultiMap(r["form"]),
        Json = r["json"]?.DeepClone(),
        Body = Text(r, "body"),
        ContentType = Text(r, "contentType"),
        Headers = StringMap(r["headers"]),
        Arrange = Text(r, "arrange"),
    };

    private static IReadOnlyDictionary<string, VersionRange> ParseVersions(JsonNode? node) =>
        node?.AsObject().ToDictionary(v => v.Key, v => VersionRange.Parse(v.Value!.GetValue<string>())) ?? new Dictionary<string, VersionRange>();

    private static Dictionary<string, string> StringMap(JsonNode? node) =>
        node?.AsObject().ToDictionary(p => p.Key, p => p.Value!.GetValue<string>()) ?? [];

    private static Dictionary<string, IReadOnlyList<string>>? MultiMap(JsonNode? node) =>
        node?.AsObject().ToDictionary(
            p => p.Key,
            p => p.Value is JsonArray values ? values.Select(v => v!.GetValue<string>()).ToList() : (IReadOnlyList<string>)[p.Value!.GetValue<string>()]);

    private static string? Text(JsonNode node, string name) => node[name]?.GetValue<string>();
}
