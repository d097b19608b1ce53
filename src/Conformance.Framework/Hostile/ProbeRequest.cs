using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Conformance.Framework.Hostile;

/// <summary>
/// A hostile-input probe's request: the endpoint's valid request with the one input (or the body)
/// made bad, sent between reads of the state it must not change (write endpoints only); judged by
/// <see cref="CaseVerifier.VerifyProbe"/>: a 4xx refusal, never a 5xx (INPUT-01); no debug page,
/// stack trace, database error or source path (INPUT-02); no change of state, no evaluated
/// template, no widened lookup (INPUT-03); no echoed key (LEAK-01). The gates are the
/// <see cref="Executor"/>'s.
/// </summary>
internal sealed partial class ProbeRequest(ConformanceSession session)
{
    /// <summary>Stands in for the probed input while the valid request is expanded.</summary>
    private const string Sentinel = "cfHostileInputSentinel0";

    public async Task<Prepared> PrepareAsync(HostileProbe probe, CancellationToken cancellationToken)
    {
        var endpoint = probe.Endpoint;
        var client = session.Client(endpoint.Service)!;
        var (plan, pathValues, marker) = await PlanAsync(probe, cancellationToken);
        var line = $"{plan.Method} {client.Endpoint.BaseUrl.ToString().TrimEnd('/')}{plan.Path}  [{probe.Tier.Name()}, auth Header, {probe.Kind}]";
        return Prepared.Ready(line, async (testName, ct) =>
        {
            var reads = probe.Tier == Tier.ReadOnly ? [] : probe.Definition.StateReads;
            var named = Named(plan, marker);
            var before = await ReadStateAsync(reads, pathValues, named, ct);
            var exchange = await client.SendAsync(plan, AuthMode.Header, testName, ct);
            await session.AfterWriteAsync(testName, endpoint, probe.Tier, exchange, ct);
            var after = await ReadStateAsync(reads, pathValues, named, ct);
            return () =>
            {
                var verdict = new Verdict { Exchange = exchange, Results = CaseVerifier.VerifyProbe(probe, exchange, before, after) };
                return Task.FromResult(verdict with { KnownDeviations = session.KnownDeviations.Covering(probe.Name, endpoint.Service, session.Version(endpoint.Service), verdict) });
            };
        });
    }

    private async Task<(RequestPlan Plan, IReadOnlyDictionary<string, string> PathValues, string Marker)> PlanAsync(HostileProbe probe, CancellationToken cancellationToken)
    {
        var endpoint = probe.Endpoint;
        var input = probe.Input;
        var template = endpoint.Request;
        var substitute = input is not null && probe.Kind != ProbeKinds.DuplicateParameter;
        if (substitute)
        {
            template = WithValue(template, input!, Sentinel);
            // The hostile value took the place of the arranged one: nothing is left to arrange for.
            if (template.Arrange is not null && !template.UsesArrangedValues())
            {
                template = template with { Arrange = null };
            }
        }

        var plan = await ExpandAsync(endpoint, template, probe.ApiVersion, cancellationToken);
        var pathValues = PathValues(endpoint, plan.Path);
        // Unique per probe: a value one probe got stored must never be what another probe looks up.
        var marker = session.Run.NextUnique();
        if (input is null)
        {
            return (BodyProbe(probe, plan), pathValues, marker);
        }

        var prefix = input.Prefix is null ? "" : Placeholders().Replace(input.Prefix, m => Placeholder(m.Groups[1].Value));
        if (!substitute)
        {
            var duplicate = ProbeKinds.Value(ProbeKinds.DuplicateKind(input.Type, input.In), marker, session.Run.RunId, prefix, input.Resource ?? "location");
            return (Duplicate(plan, input, duplicate), pathValues, marker);
        }

        var value = ProbeKinds.Value(probe.Kind == ProbeKinds.NonUtf8 ? ProbeKinds.MalformedUuid : probe.Kind, marker, session.Run.RunId, prefix, input.Resource ?? "location");
        var raw = probe.Kind == ProbeKinds.NonUtf8;
        return (Substitute(plan, input, value, raw, marker), pathValues, marker);
    }

