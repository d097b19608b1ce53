using System.Net;
using System.Text.Json.Nodes;
using Conformance.ReferenceServer.Dashboard.State;
using Conformance.ReferenceServer.Hosting;
using FluentAssertions;
using NUnit.Framework;

namespace Conformance.SelfTests.ReferenceServer;

/// <summary>
/// The reference server does to its emulated disk what the real services do to theirs: storing a
/// package moves its origin, move_files copies, the dashboard copies a transfer source into the
/// shared tmp directory and moves that copy into activeTransfers; and its two file-system faults do
/// what they say. Each test compares the disk listing before and after (ReferenceServerHost.DiskListing).
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class FileEffectsTests
{
    private const string Sample = ReferenceData.TransferSourceLocationPath + "/" + ReferenceData.TransferSourcePath;
    private const string Letters = Sample + "/objects/letters";
    private const string LettersRelative = ReferenceData.TransferSourcePath + "/objects/letters/";
    private const string Passwd = "/etc/passwd";
    private const string Backlog = "/var/archivematica/sharedDirectory/www/AIPsStore/transferBacklog";

    [Test]
    public async Task Storing_a_package_moves_its_origin_into_the_storage_location()
    {
        await using var server = await FileEffectsServer.StartAsync();
        var before = server.Disk();

        var response = await server.PostStorageAsync("/api/v2/file/", FileEffectsServer.Registration(LettersRelative, "DIP", "DS"));

        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.Created, body);
        var stored = JsonNode.Parse(body)!["current_full_path"]!.GetValue<string>();
        var after = server.Disk();
        DiskChanges.Between(before, after).Removed.Should().Equal(SubtreeOf(before, Letters), "storing moves the origin away (try_mv_local)");
        Below(after, stored).Should().BeEquivalentTo(Below(before, Letters), "the package holds what the origin held");
    }

    [Test]
    public async Task Storing_a_transfer_in_backlog_asynchronously_moves_its_origin_when_the_task_runs()
    {
        await using var server = await FileEffectsServer.StartAsync();
        var before = server.Disk();

        var response = await server.PostStorageAsync("/api/v2/file/async/", FileEffectsServer.Registration(LettersRelative, "transfer", "BL"));
        var task = await ReadTaskAsync(server, response);

        task["was_error"]!.GetValue<bool>().Should().BeFalse(task.ToJsonString());
        var changes = DiskChanges.Between(before, server.Disk());
        changes.Removed.Should().Equal(SubtreeOf(before, Letters));
        changes.Added.Should().NotBeEmpty().And.OnlyContain(path => path.StartsWith(Backlog + "/", StringComparison.Ordinal), changes.ToString());
    }

    [Test]
    public async Task Move_files_copies_and_leaves_the_source()
    {
        await using var server = await FileEffectsServer.StartAsync();
        var before = server.Disk();

        var response = await MoveFilesAsync(server, LettersRelative, "tmp/selftest-copy/letters/");

        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var after = server.Disk();
        var changes = DiskChanges.Between(before, after);
        changes.Removed.Should().BeEmpty("move_files copies (rsync), whatever its name says");
        changes.Changed.Should().BeEmpty();
        Below(after, ReferenceData.SharedDirectoryPath + "/tmp/selftest-copy/letters").Should().BeEquivalentTo(Below(before, Letters));
    }

    [Test]
    public async Task Start_transfer_copies_the_source_into_active_transfers_and_changes_nothing_else()
    {
        await using var server = await FileEffectsServer.StartAsync();
        var before = server.Disk();

        var response = await StartTransferAsync(server, ReferenceData.TransferSourcePath);

        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.OK, body);
        var destination = JsonNode.Parse(body)!["path"]!.GetValue<string>().TrimEnd('/');
        var after = server.Disk();
        OnlyAddedBelow(before, after, ReferenceData.StandardTransferDirectory);
        Below(after, destination).Should().BeEquivalentTo(Below(before, Sample), "the transfer is a copy of the source");
    }

    [Test]
    public async Task Package_creation_copies_the_source_into_active_transfers_and_changes_nothing_else()
    {
        await using var server = await FileEffectsServer.StartAsync();
        var before = server.Disk();

        var response = await server.PostDashboardJsonAsync("/api/v2beta/package/", new JsonObject
        {
            ["name"] = "selftest-package",
            ["type"] = "standard",
            ["path"] = FileEffectsServer.TransferSourcePath(LettersRelative),
            ["auto_approve"] = false,
        });

        response.StatusCode.Should().Be(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        var after = server.Disk();
        OnlyAddedBelow(before, after, ReferenceData.StandardTransferDirectory);
        Below(after, ReferenceData.StandardTransferDirectory + "/selftest-package").Should().BeEquivalentTo(Below(before, Letters));
    }

    [Test]
    public async Task Copy_metadata_files_copies_into_the_sip_and_changes_nothing_else()
    {
        await using var server = await FileEffectsServer.StartAsync();
        var before = server.Disk();

        var response = await server.PostDashboardFormAsync("/api/ingest/copy_metadata_files/",
            ("sip_uuid", SeedData.CompletedIngest1), ("source_paths[]", FileEffectsServer.TransferSourcePath(ReferenceData.TransferSourcePath + "/metadata/metadata.csv")));

        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var after = server.Disk();
        OnlyAddedBelow(before, after, ReferenceData.SharedDirectoryPath + "/currentlyProcessing");
        var copy = DiskChanges.Between(before, after).Added.Single(path => path.EndsWith("/metadata/metadata.csv", StringComparison.Ordinal));
        after[copy].Sha256.Should().Be(before[Sample + "/metadata/metadata.csv"].Sha256);
    }

    [TestCase("../../../../etc/passwd")]
    [TestCase("/etc/passwd")]
    public async Task As_the_real_service_a_registration_moves_etc_passwd_away(string originPath)
    {
        // The Storage Service checks no origin_path (known deviation, fixtures/known-deviations/storage-paths.json).
        await using var server = await FileEffectsServer.StartAsync();
        var before = server.Disk();

        var response = await server.PostStorageAsync("/api/v2/file/", FileEffectsServer.Registration(originPath, "DIP", "DS"));

        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var after = server.Disk();
        var changes = DiskChanges.Between(before, after);
        changes.Removed.Should().Equal(Passwd);
        changes.Added.Should().Contain(path => !after[path].IsDirectory && after[path].Sha256 == before[Passwd].Sha256, "the user's file now lies in the DIP store");
    }

    [Test]
    public async Task A_registration_of_an_absent_canary_fails_after_saving_the_row_and_changes_no_file()
    {
        await using var server = await FileEffectsServer.StartAsync();
        var before = server.Disk();
        var packages = await CountPackagesAsync(server);

        var response = await server.PostStorageAsync("/api/v2/file/", FileEffectsServer.Registration("../../conformance-canary-selftest/absent", "DIP", "DS"));

        response.StatusCode.Should().Be(HttpStatusCode.InternalServerError, "tastypie's canned 500 once the move finds nothing");
        DiskChanges.Between(before, server.Disk()).None.Should().BeTrue();
        (await CountPackagesAsync(server)).Should().Be(packages + 1, "the package row is saved before the move, and stays");
    }

    [Test]
    public async Task An_async_registration_of_an_absent_canary_is_accepted_and_fails_its_task()
    {
        await using var server = await FileEffectsServer.StartAsync();
        var before = server.Disk();

        var response = await server.PostStorageAsync("/api/v2/file/async/", FileEffectsServer.Registration("../../conformance-canary-selftest/absent", "DIP", "DS"));
        var task = await ReadTaskAsync(server, response);

        task["was_error"]!.GetValue<bool>().Should().BeTrue(task.ToJsonString());
        DiskChanges.Between(before, server.Disk()).None.Should().BeTrue();
    }

    [Test]
    public async Task As_the_real_service_move_files_copies_from_outside_the_origin_location()
    {
        await using var server = await FileEffectsServer.StartAsync();
        var before = server.Disk();

        var response = await MoveFilesAsync(server, Passwd, "tmp/selftest-copy/passwd");

        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var after = server.Disk();
        DiskChanges.Between(before, after).Added.Should().Contain(path => !after[path].IsDirectory && after[path].Sha256 == before[Passwd].Sha256);
    }

    [Test]
    public async Task Accepting_paths_outside_locations_start_transfer_copies_etc_passwd_into_a_transfer()
    {
        await using var server = await FileEffectsServer.StartAsync(Fault.AcceptsPathsOutsideLocations);
        var before = server.Disk();

        var response = await StartTransferAsync(server, "../etc/passwd");

        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var after = server.Disk();
        OnlyAddedBelow(before, after, ReferenceData.StandardTransferDirectory);
        DiskChanges.Between(before, after).Added.Should().Contain(path => after[path].Sha256 == before[Passwd].Sha256);
    }

    [Test]
    public async Task By_default_start_transfer_from_outside_the_transfer_source_is_refused_and_changes_nothing()
    {
        await using var server = await FileEffectsServer.StartAsync();
        var before = server.Disk();

        var response = await StartTransferAsync(server, "../etc/passwd");

        response.StatusCode.Should().Be(HttpStatusCode.InternalServerError);
        DiskChanges.Between(before, server.Disk()).None.Should().BeTrue();
    }

    [TestCase(false, HttpStatusCode.NotFound)]
    [TestCase(true, HttpStatusCode.OK)]
    public async Task Extract_file_serves_a_file_outside_the_package_only_when_paths_are_not_checked(bool acceptsPathsOutsideLocations, HttpStatusCode expected)
    {
        await using var server = await FileEffectsServer.StartAsync(acceptsPathsOutsideLocations ? [Fault.AcceptsPathsOutsideLocations] : []);
        var uncompressedAip = Conformance.ReferenceServer.Storage.Seed.SeedIds.For("package:aip-01");

        var response = await server.GetStorageAsync($"/api/v2/file/{uncompressedAip}/extract_file/?relative_path_to_file=%2Fetc%2Fpasswd");

        response.StatusCode.Should().Be(expected, await response.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task Moving_store_sources_a_move_files_empties_the_source()
    {
        await using var server = await FileEffectsServer.StartAsync(Fault.StoreMovesSource);
        var before = server.Disk();

        var response = await MoveFilesAsync(server, LettersRelative, "tmp/selftest-copy/letters/");

        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var after = server.Disk();
        DiskChanges.Between(before, after).Removed.Should().Equal(SubtreeOf(before, Letters));
        Below(after, ReferenceData.SharedDirectoryPath + "/tmp/selftest-copy/letters").Should().BeEquivalentTo(Below(before, Letters));
    }

    [Test]
    public async Task Moving_store_sources_start_transfer_empties_the_transfer_source()
    {
        await using var server = await FileEffectsServer.StartAsync(Fault.StoreMovesSource);
        var before = server.Disk();

        var response = await StartTransferAsync(server, ReferenceData.TransferSourcePath);

        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        DiskChanges.Between(before, server.Disk()).Removed.Should().Equal(SubtreeOf(before, Sample));
    }

    private static Task<HttpResponseMessage> MoveFilesAsync(FileEffectsServer server, string source, string destination) =>
        server.PostStorageAsync($"/api/v2/location/{ReferenceData.CurrentlyProcessingLocationUuid}/", new JsonObject
        {
            ["origin_location"] = FileEffectsServer.TransferSourceUri,
            ["pipeline"] = FileEffectsServer.PipelineUri,
            ["files"] = new JsonArray(new JsonObject { ["source"] = source, ["destination"] = destination }),
        });

    private static Task<HttpResponseMessage> StartTransferAsync(FileEffectsServer server, string path) =>
        server.PostDashboardFormAsync("/api/transfer/start_transfer/",
            ("name", "selftest-transfer"), ("type", "standard"), ("paths[]", FileEffectsServer.TransferSourcePath(path)));

    /// <summary>Follows a 202's Location until the task completes (the reference server runs it on the second read).</summary>
    private static async Task<int> CountPackagesAsync(FileEffectsServer server) =>
        JsonNode.Parse(await (await server.GetStorageAsync("/api/v2/file/?limit=1")).Content.ReadAsStringAsync())!["meta"]!["total_count"]!.GetValue<int>();

    private static async Task<JsonNode> ReadTaskAsync(FileEffectsServer server, HttpResponseMessage accepted)
    {
        accepted.StatusCode.Should().Be(HttpStatusCode.Accepted, await accepted.Content.ReadAsStringAsync());
        var location = accepted.Headers.Location!.ToString();
        for (var read = 0; read < 3; read++)
        {
            var task = JsonNode.Parse(await (await server.GetStorageAsync(location)).Content.ReadAsStringAsync())!;
            if (task["completed"]!.GetValue<bool>())
            {
                return task;
            }
        }
        throw new AssertionException($"{location} did not complete in three reads");
    }

    /// <summary>Asserts that the only change is new entries below <paramref name="directory"/>.</summary>
    private static void OnlyAddedBelow(IReadOnlyDictionary<string, DiskEntry> before, IReadOnlyDictionary<string, DiskEntry> after, string directory)
    {
        var changes = DiskChanges.Between(before, after);
        changes.Removed.Should().BeEmpty(changes.ToString());
        changes.Changed.Should().BeEmpty(changes.ToString());
        changes.Added.Should().NotBeEmpty().And.OnlyContain(path => path.StartsWith(directory + "/", StringComparison.Ordinal), changes.ToString());
    }

    /// <summary>A directory and every entry below it, sorted.</summary>
    private static List<string> SubtreeOf(IReadOnlyDictionary<string, DiskEntry> disk, string directory) =>
        [.. disk.Keys.Where(path => path == directory || path.StartsWith(directory + "/", StringComparison.Ordinal)).Order(StringComparer.Ordinal)];

    /// <summary>Entries below a directory: path relative to it → content hash ("" for directories).</summary>
    private static Dictionary<string, string> Below(IReadOnlyDictionary<string, DiskEntry> disk, string directory) =>
        disk.Values.Where(entry => entry.Path.StartsWith(directory + "/", StringComparison.Ordinal))
            .ToDictionary(entry => entry.Path[(directory.Length + 1)..], entry => entry.Sha256, StringComparer.Ordinal);
}
