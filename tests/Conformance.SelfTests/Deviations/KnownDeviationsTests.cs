using FluentAssertions;
using NUnit.Framework;

namespace Conformance.SelfTests.Deviations;

[TestFixture]
public sealed class KnownDeviationsTests
{
    private static KnownDeviation Entry(string @case = "am.transfer.unapproved, *", string requirement = "STATUS-01", string versions = "=1.15.0") =>
        new("archivematica", VersionRange.Parse(versions), @case, requirement, "known bug", "https://example.org/issue", "test.json");

    private static Verdict FailingWith(params Requirement[] requirements) =>
        new() { Results = requirements.Select(r => CheckResult.Fail(r, "broken")).ToList() };

    [Test]
    public void Covers_a_failure_of_its_case_requirement_and_release_only()
    {
        var deviations = new KnownDeviations([Entry()]);
        deviations.Covering("am.transfer.unapproved, Header", ServiceKind.Archivematica, "1.15.0", FailingWith(Requirement.Status)).Should().ContainSingle();
        deviations.Covering("am.transfer.unapproved, Header", ServiceKind.Archivematica, "1.15.1", FailingWith(Requirement.Status)).Should().BeEmpty("another release");
        deviations.Covering("am.transfer.unapproved, Header", ServiceKind.Archivematica, "1.15.0", FailingWith(Requirement.ContentType)).Should().BeEmpty("another requirement");
        deviations.Covering("am.ingest.waiting, Header", ServiceKind.Archivematica, "1.15.0", FailingWith(Requirement.Status)).Should().BeEmpty("another case");
    }

    [Test]
    public void A_failure_it_does_not_cover_keeps_the_verdict_failed()
    {
        new KnownDeviations([Entry()])
            .Covering("am.transfer.unapproved, Header", ServiceKind.Archivematica, "1.15.0", FailingWith(Requirement.Status, Requirement.Schema))
            .Should().BeEmpty("a deviation may only explain away failures it names");
    }

    [Test]
    public void An_entry_that_covered_nothing_is_stale()
    {
        var used = Entry();
        var unused = Entry("am.ingest.waiting, *");
        var notRun = Entry("am.ingest.status, *");
        var deviations = new KnownDeviations([used, unused, notRun]);
        deviations.Covering("am.transfer.unapproved, Query", ServiceKind.Archivematica, "1.15.0", FailingWith(Requirement.Status));
        deviations.Covering("am.ingest.waiting, Header", ServiceKind.Archivematica, "1.15.0", new Verdict { Results = [CheckResult.Pass(Requirement.Status, "200")] });
        deviations.Stale(new Dictionary<ServiceKind, string> { [ServiceKind.Archivematica] = "1.15.0" }).Should().Equal([unused], "the entry for cases this (filtered) run did not run is not judged");
        deviations.Stale(new Dictionary<ServiceKind, string> { [ServiceKind.Archivematica] = "1.16.0" }).Should().BeEmpty("entries of other releases are not judged");
    }

    [Test]
    public void The_committed_entries_load_and_each_names_a_requirement_the_suite_has()
    {
        var deviations = KnownDeviations.Load(Path.Combine(Paths.Root, "fixtures", "known-deviations"));
        deviations.Entries.Should().NotBeEmpty();
        deviations.Entries.Select(e => e.Requirement).Should().BeSubsetOf(Requirement.All.Select(r => r.Id));
        deviations.Entries.Should().OnlyContain(e => e.Link.StartsWith("https://", StringComparison.Ordinal) && e.Reason.Length > 10);
    }
}
