using FluentAssertions;
using NUnit.Framework;

namespace Conformance.SelfTests.Checks;

/// <summary>PAGE-01, on hand-made pages of a tastypie list.</summary>
[Parallelizable(ParallelScope.All)]
public sealed class PaginationCompleteTests
{
    [Test]
    public void Passes_when_every_object_comes_once_as_total_count_says() =>
        PaginationComplete.Check([Page(3, "/api/v2/file/?offset=2", "a", "b"), Page(3, null, "c")], 2)
            .Should().Match<CheckResult>(r => r.Passed && r.Requirement.Id == "PAGE-01" && r.Message == "3 objects over 2 pages, each once, as total_count says");

    [Test]
    public void Fails_on_an_object_returned_twice() =>
        PaginationComplete.Check([Page(3, "/api/v2/file/?offset=2", "a", "b"), Page(3, null, "b")], 2)
            .Should().Match<CheckResult>(r => !r.Passed && r.Message == "1 object(s) returned more than once, e.g. b");

    [Test]
    public void Fails_when_the_count_differs_from_total_count() =>
        PaginationComplete.Check([Page(5, null, "a", "b")], 2)
            .Should().Match<CheckResult>(r => !r.Passed && r.Message == "walked 2 objects over 1 pages, but meta.total_count is 5");

    [Test]
    public void Fails_when_meta_next_loops_back() =>
        PaginationComplete.Check([Page(9, "/x/?offset=2", "a", "b"), Page(9, "/x/?offset=2", "c", "d")], 2)
            .Should().Match<CheckResult>(r => !r.Passed && r.Message == "meta.next loops back to /x/?offset=2");

    [Test]
    public void Fails_on_a_page_that_is_not_a_200() =>
        PaginationComplete.Check([Page(3, "/x/?offset=2", "a", "b"), new WalkedPage("/x/", Exchanges.CompletedTransfers(status: 500))], 2)
            .Should().Match<CheckResult>(r => !r.Passed && r.Message == "page 2 (/x/) answered 500");

    [Test]
    public void Fails_on_a_page_that_is_not_a_tastypie_list() =>
        PaginationComplete.Check([new WalkedPage("/x/", Exchanges.CompletedTransfers())], 2)
            .Should().Match<CheckResult>(r => !r.Passed && r.Message == "page 1 is not a tastypie list with meta and objects");

    [Test]
    public void Fails_when_the_walk_stopped_before_the_last_page() =>
        PaginationComplete.Check([Page(9, "/x/?offset=2", "a", "b")], 2)
            .Should().Match<CheckResult>(r => !r.Passed && r.Message == "still not at the last page after 1 pages of 2");

    [Test]
    public void A_walk_whose_total_count_moved_changed_during_the_walk()
    {
        PaginationComplete.ChangedDuringWalk([Page(3, "/x/?offset=2", "a", "b"), Page(3, null, "c")]).Should().BeNull();
        PaginationComplete.ChangedDuringWalk([Page(3, "/x/?offset=2", "a", "b"), Page(4, "/x/?offset=4", "c", "d"), Page(4, null, "e")])
            .Should().Be("meta.total_count was 3 on page 1 and 4 on page 2");
        PaginationComplete.ChangedDuringWalk([Page(3, "/x/?offset=2", "a", "b"), new WalkedPage("/x/", Exchanges.CompletedTransfers(status: 500))])
            .Should().BeNull("a page that is not a list says nothing about the count (the check fails it)");
    }

    [Test]
    public void The_walk_follows_meta_next_of_a_200_list_only()
    {
        PaginationComplete.NextOf(Page(9, "/x/?offset=2", "a").Exchange).Should().Be("/x/?offset=2");
        PaginationComplete.NextOf(Page(9, null, "a").Exchange).Should().BeNull();
        PaginationComplete.NextOf(Page(9, "/x/?offset=2", "a").Exchange with { Status = 500 }).Should().BeNull();
    }

    private static WalkedPage Page(int totalCount, string? next, params string[] uris)
    {
        var objects = string.Join(", ", uris.Select(u => $$"""{"resource_uri": "{{u}}"}"""));
        var body = $$"""{"meta": {"total_count": {{totalCount}}, "next": {{(next is null ? "null" : $"\"{next}\"")}}}, "objects": [{{objects}}]}""";
        return new WalkedPage("/x/", Exchanges.CompletedTransfers(body: body));
    }
}
