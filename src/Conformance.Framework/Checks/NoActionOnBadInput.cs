using System.Text.Json;
using System.Text.Json.Nodes;

namespace Conformance.Framework.Checks;

/// <summary>
/// INPUT-03: bad input changes nothing and widens no lookup. Three checks, each null where it does not
/// apply: no template expression evaluated, no filter or set/ lookup matching more than the input
/// names, and no state read changed between before and after the probe.
/// </summary>
public static class NoActionOnBadInput
{
    /// <summary>Fails when the answer holds the template expressions' product; otherwise not applicable (null): an absent product proves nothing.</summary>
    public static CheckResult? TemplateNotEvaluated(Exchange x) => x.Body.Contains(ProbeKinds.TemplateProduct, StringComparison.Ordinal)
        ? CheckResult.Fail(Requirement.NoActionOnBadInput, $"the answer contains {ProbeKinds.TemplateProduct} = 9137*7919: a template expression in the input was evaluated")
        : null;

    /// <summary>A 2xx to a filter or set/ value ("empty" or "set" inputs) lists nothing beyond what the input names; null for other answers.</summary>
    public static CheckResult? LookupNotWidened(HostileProbe probe, Exchange x)
    {
        var onSuccess = probe.Input?.OnSuccess;
        if (x.Status is not (>= 200 and < 300) || probe.Kind == ProbeKinds.DuplicateParameter || onSuccess is not ("empty" or "set"))
        {
            return null;
        }

        var count = ListedCount(x.Body, onSuccess);
        var limit = onSuccess == "set" ? 1 : 0;
        return count is null
            ? CheckResult.Fail(Requirement.NoActionOnBadInput, "a 2xx answer that is not a list: cannot tell whether the bad value matched anything")
            : count <= limit
            ? CheckResult.Pass(Requirement.NoActionOnBadInput, onSuccess == "set" ? "set/ found nothing for the bad member" : "the bad filter value matched nothing")
            : CheckResult.Fail(Requirement.NoActionOnBadInput, $"the bad value matched {count} object(s){(onSuccess == "set" ? " (the set's other, valid member accounts for 1)" : "")}: the lookup was widened by the input");
    }

    /// <summary>Each state read gives the same value after the probe as before; a read that could not be made either time does not apply.</summary>
    public static IEnumerable<CheckResult> StateUnchanged(IReadOnlyList<(string Read, string? Value)> before, IReadOnlyList<(string Read, string? Value)> after)
    {
        foreach (var ((read, was), (_, now)) in before.Zip(after))
        {
            if (was is null || now is null)
            {
                continue;
            }

            yield return was == now
                ? CheckResult.Pass(Requirement.NoActionOnBadInput, $"{read} unchanged")
                : CheckResult.Fail(Requirement.NoActionOnBadInput, $"{read} changed: before «{Shorten(was)}», after «{Shorten(now)}»");
        }
    }

    /// <summary>
    /// A dashboard list (<c>{"results": [...]}</c>) without the run's other units, for a state read: the
    /// pipeline moves the transfers and SIPs other tests of this run started (approval waits, processing,
    /// completion) while a probe runs, and those changes are not the probe's doing. Compared still: every
    /// unit the run did not make, a unit the probe's request names (a field of 8 characters or more found
    /// in <paramref name="request"/>: its uuid, its directory), and one naming a marker of the probe.
    /// </summary>
    public static string WithoutRunsOtherUnits(string body, string runId, string request, IReadOnlyList<string> markers)
    {
        try
        {
            if (JsonNode.Parse(body) is not JsonObject { } root || root["results"] is not JsonArray results)
            {
                return body;
            }

            bool Compared(JsonNode? unit) => unit?.ToJsonString() is not { } text
                || !text.Contains(runId, StringComparison.Ordinal)
                || markers.Any(m => text.Contains(m, StringComparison.Ordinal))
                || (unit is JsonObject fields && fields.Select(f => f.Value?.ToString()).OfType<string>().Any(v => v.Length >= 8 && request.Contains(v, StringComparison.Ordinal)));
            root["results"] = new JsonArray(results.Where(Compared).Select(unit => unit?.DeepClone()).ToArray());
            return root.ToJsonString();
        }
        catch (JsonException)
        {
            return body;
        }
    }

    /// <summary>How many objects a list answer holds: tastypie meta.total_count/objects, dashboard results, or a top-level array.</summary>
    private static int? ListedCount(string body, string onSuccess)
    {
        try
        {
            var root = JsonNode.Parse(body);
            return root switch
            {
                JsonArray array => array.Count,
                JsonObject o when onSuccess == "set" && o["objects"] is JsonArray objects => objects.Count,
                JsonObject o when o["meta"]?["total_count"] is JsonValue total && total.TryGetValue<int>(out var n) => n,
                JsonObject o when o["objects"] is JsonArray objects => objects.Count,
                JsonObject o when o["results"] is JsonArray results => results.Count,
                JsonObject o when o["entries"] is JsonArray entries => entries.Count,
                _ => null,
            };
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "…";
}
