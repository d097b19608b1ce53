using Conformance.ReferenceServer.Hosting;
using FluentAssertions;
using NUnit.Framework;

namespace Conformance.SelfTests.Cleanup;

/// <summary>Writes that name a path act on run-scoped scratch copies, never on the transfer source.</summary>
[TestFixture]
public sealed class ScratchAreaTests
{
    [Test]
    public async Task A_scratch_copy_lies_in_the_run_folder_and_leaves_the_transfer_source()
    {
        await using var target = await ReferenceTarget.StartAsync();
        var scratch = target.Session.Scratch;

        var copy = await scratch.CopyAsync("self-test");
        var second = await scratch.CopyAsync("self-test");

        copy["path"].Should().StartWith($"tmp/conformance-{target.Session.Run.RunId}/").And.EndWith("/");
        second["path"].Should().NotBe(copy["path"], "each write gets a copy of its own: storing one moves it away");
        copy["location-uri"].Should().Be($"/api/v2/location/{copy["location"]}/");
        target.Host.Storage.TransferSourceHas(ReferenceData.TransferSourcePath).Should().BeTrue();
        (await scratch.TransferSourceUnchangedAsync()).Should().BeTrue();
        target.Session.Ledger.Entries.Where(e => e.Endpoint == CleanupLedger.ScratchCopyEndpoint).Select(e => e.Identifier)
            .Should().Equal(copy["path"], second["path"]);
        scratch.HaltReason.Should().BeNull();
    }

    [Test]
    public void Every_registration_and_copy_in_the_catalogue_names_a_scratch_copy_not_the_transfer_source()
    {
        // Storing moves the origin (the real Storage Service renames it): a registration from the
        // transfer source takes the user's files away. move_files copies, so it may read it.
        var registrations = ReferenceTarget.Catalogue.Endpoints.Where(e => e.Id is "ss.file.create" or "ss.file.create_async").ToList();
        registrations.Should().HaveCount(2);
        foreach (var endpoint in registrations)
        {
            foreach (var request in new[] { endpoint.Request }.Concat(endpoint.Cases.Select(c => c.Request)))
            {
                var json = request.Json?.ToJsonString() ?? "";
                json.Should().NotContain("transfer-source", $"{endpoint.Id} registers what it names, and storing moves it");
            }

            endpoint.Request.Arrange.Should().Be(ScratchArea.Arrangement);
        }

        foreach (var mover in ReferenceTarget.Catalogue.Endpoints.Where(e => e.Id is "ss.location.move_files" or "ss.location.async_move"))
        {
            mover.Request.Json!.ToJsonString().Should().Contain("tmp/conformance-{run}/", "copies land in the run's scratch folder");
        }
    }

    [Test]
    public void Write_cases_act_on_no_package_the_run_did_not_create()
    {
        var offenders = CaseFactory.All(ReferenceTarget.Catalogue)
            .Where(c => c.Tier != Tier.ReadOnly)
            .Select(c => (c.Name, Request: (c.Variant?.Request ?? c.Endpoint.Request)))
            .Where(c => c.Request.PathParams.Values.Any(v => v.StartsWith("discover:ss.file.list", StringComparison.Ordinal)
                && !v.Contains("package_type=transfer", StringComparison.Ordinal)))
            .Select(c => c.Name)
            .ToList();
        offenders.Should().BeEmpty("a write on a discovered package acts on a user's package; arrange one instead");
    }
}
