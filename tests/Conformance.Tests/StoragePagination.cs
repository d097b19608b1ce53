using NUnit.Framework;

namespace Conformance.Tests;

/// <summary>Every Storage Service list, walked page by page through meta.next, under both API versions.</summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
[Category(Categories.Storage)]
[Category(Categories.ReadOnly)]
[Category("pagination")]
public sealed class StoragePagination
{
    private const int PageSize = 5;

    public static IEnumerable<TestCaseData> Lists() =>
        PaginationWalk.Lists(Suite.Catalogue).Select(l => new TestCaseData(l.EndpointId, l.ApiVersion).SetName($"{{m}}({l.EndpointId}@{l.ApiVersion})").SetCategory("api-" + l.ApiVersion));

    [TestCaseSource(nameof(Lists))]
    public async Task Walking_next_returns_every_object_once(string endpointId, string apiVersion) =>
        (await SentAhead.VerdictAsync(name => Suite.SendAsync(Walk(endpointId, apiVersion), name))).Should().Pass();

    public static PageWalk Walk(string endpointId, string apiVersion) => new(Suite.Catalogue[endpointId], apiVersion, PageSize);
}
