using System.Globalization;
using FluentAssertions;
using Microsoft.AspNetCore.Http;
using NUnit.Framework;

namespace Conformance.SelfTests.Checks;

/// <summary>
/// The PAGE-01 walk against a list served live: one that changes while it is walked (a live instance)
/// is walked again and, if it changes again, inconclusive; a pagination defect on a stable list fails.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class PaginationWalkTests
{
    private const string ListPath = "/api/v2/file/";

    [Test]
    public async Task A_list_that_changes_during_both_walks_is_inconclusive_never_failed()
    {
        // Another user registers a package before every third page (newest first: objects shift by one).
        var list = new LiveList(12, (items, request) => { if (request % 3 == 2) { items.Insert(0, $"new-{request}"); } });
        var verdict = await list.WalkAsync();
        verdict.NotRun.Should().Be(NotRunKind.Inconclusive);
        verdict.Failures.Should().BeEmpty();
        verdict.NotRunReason.Should().Match("/api/v2/file/ changed during two walks (meta.total_count was 12 on page 1 and 13 on page 2; then meta.total_count was * on page 1 and * on page *): objects were added or removed meanwhile*");
    }

    [Test]
    public async Task A_list_that_changed_during_the_first_walk_only_is_judged_on_the_second()
    {
        var list = new LiveList(12, (items, request) => { if (request == 2) { items.RemoveAt(0); } });
        var verdict = await list.WalkAsync();
        verdict.Passed.Should().BeTrue();
        verdict.Results.Should().ContainSingle().Which.Message.Should()
            .Be("11 objects over 3 pages, each once, as total_count says (on a second walk: during the first, meta.total_count was 12 on page 1 and 11 on page 2)");
    }

    [Test]
    public async Task A_stable_list_whose_pages_overlap_still_fails()
    {
        var list = new LiveList(12, (_, _) => { }, overlap: 1);
        var verdict = await list.WalkAsync();
        verdict.NotRun.Should().Be(NotRunKind.None);
        verdict.Failures.Should().ContainSingle().Which.Message.Should().StartWith("2 object(s) returned more than once");
    }

    [Test]
    public async Task A_stable_list_whose_total_count_is_wrong_on_every_page_still_fails()
    {
        var list = new LiveList(12, (_, _) => { }, totalCountOffset: 1);
        var verdict = await list.WalkAsync();
        verdict.Failures.Should().ContainSingle().Which.Message.Should().Be("walked 12 objects over 3 pages, but meta.total_count is 13");
    }

    /// <summary>A tastypie list (limit/offset, meta.next) whose objects <paramref name="change"/> may edit before each request (numbered from 1).</summary>
    private sealed class LiveList(int count, Action<List<string>, int> change, int overlap = 0, int totalCountOffset = 0)
    {
        private readonly List<string> _items = Enumerable.Range(1, count).Select(i => $"object-{i}").ToList();
        private int _requests;

        public async Task<Verdict> WalkAsync()
        {
            await using var stub = await StubServer.StartAsync(AnswerAsync);
            using var client = new ServiceClient(new ServiceEndpoint(ServiceKind.Storage, stub.Url, new Credentials("test", "pagination-key-0123456789")), TimeSpan.FromSeconds(10));
            return await PaginationWalk.RunAsync(client, ListPath, 5, "self-test: pagination walk");
        }

        private Task AnswerAsync(HttpContext context)
        {
            string body;
            lock (_items)
            {
                change(_items, ++_requests);
                var limit = int.Parse(context.Request.Query["limit"].ToString(), CultureInfo.InvariantCulture);
                var offset = int.TryParse(context.Request.Query["offset"].ToString(), CultureInfo.InvariantCulture, out var o) ? o : 0;
                var nextOffset = offset + limit - overlap;
                var next = offset + limit < _items.Count ? $"\"{ListPath}?limit={limit}&offset={nextOffset}\"" : "null";
                var objects = string.Join(", ", _items.Skip(offset).Take(limit).Select(i => $$"""{"resource_uri": "{{ListPath}}{{i}}/"}"""));
                body = $$"""{"meta": {"limit": {{limit}}, "offset": {{offset}}, "next": {{next}}, "total_count": {{_items.Count + totalCountOffset}}}, "objects": [{{objects}}]}""";
            }

            context.Response.ContentType = "application/json";
            return context.Response.WriteAsync(body);
        }
    }
}
