using FluentAssertions;
using NUnit.Framework;

namespace Conformance.SelfTests.Checks;

/// <summary>The one verifier: which checks run on an exchange, in which order, and where it stops.</summary>
[Parallelizable(ParallelScope.All)]
public sealed class CaseVerifierTests
{
    private static readonly Expectation Completed = new()
    {
        Status = 200,
        ContentType = "application/json",
        Body = "json",
        Schema = "archivematica/am.transfer.completed.200.json",
        Headers = new Dictionary<string, string> { ["X-Archivematica-Version"] = @"^\d+\.\d+" },
        AbsentHeaders = ["WWW-Authenticate"],
    };

    [Test]
    public async Task A_conformant_exchange_passes_every_check_the_expectation_calls_for() =>
        (await CaseVerifier.VerifyAsync(Exchanges.CompletedTransfers(), Completed, Requirement.Status, Exchanges.Schemas))
            .Select(r => (r.Requirement.Id, r.Passed)).Should().Equal(
                ("TRANSPORT-01", true), ("STATUS-01", true), ("LEAK-01", true), ("CT-01", true), ("BODY-01", true), ("SCHEMA-01", true), ("HDR-01", true), ("HDR-02", true));

    [Test]
    public async Task A_wrong_status_stops_the_body_checks_but_not_the_leak_check() =>
        (await CaseVerifier.VerifyAsync(Exchanges.CompletedTransfers(status: 500, body: "oops"), Completed, Requirement.Status, Exchanges.Schemas))
            .Select(r => r.Requirement.Id).Should().Equal("TRANSPORT-01", "STATUS-01", "LEAK-01");

    [Test]
    public async Task No_answer_is_judged_by_transport_alone() =>
        (await CaseVerifier.VerifyAsync(Exchanges.CompletedTransfers() with { TransportError = "timed out" }, Completed, Requirement.Status, Exchanges.Schemas))
            .Should().ContainSingle(r => r.Requirement.Id == "TRANSPORT-01" && !r.Passed);

    [Test]
    public async Task A_body_of_the_wrong_kind_is_not_schema_checked() =>
        (await CaseVerifier.VerifyAsync(Exchanges.CompletedTransfers(body: "not json"), Completed, Requirement.Status, Exchanges.Schemas))
            .Select(r => r.Requirement.Id).Should().NotContain("SCHEMA-01");

    [Test]
    public void A_probe_answer_is_judged_without_sending_anything()
    {
        var probe = Probes.Named(Probes.SqlInjectionInPath);
        var refused = Probes.Answer(404);
        CaseVerifier.VerifyProbe(probe, refused, [], []).Should().OnlyContain(r => r.Passed);
        CaseVerifier.VerifyProbe(probe, refused with { Status = 502 }, [], []).Should().Contain(r => !r.Passed && r.Requirement == Requirement.InputRefused);
        CaseVerifier.VerifyProbe(probe, refused, [("x", "1")], [("x", "2")]).Should().Contain(r => !r.Passed && r.Requirement == Requirement.NoActionOnBadInput);
        CaseVerifier.VerifyProbe(probe, refused with { TransportError = "timed out" }, [], []).Should().ContainSingle(r => r.Requirement == Requirement.Transport && !r.Passed);
    }

    [Test]
    public void A_probe_answer_is_checked_in_order()
    {
        var probe = Probes.Named(Probes.SqlInjectionInPath);
        CaseVerifier.VerifyProbe(probe, Probes.Answer(404) with { Body = ProbeKinds.TemplateProduct }, [("x", "1")], [("x", "1")])
            .Select(r => r.Requirement.Id).Should().Equal("TRANSPORT-01", "INPUT-01", "INPUT-02", "LEAK-01", "INPUT-03", "INPUT-03");
    }
}
