using Conformance.ReferenceServer.Hosting;
using FluentAssertions;
using NUnit.Framework;

namespace Conformance.SelfTests.Faults;

/// <summary>
/// Proves the suite's verdict is sensitive: every fault of the reference server's vocabulary is
/// killed (some case fails), each case fails with exactly the requirements
/// fixtures/fault-expectations.json names, the clean server passes all those cases, and every
/// requirement the suite enforces is the one that catches some fault. The servers run once
/// (<see cref="MutationRun"/>); each test judges its part.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
[Category("mutation")]
public sealed class MutationCheckTests
{
    private static readonly Lazy<FaultExpectations> Expectations = new(FaultExpectations.Load);

    public static IEnumerable<Fault> AllFaults() => Enum.GetValues<Fault>();

    /// <summary>The faults the mutation check runs: all but those a self-test proves instead ("provenBy").</summary>
    public static IEnumerable<Fault> FaultsTheSuiteCatches() => AllFaults().Except(FaultExpectations.Load().Faults.Where(f => !f.IsRun).Select(f => f.Fault));

    [Test]
    public void Every_fault_of_the_vocabulary_has_one_entry_with_a_case_that_must_fail()
    {
        Expectations.Value.Faults.Select(f => f.Fault).Should().OnlyHaveUniqueItems()
            .And.BeEquivalentTo(AllFaults(), "every fault needs proof that the suite notices it ({0})", FaultExpectations.Path);
        Expectations.Value.Faults.Where(f => f.IsRun && !f.Killers.Any()).Select(f => f.Fault).Should().BeEmpty("each fault must name at least one case that fails, or the self-test that proves it (provenBy)");
        Expectations.Value.Faults.Where(f => f.On.Count == 0).Select(f => f.Fault).Should().BeEmpty("each fault must be switched on for an endpoint");
    }

    [Test]
    public void A_fault_proven_elsewhere_names_its_self_test_and_no_cases()
    {
        var provenElsewhere = Expectations.Value.Faults.Where(f => !f.IsRun).ToList();
        provenElsewhere.Where(f => string.IsNullOrWhiteSpace(f.ProvenBy) || !f.ProvenBy.Contains("tests/Conformance.SelfTests/", StringComparison.Ordinal))
            .Select(f => f.Fault).Should().BeEmpty("provenBy names the self-test file that proves the fault");
        provenElsewhere.Where(f => f.Cases.Count > 0).Select(f => f.Fault).Should().BeEmpty("a fault proven elsewhere is not run by the mutation check, so cases would be unchecked");
    }

    [Test]
    public void Every_case_and_endpoint_named_exists()
    {
        var endpoints = ReferenceTarget.Catalogue.Endpoints.Select(e => e.Id).ToHashSet();
        Expectations.Value.Faults.SelectMany(f => f.On.Where(id => !endpoints.Contains(id)).Select(id => $"{f.Fault}: endpoint {id}"))
            .Concat(Expectations.Value.Faults.SelectMany(f => f.Cases.Keys.Where(c => !MutationRun.IsKnownCase(c)).Select(c => $"{f.Fault}: case {c}")))
            .Should().BeEmpty();
    }

    [Test]
    public void Expected_failures_name_only_requirements_the_fault_documents()
    {
        var known = Requirement.All.Select(r => r.Id).ToHashSet();
        foreach (var fault in AllFaults())
        {
            BreaksAttribute.Of(fault).Should().NotBeEmpty($"{fault} must name the requirements it breaks ([Breaks(...)])")
                .And.OnlyContain(id => known.Contains(id), $"{fault}'s [Breaks] must name requirement ids of docs/requirements.md");
        }

        foreach (var entry in Expectations.Value.Faults.Where(f => f.IsRun))
        {
            entry.Cases.SelectMany(c => c.Value).Should().OnlyContain(id => BreaksAttribute.Of(entry.Fault).Contains(id),
                $"{entry.Fault}'s expected failures must be among the requirements its [Breaks] attribute documents");
        }
    }

    [Test]
    public void Every_requirement_the_suite_enforces_catches_some_fault()
    {
        var caught = Expectations.Value.Faults.SelectMany(f => f.Cases.Values.SelectMany(ids => ids)).ToHashSet();
        Requirement.All.Select(r => r.Id).Where(id => !caught.Contains(id) && !ProvenByBreakingProxy.Requirements.ContainsKey(id)).Should()
            .BeEmpty("a requirement no fault breaks is a check nothing proves; add a fault (Hosting/Fault.cs) and its expectation");
    }

    [Test]
    public async Task The_clean_server_passes_every_case_the_faults_are_judged_by()
    {
        var report = await MutationRun.Report;
        report.CleanError.Should().BeNull();
        report.Clean.Should().NotBeEmpty();
        report.Clean.Where(c => !c.AsExpected).Select(c => c.Describe()).Should().BeEmpty();
    }

    [TestCaseSource(nameof(FaultsTheSuiteCatches))]
    public async Task Fault_is_killed_with_the_expected_requirements(Fault fault)
    {
        var report = await MutationRun.Report;
        var outcome = report.Faults.SingleOrDefault(f => f.Fault == fault);
        outcome.Should().NotBeNull($"{fault} has no entry in {FaultExpectations.Path}");
        outcome!.Error.Should().BeNull();
        outcome.Killed.Should().BeTrue($"the suite must notice {fault}:\n{string.Join("\n", outcome.Cases.Select(c => c.Describe()))}");
        outcome.Cases.Where(c => !c.AsExpected).Select(c => c.Describe()).Should().BeEmpty();
        foreach (var killer in outcome.Killers)
        {
            TestContext.Out.WriteLine($"{killer.Case}: [{string.Join(", ", killer.Actual)}]");
        }
    }

    [Test]
    public async Task Kill_ratio_is_reported_and_complete()
    {
        var report = await MutationRun.Report;
        var file = Path.Combine(TestContext.CurrentContext.WorkDirectory, "mutation-report.md");
        await File.WriteAllTextAsync(file, report.Render());
        TestContext.AddTestAttachment(file, "mutation check: kill ratio and every fault's killers");
        TestContext.Out.WriteLine(report.Summary);
        TestContext.Out.WriteLine($"Report: {file}");
        report.Killed.Should().Be(report.Faults.Count, report.Render());
    }
}
