using System.Text.Json.Nodes;

namespace Conformance.Framework.Catalogue;

/// <summary>A request as the catalogue writes it: values may hold placeholders, discover: and arrange: references.</summary>
public sealed record RequestTemplate
{
    public IReadOnlyDictionary<string, string> PathParams { get; init; } = new Dictionary<string, string>();

    /// <summary>Name → one or more values (a repeated parameter).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Query { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    public IReadOnlyDictionary<string, IReadOnlyList<string>>? Form { get; init; }

    public JsonNode? Json { get; init; }

    public string? Body { get; init; }

    public string? ContentType { get; init; }

    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>Name of a precondition to create before sending (see docs/catalogue-format.md).</summary>
    public string? Arrange { get; init; }

    /// <summary>Whether any value names a field of the arranged object (<c>arrange:&lt;field&gt;</c>, also inside base64: values and JSON).</summary>
    public bool UsesArrangedValues()
    {
        static bool Uses(string? value) => value?.Contains("arrange:", StringComparison.Ordinal) == true;
        return PathParams.Values.Any(Uses) || Query.Values.SelectMany(v => v).Any(Uses) || (Form?.Values.SelectMany(v => v).Any(Uses) ?? false)
            || Headers.Values.Any(Uses) || Uses(Body) || Uses(Json?.ToJsonString());
    }

    /// <summary>This template with the parts that <paramref name="overrides"/> sets replacing its own.</summary>
    public RequestTemplate With(JsonObject overrides, RequestTemplate parsedOverrides) => this with
    {
        PathParams = overrides.ContainsKey("pathParams") ? parsedOverrides.PathParams : PathParams,
        Query = overrides.ContainsKey("query") ? parsedOverrides.Query : Query,
        Form = overrides.ContainsKey("form") ? parsedOverrides.Form : Form,
        Json = overrides.ContainsKey("json") ? parsedOverrides.Json : Json,
        Body = overrides.ContainsKey("body") ? parsedOverrides.Body : Body,
        ContentType = overrides.ContainsKey("contentType") ? parsedOverrides.ContentType : ContentType,
        Headers = overrides.ContainsKey("headers") ? parsedOverrides.Headers : Headers,
        Arrange = overrides.ContainsKey("arrange") ? parsedOverrides.Arrange : Arrange,
    };
}
