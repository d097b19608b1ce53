using System.Text.Json.Nodes;

namespace Conformance.Framework.Workflows;

/// <summary>Short ways to write the request templates workflows send (values are expanded as in the catalogue).</summary>
public static class StepRequests
{
    public static RequestTemplate None { get; } = new();

    public static RequestTemplate Path(string name, string value) =>
        new() { PathParams = new Dictionary<string, string> { [name] = value } };

    public static RequestTemplate Path(params (string Name, string Value)[] parameters) =>
        new() { PathParams = parameters.ToDictionary(p => p.Name, p => p.Value) };

    public static RequestTemplate Query(params (string Name, string Value)[] parameters) =>
        new() { Query = Pairs(parameters) };

    public static RequestTemplate Form(params (string Name, string Value)[] fields) =>
        new() { Form = Pairs(fields) };

    public static RequestTemplate Json(JsonNode json) => new() { Json = json };

    public static RequestTemplate WithQuery(this RequestTemplate template, params (string Name, string Value)[] parameters) =>
        template with { Query = Pairs(parameters) };

    public static RequestTemplate WithForm(this RequestTemplate template, params (string Name, string Value)[] fields) =>
        template with { Form = Pairs(fields) };

    public static RequestTemplate WithJson(this RequestTemplate template, JsonNode json) => template with { Json = json };

    public static RequestTemplate WithHeader(this RequestTemplate template, string name, string value) =>
        template with { Headers = new Dictionary<string, string>(template.Headers) { [name] = value } };

    private static Dictionary<string, IReadOnlyList<string>> Pairs((string Name, string Value)[] pairs) =>
        pairs.GroupBy(p => p.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(p => p.Value).ToList(), StringComparer.Ordinal);
}
