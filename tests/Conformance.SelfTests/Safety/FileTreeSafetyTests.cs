using Conformance.ReferenceServer.Hosting;
using FluentAssertions;
using NUnit.Framework;

namespace Conformance.SelfTests.Safety;

/// <summary>
/// The whole suite, run as a user would against a configured target with every tier and opt-in
/// allowed, leaves every file it did not create as it was. The target is the reference server made
/// as careless as the real services (<see cref="Fault.AcceptsPathsOutsideLocations"/>: it acts on
/// any path it is sent, like Storage Service 0.21.1 and dashboard 1.15.1), on its own file tree with
/// user data in the transfer source and files outside every location; a checksum listing of that
/// tree is taken before and after the run.
/// </summary>
[TestFixture]
[Category("end-to-end")]
[NonParallelizable]
public sealed class FileTreeSafetyTests
{
    /// <summary>Archivematica's own working areas (processing, stores, internal): where a run's copies and packages may appear.</summary>
    private static readonly string[] ArchivematicaAreas = ["/var/archivematica/", "/mnt/nfs-archive/"];

    [Test]
    public async Task A_run_with_every_tier_allowed_changes_no_file_it_did_not_create()
    {
        var (changes, output) = await RunSuiteAsync(FaultPlan.Of((Fault.AcceptsPathsOutsideLocations, "*")));

        output.Should().Contain("Transfer source: unchanged", "the run says the transfer source is as it was");
        output.Should().NotContain("writes were stopped");
        changes.Removed.Should().BeEmpty("no file that existed before the run may be moved or deleted");
        changes.Changed.Should().BeEmpty("no file that existed before the run may be changed");
        changes.Added.Should().OnlyContain(path => ArchivematicaAreas.Any(area => path.StartsWith(area, StringComparison.Ordinal)),
            "the run's copies and packages appear only in Archivematica's own areas, never in the transfer source or outside every location");
        changes.Added.Should().Contain(path => path.Contains("/tmp/conformance-", StringComparison.Ordinal), "writes worked on scratch copies");
    }

    [Test]
    public async Task A_target_whose_copies_move_their_source_is_caught_and_writes_stop()
    {
        // A server that loses what it was asked to copy: the first scratch copy takes the transfer source away.
        var (changes, output) = await RunSuiteAsync(FaultPlan.Of((Fault.AcceptsPathsOutsideLocations, "*"), (Fault.StoreMovesSource, "*")));

        changes.Removed.Should().Contain(path => path.StartsWith(ReferenceData.TransferSourceLocationPath + "/" + ReferenceData.TransferSourcePath + "/", StringComparison.Ordinal),
            "the checksum listing sees the transfer source go");
        output.Should().MatchRegex(@"WARNING: writes were stopped during the run: .*transfer source", "the first write that took the transfer source away stops the run's writes");
        output.Should().Contain("WARNING: the transfer source no longer lists what it listed");
        output.Should().MatchRegex(@"not run: writes were stopped for the rest of the run", "the writes after it were not sent");
    }

    private static async Task<(ReferenceServer.DiskChanges Changes, string Output)> RunSuiteAsync(FaultPlan faults)
    {
        await using var host = await ReferenceServerHost.StartAsync(new ReferenceServerOptions { ApiKey = "selftest-key-0123456789", Faults = faults });
        var before = host.DiskListing().ToDictionary(e => e.Path);
        var environment = SafetyTests.EveryTier(host);

        // Test failures are expected (the fault breaks the contract); only the files are judged here.
        var (_, output) = await SuiteProcess.RunAsync(environment, arguments: ["--logger", "console;verbosity=normal"], timeout: TimeSpan.FromMinutes(12));
        var after = host.DiskListing().ToDictionary(e => e.Path);
        output.Should().MatchRegex(@"Created by this run \(run id \w+\): \d+", "the suite ran its writes");
        return (ReferenceServer.DiskChanges.Between(before, after), output);
    }
}
