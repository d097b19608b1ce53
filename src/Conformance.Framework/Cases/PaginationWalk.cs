namespace Conformance.Framework.Cases;

/// <summary>
/// Walks a tastypie list by following meta.next from the first page, then has the pages judged
/// (<see cref="PaginationComplete"/>, PAGE-01). Bounded: it stops after <see cref="MaxPages"/> pages
/// or where meta.next loops back.
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

    /// <summary>
    /// Walks the list; a list that changed during the walk (a live instance: other users, or the run's
    /// own writes) is walked once more, and if it changed again the verdict is inconclusive, never a
    /// pass or a failure: objects added or removed meanwhile shift across pages.
    /// </summary>
    public static async Task<Verdict> RunAsync(ServiceClient client, string listPath, int pageSize, string testName, CancellationToken cancellationToken = default)
    {
        var pages = await WalkAsync(client, listPath, pageSize, testName, cancellationToken);
        if (PaginationComplete.ChangedDuringWalk(pages) is not { } firstChange)
        {
            return Judged(pages, pageSize, null);
        }

        pages = await WalkAsync(client, listPath, pageSize, testName, cancellationToken);
        return PaginationComplete.ChangedDuringWalk(pages) is not { } secondChange
            ? Judged(pages, pageSize, firstChange)
            : new Verdict
            {
                Exchange = pages[^1].Exchange,
                NotRun = NotRunKind.Inconclusive,
                NotRunReason = $"{listPath} changed during two walks ({firstChange}; then {secondChange}): objects were added or removed meanwhile (another user, or the run's own writes), so PAGE-01 cannot be judged on it now",
            };
    }

    private static Verdict Judged(List<WalkedPage> pages, int pageSize, string? earlierChange)
    {
        var result = PaginationComplete.Check(pages, pageSize);
        return new Verdict
        {
            Exchange = pages[^1].Exchange,
            Results = [earlierChange is null ? result : result with { Message = $"{result.Message} (on a second walk: during the first, {earlierChange})" }],
        };
    }

    private static async Task<List<WalkedPage>> WalkAsync(ServiceClient client, string listPath, int pageSize, string testName, CancellationToken cancellationToken)
    {
        var plan = new RequestPlan { Method = "GET", Path = listPath, Query = [new("limit", pageSize.ToString(System.Globalization.CultureInfo.InvariantCulture))] };
        var pages = new List<WalkedPage>();
        var visited = new HashSet<string>(StringComparer.Ordinal);
        while (pages.Count < MaxPages)
        {
            var exchange = await client.SendAsync(plan, AuthMode.Header, testName, cancellationToken);
            pages.Add(new WalkedPage(plan.Path, exchange));
            if (PaginationComplete.NextOf(exchange) is not { } next || !visited.Add(next))
            {
                break;
            }

            plan = FromRelativeUrl(next, client.Endpoint.BaseUrl);
        }

        return pages;
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

/// <summary>One Storage Service list walked page by page under one API version: a case like any other, for the <see cref="Executor"/>.</summary>
public sealed record PageWalk(Endpoint List, string ApiVersion, int PageSize) : ISuiteCase
{
    public string Name => $"{List.Id}@{ApiVersion}, pagination walk";

    public Tier Tier => Tier.ReadOnly;

    public IReadOnlyList<ServiceKind> Services => [ServiceKind.Storage];

    public Endpoint? Endpoint => List;

    public bool Hostile => false;

    public bool PresentsWrongCredentials => false;

    /// <summary>Only the first page is known before the walk; the walk judges page by page as it goes.</summary>
    public Task<Prepared> PrepareAsync(ConformanceSession session, CancellationToken cancellationToken)
    {
        var client = session.Client(ServiceKind.Storage)!;
        var path = List.Path.Replace("{api_version}", ApiVersion, StringComparison.Ordinal);
        return Task.FromResult(Prepared.Ready(
            $"GET {client.Endpoint.BaseUrl.ToString().TrimEnd('/')}{path}?limit={PageSize} and each meta.next  [{Tier.Name()}, auth Header]",
            async (testName, ct) => Judgements.Of(await PaginationWalk.RunAsync(client, path, PageSize, testName, ct))));
    }
}
