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

    private static Exchange Registration(int status, string uuid, string type) => Answer(status, "") with
    {
        Method = "POST",
        Url = "http://127.0.0.1:1/api/v2/file/",
        RequestBody = $$"""{"uuid": "{{uuid}}", "package_type": "{{type}}", "origin_path": "tmp/conformance-x/1/"}""",
    };

    [Test]
    public void Records_a_registration_by_the_uuid_it_sent_even_when_the_server_failed_after_storing()
    {
        var ledger = new CleanupLedger();
        var endpoint = ReferenceTarget.Catalogue["ss.file.create"];
        ledger.Record("probe", endpoint, endpoint.Tier, Registration(201, "aaaaaaaa-2222-4333-8444-555555555555", "AIP"));
        ledger.Record("probe", endpoint, endpoint.Tier, Registration(500, "bbbbbbbb-2222-4333-8444-555555555555", "AIP"));
        ledger.Record("probe", endpoint, endpoint.Tier, Registration(400, "cccccccc-2222-4333-8444-555555555555", "AIP"));
        ledger.Entries.Select(e => e.Identifier).Should().Equal("aaaaaaaa-2222-4333-8444-555555555555", "bbbbbbbb-2222-4333-8444-555555555555");
    }

    [Test]
    public void Records_copies_by_their_destination_and_says_why_each_leftover_is_left()
    {
        var ledger = new CleanupLedger();
        var move = ReferenceTarget.Catalogue["ss.location.move_files"];
        ledger.Record("case", move, move.Tier, Answer(200, """{"error": null}""") with { RequestBody = """{"files": [{"source": "a/", "destination": "tmp/conformance-r/7/"}]}""" });
        ledger.RecordScratchCopy("arrangement", "11111111-2222-4333-8444-555555555555", "tmp/conformance-r/8/");
        var location = ReferenceTarget.Catalogue["ss.location.create"];
        ledger.Record("case", location, location.Tier, Answer(201, """{"uuid": "22222222-2222-4333-8444-555555555555"}"""));

        ledger.Entries.Select(e => e.Identifier).Should().Equal("tmp/conformance-r/7/", "tmp/conformance-r/8/", "22222222-2222-4333-8444-555555555555");
        ledger.Leftovers.Should().Be(3);
        ledger.Entries.Should().OnlyContain(e => e.Outcome.StartsWith("not cleaned: ", StringComparison.Ordinal) && e.Outcome.Length > 40);
        ledger.Entries[0].Outcome.Should().Contain("tmp/conformance-<run id>/");
        ledger.Entries[2].Outcome.Should().Contain("cannot delete a location");
    }

    [Test]
    public async Task Requests_deletion_of_the_packages_it_registered()
    {
        await using var target = await ReferenceTarget.StartAsync();
        var ledger = target.Session.Ledger;
        var endpoint = ReferenceTarget.Catalogue["ss.file.create"];
        var aip = target.Host.Storage.AddUploadedAip();
        ledger.Record("case", endpoint, endpoint.Tier, Registration(201, aip, "AIP"));
        ledger.Record("case", endpoint, endpoint.Tier, Registration(500, Guid.NewGuid().ToString(), "AIP"));

        await ledger.CleanUpAsync(target.Session);

        ledger.Entries[0].Outcome.Should().StartWith("deletion requested");
        ledger.Entries[1].Outcome.Should().StartWith("nothing to clean");
        var detail = await new HttpClient().GetStringAsync(new Uri(target.Host.StorageServiceUrl, $"api/v2/file/{aip}/?username={target.Host.Options.User}&api_key={target.Host.Options.ApiKey}"));
        detail.Should().Contain("\"DEL_REQ\"");
    }
}
