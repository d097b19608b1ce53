using Conformance.ReferenceServer.Hosting;
using FluentAssertions;
using NUnit.Framework;

namespace Conformance.SelfTests.Versions;

/// <summary>
/// The suite adapts its expectations to the release it finds: every read-only case passes against
/// the reference server emulating older and newer releases, except known deviations of that release.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class VersionMatrixTests
{
    [TestCase("1.14.0", "0.20.0")]
    [TestCase("1.15.0", "0.21.0")]
    [TestCase("1.16.0", "0.22.0")]
    [TestCase("1.17.0", "0.23.0")]
    public async Task Every_read_only_case_passes_on_the_release(string dashboard, string storage)
    {
        var options = new ReferenceServerOptions { ApiKey = "version-matrix-key-0123456789", ArchivematicaVersion = dashboard, StorageServiceVersion = storage };
        var deviations = KnownDeviations.Load(Path.Combine(Paths.Root, "fixtures", "known-deviations"));
        await using var target = await ReferenceTarget.StartAsync(options: options, knownDeviations: deviations);
        target.Session.Version(Conformance.Framework.Configuration.ServiceKind.Archivematica).Should().Be(dashboard, "the version is read from X-Archivematica-Version");

        var cases = CaseFactory.All(ReferenceTarget.Catalogue).Where(c => c.Tier == Tier.ReadOnly).ToList();
        var verdicts = new List<(ConformanceCase Case, Verdict Verdict)>();
        foreach (var batch in cases.Chunk(32))
        {
            verdicts.AddRange(await Task.WhenAll(batch.Select(async c => (c, await new Executor(target.Session).RunAsync(c, "version-matrix: " + c.Name)))));
        }

        var failures = verdicts.Where(v => v.Verdict.NotRun == NotRunKind.None && !v.Verdict.Passed && v.Verdict.KnownDeviations.Count == 0)
            .Select(v => $"{v.Case.Name}: {string.Join("; ", v.Verdict.Failures.Select(f => $"[{f.Requirement.Id}] {f.Message}"))}").ToList();
        failures.Should().BeEmpty();
        verdicts.Count(v => v.Verdict.Passed).Should().BeGreaterThan(cases.Count / 2, "most cases run on every release");
    }
}
