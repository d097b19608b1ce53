using FluentAssertions;
using NUnit.Framework;

namespace Conformance.SelfTests.Checks;

/// <summary>XSVC-01 (and the dashboard's HDR-01 pipeline header), on hand-made step answers.</summary>
[Parallelizable(ParallelScope.All)]
public sealed class CrossServiceTests
{
    private const string Pipeline = "5f7c1e2a-9d4b-4c3e-8a6f-1b2d3e4f5a60";
    private const string Sip = "3b1e7e2a-1c4d-4f7b-9a2e-5d6c7b8a9f01";

    [Test]
    public void The_dashboard_names_its_pipeline()
    {
        CrossService.PipelineNamed(Exchanges.CompletedTransfers(), out var pipeline).Passed.Should().BeTrue();
        pipeline.Should().Be(Pipeline);
        CrossService.PipelineNamed(Exchanges.CompletedTransfers() with { ResponseHeaders = [] }, out _)
            .Should().Match<CheckResult>(r => !r.Passed && r.Requirement.Id == "HDR-01");
    }

    [Test]
    public void The_pipeline_is_registered_and_listed_once()
    {
        CrossService.PipelineRegistered(Answer(200, "{}"), Pipeline).Passed.Should().BeTrue();
        CrossService.PipelineRegistered(Answer(404, "{}"), Pipeline).Should().Match<CheckResult>(r => !r.Passed && r.Requirement.Id == "XSVC-01");
        CrossService.PipelineListedOnce(Answer(200, """{"meta": {"total_count": 1}}"""), Pipeline).Passed.Should().BeTrue();
        CrossService.PipelineListedOnce(Answer(200, """{"meta": {"total_count": 0}}"""), Pipeline).Message.Should().Be($"?uuid={Pipeline} lists 0 pipelines");
    }

    [Test]
    public void Every_completed_ingest_is_found_as_an_aip_of_the_pipeline()
    {
        var found = Answer(200, $$"""{"objects": [{"uuid": "{{Sip}}", "package_type": "AIP", "origin_pipeline": "/api/v2/pipeline/{{Pipeline}}/"}], "not_found": []}""");
        CrossService.AllFound(found, 1).Passed.Should().BeTrue();
        CrossService.AllAipsOf(found, Pipeline).Passed.Should().BeTrue();
        CrossService.AllFound(Answer(200, $$"""{"objects": [], "not_found": ["{{Sip}}"]}"""), 1).Message.Should().Be($"1 of the 1 completed ingests are not in the Storage Service: {Sip}");
        CrossService.AllAipsOf(found, "00000000-0000-0000-0000-000000000000").Should().Match<CheckResult>(r => !r.Passed && r.Message.StartsWith("not AIPs of this pipeline: ", StringComparison.Ordinal));
    }

    [Test]
    public void A_stored_aip_is_found_is_an_aip_and_was_stored_by_the_pipeline()
    {
        var aip = Answer(200, $$"""{"uuid": "{{Sip}}", "package_type": "AIP", "origin_pipeline": "/api/v2/pipeline/{{Pipeline}}/"}""");
        CrossService.AipFound(aip, Sip).Passed.Should().BeTrue();
        CrossService.IsAip(aip).Passed.Should().BeTrue();
        CrossService.StoredBy(aip, Pipeline).Passed.Should().BeTrue();
        CrossService.AipFound(Answer(404, "{}"), Sip).Passed.Should().BeFalse();
        CrossService.IsAip(Answer(200, """{"package_type": "transfer"}""")).Message.Should().Be("package_type is transfer, not AIP");
        CrossService.StoredBy(aip, "00000000-0000-0000-0000-000000000000").Passed.Should().BeFalse();
    }

    private static StepAnswer Answer(int status, string body) => new(Exchanges.CompletedTransfers(status, body: body));
}
