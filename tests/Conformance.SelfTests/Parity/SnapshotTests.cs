using FluentAssertions;
using NUnit.Framework;

namespace Conformance.SelfTests.Parity;

/// <summary>Snapshots are normalized and stable; the parity comparison names the test and the field, and catches a stale list.</summary>
[TestFixture]
public sealed class SnapshotTests
{
    private const string Test = "Conformance.Tests.ReadOnlyEndpoints.Answers_per_contract(am.transfer.status, Header)";

    [Test]
    public void A_snapshot_masks_hosts_uuids_dates_and_values_and_is_the_same_bytes_twice()
    {
        var answer = Answer(201, """{"id": "11111111-2222-4333-8444-555555555555", "path": "/var/archivematica/x", "count": 3, "when": "2025-01-02T03:04:05Z", "items": [{"a": 1}, {"a": 2, "b": null}]}""") with
        {
            ResponseHeaders =
            [
                new("Content-Type", "application/json; charset=utf-8"),
                new("Location", "http://am.example.org:8002/api/transfer/status/11111111-2222-4333-8444-555555555555/"),
                new("Content-Disposition", "attachment; filename=\"aip-11111111.7z\""),
                new("Server", "gunicorn"),
            ],
        };
        var verdict = new Verdict { Exchange = answer, Results = [CheckResult.Pass(Requirement.Schema, "ok")] };

        var snapshot = Snapshot.Of(Test, "read-only", verdict)!;
        var json = snapshot.ToJson();

        json.Should().Be(Snapshot.Of(Test, "read-only", verdict)!.ToJson());
        json.Should().NotContainAny("example.org", "1111", "var/archivematica", "2025", "gunicorn");
        snapshot.Headers.Should().Equal(new Dictionary<string, string>
        {
            ["Content-Disposition"] = "attachment; filename=<name>",
            ["Location"] = "<origin>/api/transfer/status/<uuid>/",
        });
        snapshot.Body.Should().Be("json-object {count:n,id:s,items:[{a:n,b:null}|{a:n}],path:s,when:s}");
        snapshot.Schema.Should().Be("matches");
        snapshot.Test.Should().Be("ReadOnlyEndpoints.Answers_per_contract(am.transfer.status, Header)");
        Snapshot.FromJson(json).ToJson().Should().Be(json);
        Snapshot.FileNameOf(snapshot.Test).Should().Be("ReadOnlyEndpoints.Answers_per_contract(am.transfer.status,Header).json");
    }

    [Test]
    public void No_answer_gives_no_snapshot()
    {
        Snapshot.Of(Test, "read-only", new Verdict { Exchange = Answer(200, "") with { TransportError = "timeout" } }).Should().BeNull();
    }

    [Test]
    public void A_mismatch_names_the_test_and_the_field_and_must_be_listed()
    {
        using var folders = new Folders();
        folders.Write(folders.Recorded, "read-only", Snap(200, "json-object {a:s}"));
        folders.Write(folders.Emulated, null, Snap(200, "json-object {a:n}"));

        var (mismatches, compared) = SnapshotParity.Compare(folders.Recorded, folders.Emulated);

        compared.Should().Be(1);
        mismatches.Should().ContainSingle().Which.Should().Be(new Mismatch("read-only", Snap(0, "").Test, "body", "json-object {a:s}", "json-object {a:n}"));
        SnapshotParity.Judge(mismatches, [], compared).Unlisted.Should().HaveCount(1);
        var listed = new NotReproduced("read-only", Snap(0, "").Test, ["body"], "a reason");
        var judged = SnapshotParity.Judge(mismatches, [listed], compared);
        judged.Unlisted.Should().BeEmpty();
        judged.Stale.Should().BeEmpty();
    }

    [Test]
    public void A_listed_snapshot_that_now_matches_is_stale()
    {
        using var folders = new Folders();
        folders.Write(folders.Recorded, "sandbox", Snap(404, "empty"));
        folders.Write(folders.Emulated, null, Snap(404, "empty"));

        var (mismatches, compared) = SnapshotParity.Compare(folders.Recorded, folders.Emulated);

        mismatches.Should().BeEmpty();
        SnapshotParity.Judge(mismatches, [new NotReproduced("sandbox", Snap(0, "").Test, ["status"], "was 500")], compared).Stale.Should().ContainSingle();
    }

    [Test]
    public void A_test_the_emulator_did_not_answer_is_a_mismatch()
    {
        using var folders = new Folders();
        folders.Write(folders.Recorded, "read-only", Snap(200, "empty"));

        SnapshotParity.Compare(folders.Recorded, folders.Emulated).Mismatches.Should().ContainSingle().Which.Field.Should().Be("answered");
    }

    private static Exchange Answer(int status, string body) => new()
    {
        Service = "archivematica",
        AuthMode = AuthMode.Header,
        Method = "GET",
        Url = "http://am.example.org:8002/api/transfer/status/11111111-2222-4333-8444-555555555555/",
        Status = status,
        Body = body,
    };

    private static Snapshot Snap(int status, string body) =>
        new("ReadOnlyEndpoints.Answers_per_contract(am.transfer.status, Header)", "read-only", status, "application/json", new Dictionary<string, string>(), "not checked", body);

    private sealed class Folders : IDisposable
    {
        private readonly string _root = Directory.CreateTempSubdirectory("snapshot-tests-").FullName;

        public string Recorded => Directory.CreateDirectory(Path.Combine(_root, "recorded")).FullName;

        public string Emulated => Directory.CreateDirectory(Path.Combine(_root, "emulated")).FullName;

        public void Write(string folder, string? mode, Snapshot snapshot)
        {
            var target = Directory.CreateDirectory(mode is null ? folder : Path.Combine(folder, mode)).FullName;
            File.WriteAllText(Path.Combine(target, Snapshot.FileNameOf(snapshot.Test)), snapshot.ToJson());
        }

        public void Dispose() => Directory.Delete(_root, recursive: true);
    }
}
