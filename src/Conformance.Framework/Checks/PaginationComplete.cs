using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Conformance.Framework.Checks;

/// <summary>One page of a walk: the path it was asked at and its answer.</summary>
public sealed record WalkedPage(string Path, Exchange Exchange);

/// <summary>
/// PAGE-01: following meta.next from a list's first page returns every object exactly once, as many
/// as meta.total_count says, without looping. A pure function of the pages a walk fetched.
/// </summary>
public static class PaginationComplete
{
    public static CheckResult Check(IReadOnlyList<WalkedPage> pages, int pageSize)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var visited = new HashSet<string>(StringComparer.Ordinal);
        long? totalCount = null;
        for (var i = 0; i < pages.Count; i++)
        {
            var (path, x) = pages[i];
            if (x.TransportError is not null || x.Status != 200)
            {
                return Fail($"page {i + 1} ({path}) answered {x.TransportError ?? x.Status.ToString(CultureInfo.InvariantCulture)}");
            }

            if (Parse(x.Body) is not { } page)
            {
                return Fail($"page {i + 1} is not a tastypie list with meta and objects");
            }

            totalCount ??= page.TotalCount;
            foreach (var id in page.Ids)
            {
                seen[id] = seen.GetValueOrDefault(id) + 1;
            }

            if (page.Next is null)
            {
                return Summarise(seen, totalCount, i + 1);
            }

            if (!visited.Add(page.Next))
            {
                return Fail($"meta.next loops back to {page.Next}");
            }
        }

        return Fail($"still not at the last page after {pages.Count} pages of {pageSize}");
    }

    /// <summary>
    /// Why the list changed while it was walked (meta.total_count differs between its pages: another
    /// user, or a write of the run itself, added or removed objects meanwhile), else null. Such a walk
    /// proves nothing either way: objects shift across page boundaries.
    /// </summary>
    public static string? ChangedDuringWalk(IReadOnlyList<WalkedPage> pages)
    {
        var totals = pages.Select((p, i) => (Page: i + 1, Total: NextOfOk(p.Exchange) ? Parse(p.Exchange.Body)?.TotalCount : null))
            .Where(t => t.Total is not null).ToList();
        var first = totals.FirstOrDefault();
        var changed = totals.FirstOrDefault(t => t.Total != first.Total);
        return changed.Total is null ? null
            : $"meta.total_count was {first.Total} on page {first.Page} and {changed.Total} on page {changed.Page}";
    }

    /// <summary>The page a walk follows next: meta.next of a 200 tastypie list, else null (the walk stops there).</summary>
    public static string? NextOf(Exchange x) =>
        NextOfOk(x) ? Parse(x.Body)?.Next : null;

    private static bool NextOfOk(Exchange x) => x.TransportError is null && x.Status == 200;

    private static CheckResult Summarise(Dictionary<string, int> seen, long? totalCount, int pages)
    {
        var duplicates = seen.Where(s => s.Value > 1).Select(s => s.Key).ToList();
        var count = seen.Values.Sum();
        var problems = new List<string>();
        if (duplicates.Count > 0)
        {
            problems.Add($"{duplicates.Count} object(s) returned more than once, e.g. {duplicates[0]}");
        }

        if (count != totalCount)
        {
            problems.Add($"walked {count} objects over {pages} pages, but meta.total_count is {totalCount}");
        }

        return problems.Count == 0
            ? CheckResult.Pass(Requirement.Pagination, $"{count} objects over {pages} pages, each once, as total_count says")
            : Fail(string.Join("; ", problems));
    }

    private static CheckResult Fail(string message) => CheckResult.Fail(Requirement.Pagination, message);

    private sealed record Page(long TotalCount, string? Next, IReadOnlyList<string> Ids);

    private static Page? Parse(string body)
    {
        try
        {
            var root = JsonNode.Parse(body);
            var meta = root?["meta"];
            if (meta?["total_count"] is not JsonValue total || root!["objects"] is not JsonArray objects)
            {
                return null;
            }

            // Objects are told apart by their resource_uri (every tastypie object has one), else uuid or id.
            var ids = objects.Select((o, i) => (string?)o?["resource_uri"] ?? o?["uuid"]?.ToString() ?? o?["id"]?.ToString() ?? $"#{i}").ToList();
            return new Page(total.GetValue<long>(), meta["next"]?.GetValue<string>(), ids);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }
}
