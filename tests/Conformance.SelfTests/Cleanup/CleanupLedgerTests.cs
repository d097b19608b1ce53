using Conformance.Framework.Cases;
using Conformance.Framework.Cleanup;
using Conformance.Framework.Http;
using FluentAssertions;
using NUnit.Framework;

namespace Conformance.SelfTests.Cleanup;

[TestFixture]
public sealed class CleanupLedgerTests
{
    private static ConformanceCase Case(string endpointId) =>
        CaseFactory.All(ReferenceTarget.Catalogue).First(c => c.Endpoint.Id == endpointId && c.Kind == CaseKind.Auth && c.Mode == AuthMode.Header);

    private static Exchange Answer(int status, string body) => Exchanges.CompletedTransfers(status: status, body: body);

    [Test]
    public void Records_what_successful_writes_created_and_nothing_else()
    {
        var ledger = new CleanupLedger();
        ledger.Record(Case("am.transfer.approve"), Answer(200, """{"message": "Approval successful.", "uuid": "11111111-2222-4333-8444-555555555555"}"""));
        ledger.Record(Case("am.transfer.approve"), Answer(500, """{"error": true, "uuid": "not-created"}"""));
        ledger.Record(Case("am.transfer.completed"), Answer(200, """{"uuid": "read-only"}"""));
        ledger.Entries.Should().ContainSingle().Which.Identifier.Should().Be("11111111-2222-4333-8444-555555555555");
    }

    [Test]
    public async Task Hides_created_transfers_at_the_end_and_reports_what_it_could_not_clean()
    {
        await using var target = await ReferenceTarget.StartAsync();
        var ledger = target.Session.Ledger;
        var done = target.Host.Dashboard.AddCompletedTransfer();
        ledger.Record(Case("am.transfer.approve"), Answer(200, $$"""{"message": "Approval successful.", "uuid": "{{done}}"}"""));
        ledger.Record(Case("am.v2beta.package.post"), Answer(202, """{"id": "99999999-2222-4333-8444-555555555555"}"""));

        await ledger.CleanUpAsync(target.Session);

        ledger.Entries.Select(e => e.Outcome).Should().Equal(
            "hidden (DELETE /api/transfer/<uuid>/delete/)",
            "not cleaned: hiding answered 409 (a transfer can be hidden only once it is done)");
        ledger.ToJson().Should().Contain(done);
    }
}
