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
        (await SentAhead.VerdictAsync(name => WalkAsync(endpointId, apiVersion, name))).Should().Pass();

    /// <summary>The walk judges page by page as it goes; its judgement only hands the verdict over.</summary>
    public static async Task<Judgement> WalkAsync(string endpointId, string apiVersion, string testName)
    {
        var session = Suite.Target.SessionFor(Tier.ReadOnly);
        var client = session?.Client(ServiceKind.Storage);
        return Judgements.Of(session is null ? Verdict.Skipped(NotRunKind.Ignored, "not run: the preflight check failed")
            : client is null ? Verdict.Skipped(NotRunKind.Ignored, CaseRunner.NotConfiguredReason(ServiceKind.Storage))
            : session.Settings.DryRun ? Verdict.Skipped(NotRunKind.Ignored, "DRY RUN: would walk " + endpointId + " page by page")
            : await PaginationWalk.RunAsync(client, Suite.Catalogue[endpointId].Path.Replace("{api_version}", apiVersion, StringComparison.Ordinal), PageSize, testName));
    }
}
