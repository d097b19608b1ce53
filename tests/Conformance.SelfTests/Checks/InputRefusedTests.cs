using FluentAssertions;
using NUnit.Framework;

namespace Conformance.SelfTests.Checks;

/// <summary>INPUT-01, on hand-made answers to catalogue probes.</summary>
[Parallelizable(ParallelScope.All)]
public sealed class InputRefusedTests
{
    [Test]
    public void Passes_on_a_4xx() =>
        InputRefused.Check(Probes.Named(Probes.SqlInjectionInPath), Probes.Answer(404)).Should().Match<CheckResult>(r => r.Passed && r.Message == "refused with 404");

    [Test]
    public void Fails_on_a_5xx() =>
        InputRefused.Check(Probes.Named(Probes.SqlInjectionInPath), Probes.Answer(502)).Should().Match<CheckResult>(r => !r.Passed && r.Requirement.Id == "INPUT-01");

    [Test]
    public void Fails_on_an_acceptance() =>
        InputRefused.Check(Probes.Named(Probes.SqlInjectionInJson), Probes.Answer(201))
            .Message.Should().Be("answered 201 Created: the bad input was accepted instead of refused with a 4xx");

    [Test]
    public void Says_what_an_accepted_path_outside_the_locations_means() =>
        InputRefused.Check(Probes.Named(Probes.PathTraversalInJson), Probes.Answer(201))
            .Message.Should().StartWith("the server accepted a path outside its locations (201 Created): ");

    [Test]
    public void Passes_on_a_2xx_the_input_allows()
    {
        var probe = Probes.All.First(p => p.Input?.OnSuccess == "empty");
        InputRefused.Check(probe, Probes.Answer(200)).Passed.Should().BeTrue();
    }
}
