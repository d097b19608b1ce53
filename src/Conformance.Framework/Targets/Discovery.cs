using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Conformance.Framework.Targets;

/// <summary>
/// Finds real identifiers on the target by reading list endpoints ("discover:am.transfer.completed:results[0]"),
/// so detail endpoints can be tested on any instance without configuring ids. Each source is fetched
/// once per run and shared.
/// </summary>
public sealed class Discovery(ConformanceSession session)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<JsonNode?>>> _documents = new(StringComparer.Ordinal);

    /// <summary>
    /// Fetches every discovery source the catalogue names, before any test runs: what a test finds
    /// must not depend on whether a write test (a bulk hide, say) happened to run first.
    /// Failures are kept and reported by the tests that need the value.
    /// Sources are independent (one that needs another waits for its shared fetch), so they are
    /// fetched <paramref name="concurrency"/> at a time.
    /// </summary>
    public async Task PrimeAsync(IEnumerable<string> values, int concurrency = 1, CancellationToken cancellationToken = default)
    {
        var references = values.Where(v => v.StartsWith("discover:", StringComparison.Ordinal)).Distinct();
        var options = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, concurrency), CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(references, options, async (reference, _) =>
        {
            try
            {
                await ResolveAsync(reference["discover:".Length..], cancellationToken, arrange: false);
            }
            catch (UnresolvableException)
            {
                // Reported by each test that needs this value.
            }
        });
    }

    /// <summary>Between alternatives: "am.transfer.completed:results[0] or am.transfer.unapproved:results[0].uuid".</summary>
    public const string Or = " or ";

    /// <summary>
    /// Resolves "endpoint-id[?query]:path", or the first of several alternatives that the target can
    /// answer (an object may sit on any of several lists). Throws <see cref="UnresolvableException"/>
    /// saying what was tried. <paramref name="arrange"/> false skips the alternatives that would make
    /// an object (priming reads lists for every endpoint; only a selected test may make its object).
    /// </summary>
    public async Task<string> ResolveAsync(string reference, CancellationToken cancellationToken, bool arrange = true) =>
        (await ResolveWithSourceAsync(reference, cancellationToken, arrange)).Value;

    /// <summary>As <see cref="ResolveAsync"/>, with the alternative that answered (what the test's report names).</summary>
    public async Task<DiscoveredValue> ResolveWithSourceAsync(string reference, CancellationToken cancellationToken, bool arrange = true)
    {
        var alternatives = reference.Split(Or, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Where(a => arrange || !a.StartsWith(ArrangePrefix, StringComparison.Ordinal)).ToArray();
        var tried = new List<string>();
        foreach (var alternative in alternatives)
        {
            try
            {
                return new DiscoveredValue(alternative, await ResolveOneAsync(alternative, cancellationToken));
            }
            catch (UnresolvableException e) when (alternatives.Length > 1)
            {
                tried.Add(e.Message);
            }
        }

        throw new UnresolvableException(string.Join("; and ", tried));
    }

    private async Task<string> ResolveOneAsync(string reference, CancellationToken cancellationToken)
    {
        if (reference.StartsWith(ArrangePrefix, StringComparison.Ordinal))
        {
            return await ArrangedAsync(reference[ArrangePrefix.Length..], cancellationToken);
        }

        var separator = reference.IndexOf(':', StringComparison.Ordinal);
        if (separator < 0)
        {
            throw new FormatException($"Bad discover reference '{reference}': expected discover:<endpoint-id>[?query]:<path>.");
        }

        var source = reference[..separator];
        var path = reference[(separator + 1)..];
        var document = await _documents.GetOrAdd(source, s => new Lazy<Task<JsonNode?>>(() => FetchAsync(s, cancellationToken))).Value;
        var value = JsonPathLite.Select(document, path);
        return value switch
        {
            JsonValue v when v.TryGetValue<string>(out var text) => text,
            JsonValue v => v.ToJsonString(),
            _ => throw new UnresolvableException($"nothing to test with: {source} has no '{path}' on this target (discovery found no such object)"),
        };
    }

    /// <summary>An alternative that makes the object when no list holds one: "arrange:&lt;arrangement&gt;:&lt;field&gt;", once per run, shared by the cases that read it.</summary>
    public const string ArrangePrefix = "arrange:";

    private async Task<string> ArrangedAsync(string reference, CancellationToken cancellationToken)
    {
        var separator = reference.LastIndexOf(':');
        if (separator < 0)
        {
            throw new FormatException($"Bad discover alternative 'arrange:{reference}': expected arrange:<arrangement>:<field>.");
        }

        var arrangement = reference[..separator];
        var field = reference[(separator + 1)..];
        var fields = await session.Arranger.ArrangeSharedAsync(arrangement, cancellationToken);
        return fields.TryGetValue(field, out var value) ? value
            : throw new FormatException($"The arrangement '{arrangement}' has no field '{field}' (fields: {string.Join(", ", fields.Keys)}).");
    }

    private async Task<JsonNode?> FetchAsync(string source, CancellationToken cancellationToken)
    {
        var queryStart = source.IndexOf('?', StringComparison.Ordinal);
        var endpoint = session.Catalogue[queryStart < 0 ? source : source[..queryStart]];
        if (endpoint.Tier != Tier.ReadOnly)
        {
            throw new FormatException($"Discovery source '{endpoint.Id}' is not read-only.");
        }

        var client = session.Client(endpoint.Service) ?? throw new UnresolvableException($"discovery source {endpoint.Id} belongs to a service that is not configured");
        var plan = await session.Expander.ExpandAsync(endpoint, endpoint.Request, "v2", forProbe: false, cancellationToken);
        if (queryStart >= 0)
        {
            var extra = source[(queryStart + 1)..].Split('&', StringSplitOptions.RemoveEmptyEntries)
                .Select(p => p.Split('=', 2))
                .Select(p => new KeyValuePair<string, string>(Uri.UnescapeDataString(p[0]), p.Length > 1 ? Uri.UnescapeDataString(p[1]) : string.Empty));
            plan = plan with { Query = plan.Query.Concat(extra).ToList() };
        }

        var exchange = await client.SendAsync(plan, AuthMode.Header, $"discovery: {source}", cancellationToken);
        if (exchange.TransportError is not null || exchange.Status != 200)
        {
            throw new UnresolvableException($"discovery request failed: {exchange.Method} {exchange.Url} answered {(exchange.TransportError ?? exchange.Status.ToString(System.Globalization.CultureInfo.InvariantCulture))}");
        }

        try
        {
            return JsonNode.Parse(exchange.Body);
        }
        catch (JsonException e)
        {
            throw new UnresolvableException($"discovery request {exchange.Method} {exchange.Url} did not answer JSON: {e.Message}");
        }
    }
}