    /// <summary>Expands with the endpoint's arrangement; where nothing can be arranged, with random identifiers instead (the probe is refused anyway).</summary>
    private async Task<RequestPlan> ExpandAsync(Endpoint endpoint, RequestTemplate template, string? apiVersion, CancellationToken cancellationToken)
    {
        try
        {
            return await session.Expander.ExpandAsync(endpoint, template, apiVersion, forProbe: false, cancellationToken);
        }
        catch (UnresolvableException) when (template.Arrange is not null)
        {
            return await session.Expander.ExpandAsync(endpoint, template, apiVersion, forProbe: true, cancellationToken);
        }
    }

    private string Placeholder(string name) =>
        session.Placeholder(name) ?? throw new UnresolvableException($"the probe needs '{{{name}}}', which is not configured for this target");

    private static RequestTemplate WithValue(RequestTemplate template, HostileInput input, string value) => input.In switch
    {
        "path" => template with { PathParams = new Dictionary<string, string>(template.PathParams) { [input.Name] = value } },
        "query" => template with { Query = new Dictionary<string, IReadOnlyList<string>>(template.Query) { [input.Name] = [value] } },
        "form" => template with { Form = new Dictionary<string, IReadOnlyList<string>>(template.Form ?? new Dictionary<string, IReadOnlyList<string>>()) { [input.Name] = [value] } },
        "json" => template with { Json = SetJson(template.Json?.DeepClone() ?? new JsonObject(), input.Name, value) },
        _ => throw new FormatException($"Unknown input location '{input.In}' (path, query, form, json)."),
    };

    /// <summary>Sets "a", "a.b" or "files[0].source" in a JSON tree, creating what is missing.</summary>
    private static JsonNode SetJson(JsonNode root, string path, string value)
    {
        var node = root;
        var segments = path.Split('.');
        for (var i = 0; i < segments.Length; i++)
        {
            var match = Segment().Match(segments[i]);
            var name = match.Groups["name"].Value;
            var last = i == segments.Length - 1;
            var obj = node as JsonObject ?? throw new FormatException($"'{path}' does not name an object member in the request body.");
            if (!match.Groups["index"].Success)
            {
                if (last)
                {
                    obj[name] = value;
                    return root;
                }

                node = obj[name] ??= new JsonObject();
                continue;
            }

            var array = obj[name] as JsonArray ?? (JsonArray)(obj[name] = new JsonArray());
            var index = int.Parse(match.Groups["index"].Value, System.Globalization.CultureInfo.InvariantCulture);
            while (array.Count <= index)
            {
                array.Add(new JsonObject());
            }

            if (last)
            {
                array[index] = value;
                return root;
            }

            node = array[index]!;
        }

        return root;
    }

    private static RequestPlan Substitute(RequestPlan plan, HostileInput input, string value, bool raw, string marker)
    {
        var rawValue = ProbeKinds.InvalidUtf8Escaped + marker;
        switch (input.In)
        {
            case "path":
                return plan with { Path = plan.Path.Replace(Sentinel, raw ? rawValue : Uri.EscapeDataString(value), StringComparison.Ordinal) };
            case "query" when raw:
                return plan with
                {
                    QueryIsEncoded = true,
                    Query = plan.Query.Select(q => new KeyValuePair<string, string>(q.Key, q.Value == Sentinel ? rawValue : Uri.EscapeDataString(q.Value))).ToList(),
                };
            case "query":
                return plan with { Query = Replace(plan.Query, value) };
            case "form" when raw:
                var form = string.Join('&', plan.Form!.Select(f => $"{Uri.EscapeDataString(f.Key)}={(f.Value == Sentinel ? rawValue : Uri.EscapeDataString(f.Value))}"));
                return plan with { Form = null, RawBody = Encoding.ASCII.GetBytes(form), ContentType = "application/x-www-form-urlencoded" };
            case "form":
                return plan with { Form = Replace(plan.Form!, value) };
            default:
                return plan with { Body = plan.Body!.Replace($"\"{Sentinel}\"", JsonSerializer.Serialize(value), StringComparison.Ordinal) };
        }
    }

    private static List<KeyValuePair<string, string>> Replace(IReadOnlyList<KeyValuePair<string, string>> pairs, string value) =>
        pairs.Select(p => p.Value == Sentinel ? new KeyValuePair<string, string>(p.Key, value) : p).ToList();

