using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using NUnit.Framework.Interfaces;

namespace Conformance.Framework.Reports.Snapshots;

/// <summary>
/// Record mode (<see cref="Settings.RecordSnapshots"/>): one <see cref="Snapshot"/> per test that got
/// an answer, written where every test's final verdict passes (<see cref="AllureResultsAttribute"/>,
/// beside the conformance statement's record), into
/// <c>&lt;folder&gt;/&lt;dashboard version&gt;+&lt;storage version&gt;/&lt;read-only|sandbox&gt;/</c>,
/// and at the end an <c>index.json</c> naming what was left out and why. The mode folder is the run:
/// its snapshots are replaced at the start, so a folder never mixes two recordings.
/// </summary>
public static class SnapshotRecorder
{
    public const string ReadOnlyMode = "read-only";
    public const string SandboxMode = "sandbox";
    public const string IndexFile = "index.json";

    private static readonly ConcurrentDictionary<string, string> Excluded = new(StringComparer.Ordinal);
    private static int _recorded;
    private static string? _folder;
    private static (string Dashboard, string Storage, string Mode) _run;

    /// <summary>The folder this run records into, or null when record mode is off.</summary>
    public static string? Folder => _folder;

    /// <summary>"1.15.1+0.21.1"; a service the run did not configure is "none", one whose version is unknown "unknown".</summary>
    public static string VersionsLabel(ConformanceSession session) => $"{VersionOf(session, ServiceKind.Archivematica)}+{VersionOf(session, ServiceKind.Storage)}";

    /// <summary>read-only when no write tier is allowed; sandbox otherwise (the embedded server allows every tier).</summary>
    public static string ModeOf(TargetSettings settings) =>
        settings.IsEmbedded || settings.AllowWrites || settings.AllowDestructive ? SandboxMode : ReadOnlyMode;

    /// <summary>The snapshots' root for a setting's value: "true" is the repository's fixtures/snapshots; a relative folder is taken from the repository root; null when off.</summary>
    public static string? RootOf(string? setting)
    {
        if (string.IsNullOrWhiteSpace(setting) || setting.Equals("false", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var root = ReportLocations.RepositoryRoot ?? Environment.CurrentDirectory;
        return setting.Equals("true", StringComparison.OrdinalIgnoreCase)
            ? Path.Combine(root, "fixtures", "snapshots")
            : Path.GetFullPath(Path.IsPathRooted(setting) ? setting : Path.Combine(root, setting));
    }

    /// <summary>Turns record mode on for this run (once the target passed its preflight) and empties the run's mode folder of snapshots.</summary>
    public static string? Start(SettingsSource source, ConformanceSession session)
    {
        if (RootOf(source.Get(Settings.RecordSnapshots)) is not { } root)
        {
            return null;
        }

        _run = (VersionOf(session, ServiceKind.Archivematica), VersionOf(session, ServiceKind.Storage), ModeOf(session.Settings));
        var folder = Directory.CreateDirectory(Path.Combine(root, $"{_run.Dashboard}+{_run.Storage}", _run.Mode)).FullName;
        foreach (var old in Directory.EnumerateFiles(folder, "*.json"))
        {
            File.Delete(old);
        }

        _folder = folder;
        return folder;
    }

    /// <summary>Writes the test's snapshot when record mode is on and the test got an answer.</summary>
    public static void Record(ITest test, Verdict? verdict)
    {
        if (_folder is not { } folder || verdict is null || verdict.NotRun != NotRunKind.None)
        {
            return;
        }

        var name = Snapshot.TestName(test.FullName);
        if (SnapshotExclusions.Reason(name) is { } reason)
        {
            Excluded[name] = reason;
            return;
        }

        if (Snapshot.Of(test.FullName, TierOf(test), verdict) is not { } snapshot)
        {
            Excluded[name] = "no answer arrived (a transport error is not an answer to keep)";
            return;
        }

        File.WriteAllText(Path.Combine(folder, Snapshot.FileNameOf(name)), snapshot.ToJson());
        Interlocked.Increment(ref _recorded);
    }

    /// <summary>Writes the index (versions, mode, how many, what was left out and why), sorted, without a date: two recordings compare byte for byte.</summary>
    public static void Finish()
    {
        if (_folder is not { } folder)
        {
            return;
        }

        var excluded = new JsonArray();
        foreach (var (test, reason) in Excluded.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            excluded.Add(new JsonObject { ["reason"] = reason, ["test"] = test });
        }

        var index = new JsonObject
        {
            ["dashboard"] = _run.Dashboard,
            ["excluded"] = excluded,
            ["mode"] = _run.Mode,
            ["snapshots"] = _recorded,
            ["storage"] = _run.Storage,
        };
        File.WriteAllText(Path.Combine(folder, IndexFile), index.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true, NewLine = "\n" }) + "\n");
        _folder = null;
    }

    private static string VersionOf(ConformanceSession session, ServiceKind kind) =>
        session.Settings.For(kind) is null ? "none" : session.Version(kind) is { Length: > 0 } version ? version : "unknown";

    // The case's own tier; a test without a case (a page walk, an exposure check) by its tier category.
    private static string TierOf(ITest test)
    {
        if (test.Arguments.OfType<ISuiteCase>().FirstOrDefault() is { } c)
        {
            return c.Tier.Name();
        }

        var categories = TestCategories.Of(test);
        return new[] { Categories.Destructive, Categories.Mutating }.FirstOrDefault(categories.Contains) ?? Categories.ReadOnly;
    }
}
