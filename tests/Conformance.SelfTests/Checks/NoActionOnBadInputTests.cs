using FluentAssertions;
using NUnit.Framework;

namespace Conformance.SelfTests.Checks;

/// <summary>INPUT-03: nothing evaluated, no lookup widened, no state changed; each not applicable where it cannot tell.</summary>
[Parallelizable(ParallelScope.All)]
public sealed class NoActionOnBadInputTests
{
    [Test]
    public void An_evaluated_template_fails() =>
        NoActionOnBadInput.TemplateNotEvaluated(Probes.Answer(400) with { Body = $"bad value {ProbeKinds.TemplateProduct}" })
            .Should().Match<CheckResult>(r => !r.Passed && r.Requirement.Id == "INPUT-03");

    [Test]
    public void An_answer_without_the_product_proves_nothing() => NoActionOnBadInput.TemplateNotEvaluated(Probes.Answer(400)).Should().BeNull();

    [Test]
    public void A_filter_value_that_matches_nothing_passes() =>
        NoActionOnBadInput.LookupNotWidened(EmptyFilterProbe, Probes.Answer(200) with { Body = """{"meta": {"total_count": 0}, "objects": []}""" })!.Passed.Should().BeTrue();

    [Test]
    public void A_filter_value_that_matches_objects_fails() =>
        NoActionOnBadInput.LookupNotWidened(EmptyFilterProbe, Probes.Answer(200) with { Body = """{"meta": {"total_count": 4}, "objects": []}""" })
            .Should().Match<CheckResult>(r => !r.Passed && r.Message == "the bad value matched 4 object(s): the lookup was widened by the input");

    [Test]
    public void A_2xx_that_is_not_a_list_fails() =>
        NoActionOnBadInput.LookupNotWidened(EmptyFilterProbe, Probes.Answer(200) with { Body = "ok" })!.Passed.Should().BeFalse();

    [Test]
    public void A_refusal_or_an_input_without_a_lookup_does_not_apply()
    {
        NoActionOnBadInput.LookupNotWidened(EmptyFilterProbe, Probes.Answer(400)).Should().BeNull();
        NoActionOnBadInput.LookupNotWidened(Probes.Named(Probes.SqlInjectionInPath), Probes.Answer(200)).Should().BeNull();
    }

    private const string Unapproved = """{"results": [{"directory": "cf1-awaiting-3-u1", "uuid": "u1-0000-0000"}, {"directory": "users-transfer", "uuid": "u2-0000-0000"}, {"directory": "cf1-awaiting-4-u3", "uuid": "u3-0000-0000"}]}""";

    [Test]
    public void The_runs_other_units_leave_a_dashboard_list_before_it_is_compared()
    {
        // The pipeline approving or finishing the run's other transfers meanwhile is not the probe's doing.
        var before = NoActionOnBadInput.WithoutRunsOtherUnits(Unapproved, "cf1", "POST /api/transfer/approve directory=../../canary", ["cf17", "conformance-canary"]);
        var after = NoActionOnBadInput.WithoutRunsOtherUnits(Unapproved.Replace("""{"directory": "cf1-awaiting-4-u3", "uuid": "u3-0000-0000"}""", """{"directory": "cf1-awaiting-5-u4", "uuid": "u4-0000-0000"}""", StringComparison.Ordinal),
            "cf1", "POST /api/transfer/approve directory=../../canary", ["cf17", "conformance-canary"]);
        NoActionOnBadInput.StateUnchanged([("am.transfer.unapproved", before)], [("am.transfer.unapproved", after)]).Single().Passed.Should().BeTrue();
    }

    [Test]
    public void A_unit_the_probe_names_or_one_the_run_did_not_make_is_still_compared()
    {
        // A vulnerable server approved the run's transfer the request named, or one of another user's.
        foreach (var gone in new[] { """{"directory": "cf1-awaiting-3-u1", "uuid": "u1-0000-0000"}, """, """{"directory": "users-transfer", "uuid": "u2-0000-0000"}, """ })
        {
            var before = NoActionOnBadInput.WithoutRunsOtherUnits(Unapproved, "cf1", "directory=cf1-awaiting-3-u1&type=bad", ["cf17"]);
            var after = NoActionOnBadInput.WithoutRunsOtherUnits(Unapproved.Replace(gone, "", StringComparison.Ordinal), "cf1", "directory=cf1-awaiting-3-u1&type=bad", ["cf17"]);
            NoActionOnBadInput.StateUnchanged([("am.transfer.unapproved", before)], [("am.transfer.unapproved", after)]).Single().Passed.Should().BeFalse(gone);
        }
    }

    [Test]
    public void State_that_stayed_the_same_passes_and_changed_state_fails()
    {
        NoActionOnBadInput.StateUnchanged([("x", "1")], [("x", "1")]).Should().ContainSingle(r => r.Passed && r.Message == "x unchanged");
        NoActionOnBadInput.StateUnchanged([("x", "1")], [("x", "2")]).Should().ContainSingle(r => !r.Passed && r.Message == "x changed: before «1», after «2»");
    }

    [Test]
    public void A_state_read_that_could_not_be_made_does_not_apply() =>
        NoActionOnBadInput.StateUnchanged([("x", null), ("y", "1")], [("x", "2"), ("y", null)]).Should().BeEmpty();

    private static HostileProbe EmptyFilterProbe => Probes.All.First(p => p.Input?.OnSuccess == "empty" && p.Kind != ProbeKinds.DuplicateParameter);
}
