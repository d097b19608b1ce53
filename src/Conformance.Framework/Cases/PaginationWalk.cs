using System.Text.Json;
using System.Text.Json.Nodes;

namespace Conformance.Framework.Cases;

/// <summary>
/// Walks a tastypie list by following meta.next from the first page and checks that every object
/// comes back exactly once and that their number is meta.total_count. Bounded: it stops after
/// <see cref="MaxPages"/> pages and reports a loop as a failure.
/// </summary>
public static class PaginationWalk
{
    public const int MaxPages = 200;

    /// <summary>What the suite walks: every Storage Service list, under both API versions.</summary>
    public static IEnumerable<(string EndpointId, string ApiVersion)> Lists(EndpointCatalogue catalogue) =>
        from e in catalogue.Endpoints
        where e.Service == ServiceKind.Storage && e.Method == "GET" && e.Id.EndsWith(".list", StringComparison.Ordinal)
        from v in new[] { "v2", "v1" }
        select (e.Id, v);

    public static async Task<Verdict> RunAsync(ServiceClient client, string listPath, int pageSize, string testName, CancellationToken cancellationToken = default)
    {
        var plan = new RequestPlan { Method = "GET", Path = listPath, Query = [new("limit", pageSize.ToString(System.Globalization.CultureInfo.InvariantCulture))] };
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var visited = new HashSet<string>(StringComparer.Ordinal);
        long? totalCount = null;
        Exchange? last = null;
        for (var page = 0; page < MaxPages; page++)
        {
            last = await client.SendAsync(plan, AuthMode.Header, testName, cancellationToken);
            if (last.TransportError is not null || last.Status != 200)
            {
                return Fail(last, $"page {page + 1} ({plan.Path}) answered {last.TransportError ?? last.Status.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
            }

            if (Parse(last.Body) is not { } meta)
            {
                return Fail(last, $"page {page + 1} is not a tastypie list with meta and objects");
            }

            totalCount ??= meta.TotalCount;
            foreach (var id in meta.Ids)
            {
                seen[id] = seen.GetValueOrDefault(id) + 1;
            }

            if (meta.Next is null)
            {
                return Summarise(last, seen, totalCount, page + 1);
            }

            if (!visited.Add(meta.Next))
            {
                return Fail(last, $"meta.next loops back to {meta.Next}");
            }

            plan = FromRelativeUrl(meta.Next, client.Endpoint.BaseUrl);
        }

        return Fail(last!, $"still not at the last page after {MaxPages} pages of {pageSize}");
    }

    private static Verdict Summarise(Exchange last, Dictionary<string, int> seen, long? totalCount, int pages)
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
            ? new Verdict { Exchange = last, Results = [CheckResult.Pass(Requirement.Pagination, $"{count} objects over {pages} pages, each once, as total_count says")] }
            : Fail(last, string.Join("; ", problems));
    }

    private static Verdict Fail(Exchange exchange, string message) =>
        new() { Exchange = exchange, Results = [CheckResult.Fail(Requirement.Pagination, message)] };

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

    // tastypie's next is relative to the host ("/api/v2/file/?limit=5&offset=5"); a base URL with a
    // path prefix already appears in it, so that prefix is dropped before the client adds it back.
    private static RequestPlan FromRelativeUrl(string next, Uri baseUrl)
    {
        var absolute = new Uri(baseUrl, next);
        var path = absolute.AbsolutePath;
        var prefix = baseUrl.AbsolutePath.TrimEnd('/');
        if (prefix.Length > 0 && path.StartsWith(prefix, StringComparison.Ordinal))
        {
            path = path[prefix.Length..];
        }

        var query = absolute.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .Select(p => new KeyValuePair<string, string>(Uri.UnescapeDataString(p[0].Replace('+', ' ')), p.Length > 1 ? Uri.UnescapeDataString(p[1].Replace('+', ' ')) : string.Empty))
            .ToList();
        return new RequestPlan { Method = "GET", Path = path, Query = query };
    }
}
