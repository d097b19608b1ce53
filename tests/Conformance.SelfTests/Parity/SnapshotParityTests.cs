using FluentAssertions;
using NUnit.Framework;

namespace Conformance.SelfTests.Parity;

/// <summary>
/// The reference server must answer as the recorded real services did (README, "Snapshots and
/// parity"): for each folder of fixtures/snapshots, the suite runs against the embedded server
/// emulating that folder's versions with record mode on, and every recorded snapshot is compared
/// field by field with the emulator's. A mismatch not listed in the folder's not-reproduced.json
/// fails, and so does a listed one that now matches (the list would hide a regression) and an entry
/// without a reason. REGENERATE_NOT_REPRODUCED=true rewrites the list first (<see cref="SnapshotParity.Regenerate"/>).
/// </summary>
[TestFixture]
[Category("end-to-end")]
public sealed class SnapshotParityTests
{
    /// <summary>Set to "true", the test rewrites each not-reproduced.json from the emulator's run before judging (tools/regenerate-not-reproduced.sh).</summary>
    public const string RegenerateVariable = "REGENERATE_NOT_REPRODUCED";

    public static string SnapshotsRoot => Path.Combine(Paths.Root, "fixtures", "snapshots");

    public static IEnumerable<string> VersionFolders() =>
        Directory.Exists(SnapshotsRoot) ? Directory.EnumerateDirectories(SnapshotsRoot).Select(Path.GetFileName).Order(StringComparer.Ordinal)! : [];

    [TestCaseSource(nameof(VersionFolders))]
    public async Task The_reference_server_reproduces_the_recorded_snapshots(string versions)
    {
        var (dashboard, storage) = Split(versions);
        var recorded = Path.Combine(SnapshotsRoot, versions);
        var emulated = Directory.CreateTempSubdirectory("parity-snapshots-").FullName;
        var statements = Directory.CreateTempSubdirectory("parity-statements-").FullName;
        try
        {
            var (_, output) = await SuiteProcess.RunAsync(new Dictionary<string, string>
            {
                ["ARCHIVEMATICA_URL"] = "",
                ["STORAGE_SERVICE_URL"] = "",
                ["EMBEDDED_ARCHIVEMATICA_VERSION"] = dashboard,
                ["STORAGE_SERVICE_VERSION"] = storage,
                ["RECORD_SNAPSHOTS"] = emulated,
                ["STATEMENT_DIRECTORY"] = statements,
            }, timeout: TimeSpan.FromMinutes(8));
            var emulatedFolder = Path.Combine(emulated, versions, SnapshotRecorder.SandboxMode);
            Directory.Exists(emulatedFolder).Should().BeTrue($"the embedded run records into {emulatedFolder}; its output:\n{Tail(output)}");

            var (mismatches, compared) = SnapshotParity.Compare(recorded, emulatedFolder);
            var listed = SnapshotParity.LoadNotReproduced(recorded);
            if (Environment.GetEnvironmentVariable(RegenerateVariable) == "true")
            {
                listed = SnapshotParity.Regenerate(mismatches, listed);
                SnapshotParity.WriteNotReproduced(recorded, listed);
                TestContext.Progress.WriteLine($"Parity {versions}: {SnapshotParity.NotReproducedFile} rewritten, {listed.Count} entries.");
            }

            var result = SnapshotParity.Judge(mismatches, listed, compared);
            TestContext.Progress.WriteLine($"Parity {versions}: {result.Compared} snapshots compared, {result.Listed} not reproduced yet (listed in {SnapshotParity.NotReproducedFile}).");
            result.Unlisted.Should().BeEmpty(
                $"every recorded answer is reproduced or listed with a reason in {SnapshotParity.NotReproducedFile}; entries to add, with a reason each:\n{SnapshotParity.Proposed(result.Unlisted)}\nfirst mismatches:\n{string.Join("\n", result.Unlisted.Take(20))}");
            result.Stale.Should().BeEmpty($"a listed snapshot that the emulator now reproduces must leave the list ({RegenerateVariable}=true rewrites it)");
            listed.Where(n => n.Reason.StartsWith(SnapshotParity.ReasonToWrite, StringComparison.Ordinal)).Select(n => $"{n.Mode} {n.Test}").Should().BeEmpty(
                $"every entry of {SnapshotParity.NotReproducedFile} says why the emulator answers otherwise");
        }
        finally
        {
            Directory.Delete(emulated, recursive: true);
            Directory.Delete(statements, recursive: true);
        }
    }

    [Test]
    public void Every_snapshot_folder_is_named_by_two_versions_and_holds_an_index_per_mode()
    {
        foreach (var versions in VersionFolders())
        {
            Split(versions);
            foreach (var mode in Directory.EnumerateDirectories(Path.Combine(SnapshotsRoot, versions)))
            {
                Path.GetFileName(mode).Should().BeOneOf(SnapshotRecorder.ReadOnlyMode, SnapshotRecorder.SandboxMode);
                File.Exists(Path.Combine(mode, SnapshotRecorder.IndexFile)).Should().BeTrue($"{mode} has its index");
            }
        }
    }

    [Test]
    public void No_snapshot_names_a_host_or_carries_a_credential()
    {
        foreach (var file in Directory.EnumerateFiles(SnapshotsRoot, "*.json", SearchOption.AllDirectories))
        {
            var text = File.ReadAllText(file);
            text.Should().NotContainAny(["://", "127.0.0.1", "localhost", "ApiKey "], $"{file} is normalized");
            Redactor.Redact(text).Should().Be(text, $"{file} holds nothing the redactor would mask");
        }
    }

    private static (string Dashboard, string Storage) Split(string versions)
    {
        var parts = versions.Split('+');
        parts.Should().HaveCount(2, $"a snapshot folder is named <dashboard version>+<storage version>, not '{versions}'");
        return (parts[0], parts[1]);
    }

    private static string Tail(string output) => output.Length > 4000 ? output[^4000..] : output;
}
