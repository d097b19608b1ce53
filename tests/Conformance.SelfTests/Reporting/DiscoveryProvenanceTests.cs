using FluentAssertions;
using NUnit.Framework;

namespace Conformance.SelfTests.Reporting;

/// <summary>
/// A test whose request took values from the target by discovery says which object it used and where
/// it was found ("am.transfer.completed:results[0] -> &lt;uuid&gt;"): in the failure message and as an
/// Allure parameter, never in the test's name.
/// </summary>
[TestFixture]
public sealed class DiscoveryProvenanceTests
{
    [Test]
    public async Task The_request_names_the_alternative_that_answered_and_the_value()
    {
        await using var target = await ReferenceTarget.StartAsync();
        var endpoint = ReferenceTarget.Catalogue["am.transfer.status"];
        var completed = await target.Session.Discovery.ResolveAsync("am.transfer.completed:results[0]", CancellationToken.None);
        var template = new RequestTemplate { PathParams = new Dictionary<string, string> { ["uuid"] = "discover:am.transfer.completed:results[99] or am.transfer.completed:results[0]" } };

        var plan = await target.Session.Expander.ExpandAsync(endpoint, template, null, forProbe: false, CancellationToken.None);

        plan.Discovered.Should().Equal(new DiscoveredValue("am.transfer.completed:results[0]", completed));
        plan.Path.Should().Contain(completed);
    }

    [Test]
    public async Task A_case_reports_its_discovered_object_in_the_message_and_the_allure_parameters_not_in_its_name()
    {
        await using var target = await ReferenceTarget.StartAsync();
        var testCase = CaseFactory.All(ReferenceTarget.Catalogue).Single(c => c.Name == "am.transfer.status, Header");

        var verdict = await target.RunAsync(testCase);

        var found = verdict.Exchange!.Discovered.Should().ContainSingle().Subject;
        ReferenceTarget.Catalogue["am.transfer.status"].Request.PathParams["uuid"].Should().Contain(found.Source, "the source is one of the catalogue's alternatives");
        verdict.Exchange.Url.Should().Contain(found.Value);
        verdict.Describe().Should().Contain($"Discovered: {found.Source} -> {found.Value}");

        var result = AllureResultBuilder.Build(new TestFacts
        {
            Name = $"Answers_per_contract({testCase.Name})",
            FullName = $"Conformance.Tests.ReadOnlyEndpoints.Answers_per_contract({testCase.Name})",
            Arguments = [testCase],
            Status = ReportStatus.Passed,
            Verdict = verdict,
        }).Result;
        var parameter = result.Parameters.Single(p => p.Name == "discovered");
        parameter.Value.Should().Be($"{found.Source} -> {found.Value}");
        parameter.Excluded.Should().BeTrue("a discovered UUID changes from run to run and must not change the test's history id");
        result.Name.Should().NotContain(found.Value);
        result.HistoryId.Should().Be(AllureResultBuilder.HistoryIdOf(result.FullName));
    }

    [Test]
    public void A_request_without_discovery_has_no_discovered_parameter()
    {
        AllureResultBuilder.DiscoveredParameters(Exchanges.CompletedTransfers()).Should().BeEmpty();
        AllureResultBuilder.DiscoveredParameters(Exchanges.CompletedTransfers() with { Discovered = [new("a:b", "1"), new("c:d", "2")] })
            .Select(p => $"{p.Name}={p.Value}").Should().Equal("discovered=a:b -> 1", "discovered 2=c:d -> 2");
    }
}
