using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Conformance.Framework.Requests;

/// <summary>Turns a catalogue request template into a concrete <see cref="RequestPlan"/> (see "Value expansion" in docs/catalogue-format.md).</summary>
public sealed partial class RequestExpander(ConformanceSession session)
{
    /// <param name="forProbe">True for requests a correct server rejects before acting (405 probes): preconditions are not arranged, arranged values become random UUIDs.</param>
    /// <param name="sharedArrangement">True for requests a correct server refuses: they use the run's one object of the arrangement instead of a fresh one.</param>
    public async Task<RequestPlan> ExpandAsync(Endpoint endpoint, RequestTemplate template, string? apiVersion, bool forProbe, CancellationToken cancellationToken, bool sharedArrangement = false)
    {
        IReadOnlyDictionary<string, string> arranged = new Dictionary<string, string>();
        if (template.Arrange is not null && !forProbe && !session.Settings.DryRun)
        {
            arranged = sharedArrangement
                ? await session.Arranger.ArrangeSharedAsync(template.Arrange, cancellationToken)
                : await session.Arranger.ArrangeAsync(template.Arrange, cancellationToken);
        }

        var discovered = new List<DiscoveredValue>();
        async Task<string> Expand(string value) => await ExpandValueAsync(value, arranged, apiVersion, forProbe, discovered, cancellationToken);

        var path = endpoint.Path.Replace("{api_version}", apiVersion ?? "v2", StringComparison.Ordinal);
        foreach (var (name, value) in template.PathParams)
        {
            path = path.Replace("{" + name + "}", Uri.EscapeDataString(await Expand(value)).Replace("%3B", ";", StringComparison.Ordinal), StringComparison.Ordinal);
        }

        if (PathParameter().Match(path) is { Success: true } missing)
        {
            throw new FormatException($"Endpoint {endpoint.Id}: no value for path parameter {missing.Value}.");
        }

        return new RequestPlan
        {
            Method = endpoint.Method,
            Path = path,
            Query = await ExpandPairs(template.Query, Expand),
            Headers = await ExpandPairs(template.Headers.ToDictionary(h => h.Key, h => (IReadOnlyList<string>)[h.Value]), Expand),
            Form = template.Form is null ? null : await ExpandPairs(template.Form, Expand),
            Body = template.Json is not null ? (await ExpandJson(template.Json.DeepClone(), Expand))!.ToJsonString() : template.Body is null ? null : await Expand(template.Body),
            ContentType = template.ContentType ?? (template.Json is not null ? "application/json" : null),
            Discovered = discovered.Distinct().ToList(),
        };
    }

    private async Task<string> ExpandValueAsync(
        string value, IReadOnlyDictionary<string, string> arranged, string? apiVersion, bool forProbe, List<DiscoveredValue> discovered, CancellationToken cancellationToken)
    {
        if (session.Settings.DryRun && (value.StartsWith("discover:", StringComparison.Ordinal) || value.StartsWith("arrange:", StringComparison.Ordinal)))
        {
            return $"<{value}>"; // Nothing is sent in a dry run, not even to discover or arrange.
        }

        if (value.StartsWith("discover:", StringComparison.Ordinal))
        {
            var found = await session.Discovery.ResolveWithSourceAsync(value["discover:".Length..], cancellationToken);
            discovered.Add(found);
            return found.Value;
        }

        if (value.StartsWith("arrange:", StringComparison.Ordinal))
        {
            var field = value["arrange:".Length..];
            return forProbe ? Guid.NewGuid().ToString()
                : arranged.TryGetValue(field, out var arrangedValue) ? arrangedValue
                : throw new FormatException($"The arrangement has no field '{field}' (fields: {string.Join(", ", arranged.Keys)}).");
        }

        if (value.StartsWith("base64:", StringComparison.Ordinal))
        {
            var inner = await ExpandValueAsync(value["base64:".Length..], arranged, apiVersion, forProbe, discovered, cancellationToken);
            return Convert.ToBase64String(Encoding.UTF8.GetBytes(inner));
        }

        return Placeholder().Replace(value, m => m.Groups[1].Value switch
        {
            "run" => session.Run.RunId,
            "unique" => session.Run.NextUnique(),
            "random-uuid" => Guid.NewGuid().ToString(),
            "api_version" => apiVersion ?? "v2",
            var name => session.Placeholder(name) ?? throw new UnresolvableException($"the request needs '{{{name}}}', which is not configured for this target (see the README's settings table)"),
        });
    }

    private static async Task<IReadOnlyList<KeyValuePair<string, string>>> ExpandPairs(IReadOnlyDictionary<string, IReadOnlyList<string>> source, Func<string, Task<string>> expand)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        foreach (var (name, values) in source)
        {
            foreach (var value in values)
            {
                pairs.Add(new(name, await expand(value)));
            }
        }

        return pairs;
    }

    private static async Task<JsonNode?> ExpandJson(JsonNode? node, Func<string, Task<string>> expand)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, child) in obj.ToList())
                {
                    obj[key] = await ExpandJson(child?.DeepClone(), expand);
                }

                return obj;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    array[i] = await ExpandJson(array[i]?.DeepClone(), expand);
                }

                return array;
            case JsonValue value when value.TryGetValue<string>(out var text):
                return JsonValue.Create(await expand(text));
            default:
                return node;
        }
    }

    [GeneratedRegex(@"\{([a-z_-]+)\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex PathParameter();
}