    /// <summary>The valid value first, the hostile one after it under the same name (Django's QueryDict.get and Python's json take the last).</summary>
    private static RequestPlan Duplicate(RequestPlan plan, HostileInput input, string value) => input.In switch
    {
        "query" => plan with { Query = [.. plan.Query, new(input.Name, value)] },
        "form" => plan with { Form = [.. plan.Form ?? [], new(input.Name, value)] },
        _ => plan with { Body = AppendMember(plan.Body!, input.Name, value) },
    };

    /// <summary>A JSON object's text with one more member at its end (a duplicate key when the name is already there).</summary>
    private static string AppendMember(string json, string name, string value)
    {
        var end = json.LastIndexOf('}');
        return end < 0 ? json : json[..end] + $", {JsonSerializer.Serialize(name)}: {JsonSerializer.Serialize(value)}" + json[end..];
    }

    private static RequestPlan BodyProbe(HostileProbe probe, RequestPlan plan)
    {
        var body = probe.Definition.Body;
        var form = plan.Form is null ? "" : string.Join('&', plan.Form.Select(f => $"{Uri.EscapeDataString(f.Key)}={Uri.EscapeDataString(f.Value)}"));
        return (probe.Kind, body) switch
        {
            (ProbeKinds.InvalidJson, _) => plan with { Body = (plan.Body ?? "{\"") is var text && text.Length > 2 ? text[..(text.Length / 2)] : "{\"" },
            (ProbeKinds.WrongContentType, "form") => plan with
            {
                Form = null,
                ContentType = "application/json",
                Body = new JsonObject(plan.Form!.GroupBy(f => f.Key).Select(g => new KeyValuePair<string, JsonNode?>(g.Key, g.Count() == 1 ? g.First().Value : new JsonArray([.. g.Select(f => (JsonNode?)JsonValue.Create(f.Value))])))).ToJsonString(),
            },
            (ProbeKinds.WrongContentType, _) => plan with { ContentType = "text/plain" },
            (ProbeKinds.OversizedBody, "form") => plan with { Form = [new("padding", NewPadding())] },
            (ProbeKinds.OversizedBody, "raw") => plan with { Body = "padding\n" + NewPadding() },
            (ProbeKinds.OversizedBody, _) => plan with { Body = NewPadding(), ContentType = plan.ContentType ?? "application/json" },
            (ProbeKinds.NonUtf8Body, "form") => plan with
            {
                Form = null,
                ContentType = "application/x-www-form-urlencoded",
                RawBody = Insert(form, form.IndexOf('=', StringComparison.Ordinal) + 1),
            },
            (ProbeKinds.NonUtf8Body, "raw") => plan with { RawBody = Insert(plan.Body ?? "", (plan.Body ?? "").IndexOf('\n', StringComparison.Ordinal) + 1) },
            (ProbeKinds.NonUtf8Body, _) => plan with { RawBody = Insert(plan.Body ?? "{}", FirstStringValue(plan.Body ?? "{}")), ContentType = plan.ContentType ?? "application/json" },
            _ => throw new ArgumentOutOfRangeException(nameof(probe), probe.Kind, "not a body kind"),
        };
    }

    /// <summary>An oversized body's filler, built only for the probes that send one (1.5 MiB each time).</summary>
    private static string NewPadding() => new('A', ProbeKinds.OversizedBytes);

    /// <summary>The text's UTF-8 bytes with invalid UTF-8 inserted at a character position.</summary>
    private static byte[] Insert(string text, int at)
    {
        at = Math.Clamp(at, 0, text.Length);
        return [.. Encoding.UTF8.GetBytes(text[..at]), .. ProbeKinds.InvalidUtf8, .. Encoding.UTF8.GetBytes(text[at..])];
    }

    /// <summary>Where the first JSON string value starts (just inside its quote), or 0.</summary>
    private static int FirstStringValue(string json)
    {
        var match = StringValue().Match(json);
        return match.Success ? match.Index + match.Length : 0;
    }

    /// <summary>Path parameter values of a planned path, decoded ("uuid" → "6513270e-...").</summary>
    private static Dictionary<string, string> PathValues(Endpoint endpoint, string path)
    {
        var match = PathPatterns.GetOrAdd(endpoint.Path, PathPattern).Match(path);
        return match.Success
            ? match.Groups.Keys.Where(k => !int.TryParse(k, out _)).ToDictionary(k => k, k => Uri.UnescapeDataString(match.Groups[k].Value))
            : [];
    }

