using System.Text.Json;
using System.Text.Json.Nodes;

namespace Conformance.Framework.Hostile;

/// <summary>
/// One input of an endpoint that the probes corrupt: where it is (path, query, form, json; a JSON
/// input may be a dotted path such as "files[0].source"), its name and what kind of value it takes
/// (uuid, integer, name, filename, path, text, base64-path, uri).
/// </summary>
public sealed record HostileInput
{
    public required string In { get; init; }

    public required string Name { get; init; }

    public required string Type { get; init; }

    /// <summary>
    /// What a 2xx answer means for this input: null, a failure (bad input must be refused);
    /// "empty", allowed when the answer lists nothing (a filter that matched nothing); "set",
    /// allowed when a set/ answer finds no more than the other, valid member; "any", allowed (the
    /// contract ignores or falls back on such values; <see cref="Why"/> says where it says so).
    /// </summary>
    public string? OnSuccess { get; init; }

    public string? Why { get; init; }

    /// <summary>For uri inputs: the resource the URI names ("location").</summary>
    public string? Resource { get; init; }

    /// <summary>For base64-path inputs: the text before the path inside the base64 ("{transfer-source-location}:").</summary>
    public string? Prefix { get; init; }

    /// <summary>Probe kinds left out for this input, with the reason (e.g. values the contract accepts).</summary>
    public IReadOnlyDictionary<string, string> Skip { get; init; } = new Dictionary<string, string>();

    /// <summary>Storage Service API versions to probe under (default v2 only: v1 shares the handlers).</summary>
    public IReadOnlyList<string>? ApiVersions { get; init; }

    public override string ToString() => $"{In} {Name}";
}

/// <summary>An endpoint's probe set: its inputs, the kind of body it reads, and the reads that show whether it acted.</summary>
public sealed record HostileEndpoint
{
    public required string EndpointId { get; init; }

    public IReadOnlyList<HostileInput> Inputs { get; init; } = [];

    /// <summary>The body the endpoint reads: json, form or raw (null: none).</summary>
    public string? Body { get; init; }

    /// <summary>
    /// Reads taken before and after each probe of a write endpoint, which must not change:
    /// "endpoint-id[?query][@path-param][:json-path]", e.g. "ss.file.list?status=DEL_REQ:meta.total_count"
    /// or "ss.file.detail@uuid" (the detail of the object the probe addressed).
    /// </summary>
    public IReadOnlyList<string> StateReads { get; init; } = [];

    /// <summary>Probe kinds left out for this endpoint, with the reason.</summary>
    public IReadOnlyDictionary<string, string> Skip { get; init; } = new Dictionary<string, string>();
}

/// <summary>fixtures/hostile-inputs.json: which inputs of which endpoints the probes corrupt, and what is deliberately not probed.</summary>
public sealed class HostileInputCatalogue
{
    private HostileInputCatalogue(IReadOnlyList<HostileEndpoint> endpoints, IReadOnlyDictionary<string, string> excluded, IReadOnlyList<(string Endpoint, string Input, string Reason)> notProbed)
    {
        Endpoints = endpoints;
        Excluded = excluded;
        NotProbed = notProbed;
    }

    public IReadOnlyList<HostileEndpoint> Endpoints { get; }

    /// <summary>Endpoints with nothing to probe (no input, or refused before any input is read), with the reason.</summary>
    public IReadOnlyDictionary<string, string> Excluded { get; }

    /// <summary>Inputs deliberately left alone (every value is valid by contract), with the reason.</summary>
    public IReadOnlyList<(string Endpoint, string Input, string Reason)> NotProbed { get; }

    private static readonly JsonSerializerOptions Options = new() { PropertyNameCaseInsensitive = true };

    public static HostileInputCatalogue Load(string path)
    {
        var root = JsonNode.Parse(File.ReadAllText(path))!;
        var endpoints = root["endpoints"]!.AsArray().Select(e => new HostileEndpoint
        {
            EndpointId = (string)e!["endpoint"]!,
            Inputs = e["inputs"]?.Deserialize<List<HostileInput>>(Options) ?? [],
            Body = (string?)e["body"],
            StateReads = e["stateReads"]?.Deserialize<List<string>>(Options) ?? [],
            Skip = e["skip"]?.Deserialize<Dictionary<string, string>>(Options) ?? [],
        }).ToList();
        var excluded = root["excluded"]!.AsArray().ToDictionary(e => (string)e!["endpoint"]!, e => (string)e!["reason"]!, StringComparer.Ordinal);
        var notProbed = root["notProbed"]!.AsArray().Select(e => ((string)e!["endpoint"]!, (string)e["input"]!, (string)e["reason"]!)).ToList();
        return new HostileInputCatalogue(endpoints, excluded, notProbed);
    }
}
