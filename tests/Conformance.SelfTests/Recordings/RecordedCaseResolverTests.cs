using FluentAssertions;
using NUnit.Framework;

namespace Conformance.SelfTests.Recordings;

/// <summary>How a recorded request is mapped to a case, on hand-made interactions the recordings do not happen to contain.</summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class RecordedCaseResolverTests
{
    private static readonly RecordedCaseResolver Resolver = new(ReferenceTarget.Catalogue, ReferenceTarget.Schemas);

    [Test]
    public async Task A_path_no_catalogue_route_matches_is_not_applicable()
    {
        var outcome = await Resolver.JudgeAsync(Interaction("GET", "/api/no/such/route/", 404, "text/html; charset=utf-8"));
        outcome.Name.Should().Be(RecordedOutcome.NotApplicableVerdict, outcome.Describe());
    }

    [TestCase("GET", RecordedOutcome.Pass, TestName = "A_method_the_route_does_not_allow_is_judged_as_the_405_probe(Allow right)")]
    [TestCase("GET, POST", RecordedOutcome.Fail, TestName = "A_method_the_route_does_not_allow_is_judged_as_the_405_probe(Allow wrong)")]
    public async Task A_method_the_route_does_not_allow_is_judged_as_the_405_probe(string allow, string verdict)
    {
        var outcome = await Resolver.JudgeAsync(Interaction("DELETE", "/api/transfer/completed", 405, "text/html; charset=utf-8", ("allow", allow)));
        outcome.Name.Should().Be(verdict, outcome.Describe());
        outcome.Case!.Name.Should().Be("am.transfer.completed, DELETE not allowed");
    }

    [Test]
    public async Task Credentials_the_service_rejects_are_judged_as_wrong_credentials()
    {
        var outcome = await Resolver.JudgeAsync(Interaction("GET", "/api/v1/pipeline/", 401, "text/html; charset=utf-8", ("www-authenticate", "Basic Realm=\"django-tastypie\"")) with
        {
            RequestHeaders = new Dictionary<string, string> { ["authorization"] = "ApiKey test:wrong" },
        });
        outcome.Name.Should().Be(RecordedOutcome.Pass, outcome.Describe());
        outcome.Case!.Name.Should().Be("ss.pipeline.list@v1, BadKeyHeader");
    }

    private static RecordedInteraction Interaction(string method, string path, int status, string contentType, params (string Name, string Value)[] headers) => new(
        "hand-made", 0, method, "http://127.0.0.1" + path, path, [], new Dictionary<string, string>(), null, status, "",
        headers.Append((Name: "content-type", Value: contentType)).ToDictionary(h => h.Name, h => h.Value), "");
}