    // One per catalogue path, built once: hundreds of probes share a few dozen paths.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Regex> PathPatterns = new(StringComparer.Ordinal);

    private static Regex PathPattern(string templatePath)
    {
        var pattern = new StringBuilder("^");
        var last = 0;
        foreach (Match parameter in Placeholders().Matches(templatePath))
        {
            pattern.Append(Regex.Escape(templatePath[last..parameter.Index])).Append($"(?<{parameter.Groups[1].Value}>[^/]*)");
            last = parameter.Index + parameter.Length;
        }

        return new Regex(pattern.Append(Regex.Escape(templatePath[last..])).Append('$').ToString(), RegexOptions.CultureInvariant);
    }

    /// <summary>Each state read ("id[?query][@param][:path]") once; null where it cannot be read or judged.</summary>
    private async Task<IReadOnlyList<(string Read, string? Value)>> ReadStateAsync(IReadOnlyList<string> reads, IReadOnlyDictionary<string, string> pathValues, ProbeNames named, CancellationToken cancellationToken)
    {
        var values = new List<(string, string?)>();
        foreach (var read in reads)
        {
            var spec = StateRead().Match(read);
            if (!spec.Success)
            {
                throw new FormatException($"Bad state read '{read}': expected endpoint-id[?query][@path-param][:json-path].");
            }

            var endpoint = session.Catalogue[spec.Groups["id"].Value];
            var template = endpoint.Request;
            if (spec.Groups["param"].Success)
            {
                var param = spec.Groups["param"].Value;
                if (!pathValues.TryGetValue(param, out var value) || value.Contains(Sentinel, StringComparison.Ordinal))
                {
                    values.Add((read, null)); // the probe addressed no object this read could name
                    continue;
                }

                template = template with { PathParams = new Dictionary<string, string>(template.PathParams) { [param] = value } };
            }

            if (spec.Groups["query"].Success)
            {
                var query = new Dictionary<string, IReadOnlyList<string>>(template.Query);
                foreach (var pair in spec.Groups["query"].Value.Split('&', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=', 2)))
                {
                    query[pair[0]] = [pair.Length > 1 ? pair[1] : ""];
                }

                template = template with { Query = query };
            }

            try
            {
                var plan = await session.Expander.ExpandAsync(endpoint, template, endpoint.Path.Contains("{api_version}", StringComparison.Ordinal) ? "v2" : null, forProbe: true, cancellationToken);
                var exchange = await session.Client(endpoint.Service)!.SendAsync(plan, AuthMode.Header, "state read: " + read, cancellationToken);
                values.Add((read, exchange.Status != 200 ? null
                    : !spec.Groups["path"].Success ? NoActionOnBadInput.WithoutRunsOtherUnits(exchange.Body, session.Run.RunId, named.Request, named.Markers)
                    : JsonPathLite.Select(JsonNode.Parse(exchange.Body), spec.Groups["path"].Value)?.ToJsonString() ?? "(absent)"));
            }
            catch (Exception e) when (e is UnresolvableException or JsonException)
            {
                values.Add((read, null));
            }
        }

        return values;
    }

    /// <summary>What a probe's request names: its text, the probe's marker and the canary prefix (see <see cref="NoActionOnBadInput.WithoutRunsOtherUnits"/>).</summary>
    private static ProbeNames Named(RequestPlan plan, string marker) =>
        new(string.Join("\n", [plan.Path, plan.Body ?? "", .. (plan.Form ?? []).Select(f => f.Value), .. plan.Query.Select(q => q.Value)]), [marker, "conformance-canary"]);

    private sealed record ProbeNames(string Request, IReadOnlyList<string> Markers);

    [GeneratedRegex(@"\{([a-z_-]+)\}")]
    private static partial Regex Placeholders();

    [GeneratedRegex(@"^(?<name>[^\[]+)(\[(?<index>\d+)\])?$")]
    private static partial Regex Segment();

    [GeneratedRegex(@":\s*""")]
    private static partial Regex StringValue();

    [GeneratedRegex(@"^(?<id>[a-z0-9._]+)(\?(?<query>[^@:]*))?(@(?<param>[a-z_]+))?(:(?<path>.+))?$")]
    private static partial Regex StateRead();
}
