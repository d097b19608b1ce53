using System.Text.Json.Nodes;

namespace Conformance.Framework.Reports.Snapshots;

/// <summary>One field of one recorded snapshot that the emulator answered otherwise.</summary>
/// <param name="Mode">The recording's mode folder (read-only, sandbox).</param>
/// <param name="Field">"status", "contentType", "headers.Allow", "schema", "body", or "answered" when the emulator's run has no snapshot of the test.</param>
public sealed record Mismatch(string Mode, string Test, string Field, string Recorded, string Emulated)
{
    public override string ToString() => $"{Mode} {Test}: {Field} recorded '{Recorded}', emulated '{Emulated}'";
}

/// <summary>A snapshot the emulator cannot reproduce yet, with the fields that differ and why (fixtures/snapshots/&lt;versions&gt;/not-reproduced.json).</summary>
public sealed record NotReproduced(string Mode, string Test, IReadOnlyList<string> Fields, string Reason);

/// <summary>What a parity run found: mismatches nobody listed, and listed fields that now match (the list is stale).</summary>
public sealed record ParityResult(IReadOnlyList<Mismatch> Unlisted, IReadOnlyList<NotReproduced> Stale, int Compared, int Listed);

/// <summary>
/// Compares recorded snapshots with the emulator's snapshots of the same tests, field by field
/// (<see cref="Snapshot.FieldValues"/>), and holds the result against the list of what is known not
/// to be reproduced yet.
/// </summary>
public static class SnapshotParity
{
    public const string NotReproducedFile = "not-reproduced.json";

    /// <summary>Every field of every snapshot under <paramref name="recorded"/>'s mode folders that <paramref name="emulated"/> (one mode folder of the emulator's run) answers otherwise.</summary>
    public static (IReadOnlyList<Mismatch> Mismatches, int Compared) Compare(string recorded, string emulated)
    {
        var mismatches = new List<Mismatch>();
        var compared = 0;
        foreach (var modeFolder in Directory.EnumerateDirectories(recorded).Order(StringComparer.Ordinal))
        {
            var mode = Path.GetFileName(modeFolder);
            foreach (var file in Directory.EnumerateFiles(modeFolder, "*.json").Where(f => Path.GetFileName(f) != SnapshotRecorder.IndexFile).Order(StringComparer.Ordinal))
            {
                compared++;
                var mine = Snapshot.FromJson(File.ReadAllText(file));
                var theirs = Path.Combine(emulated, Path.GetFileName(file));
                if (!File.Exists(theirs))
                {
                    mismatches.Add(new Mismatch(mode, mine.Test, "answered", "yes", "no answer (the test was not run, or was inconclusive)"));
                    continue;
                }

                var emulatedValues = Snapshot.FromJson(File.ReadAllText(theirs)).FieldValues();
                foreach (var (field, value) in mine.FieldValues())
                {
                    if (emulatedValues[field] != value)
                    {
                        mismatches.Add(new Mismatch(mode, mine.Test, field, value, emulatedValues[field]));
                    }
                }
            }
        }

        return (mismatches, compared);
    }

    /// <summary>Holds the mismatches against the list: each must be listed (its test, mode and field), and each listed field must still differ.</summary>
    public static ParityResult Judge(IReadOnlyList<Mismatch> mismatches, IReadOnlyList<NotReproduced> listed, int compared)
    {
        var known = listed.ToDictionary(n => (n.Mode, n.Test));
        var unlisted = mismatches.Where(m => !known.TryGetValue((m.Mode, m.Test), out var n) || !n.Fields.Contains(m.Field)).ToList();
        var differing = mismatches.Select(m => (m.Mode, m.Test, m.Field)).ToHashSet();
        var stale = listed.Where(n => n.Fields.Any(f => !differing.Contains((n.Mode, n.Test, f)))).ToList();
        return new ParityResult(unlisted, stale, compared, listed.Count);
    }

    /// <summary>The list in a version folder; empty when it has none.</summary>
    public static IReadOnlyList<NotReproduced> LoadNotReproduced(string versionFolder)
    {
        var path = Path.Combine(versionFolder, NotReproducedFile);
        if (!File.Exists(path))
        {
            return [];
        }

        return JsonNode.Parse(File.ReadAllText(path))!["notReproduced"]!.AsArray().Select(e => new NotReproduced(
            e!["mode"]!.GetValue<string>(),
            e["test"]!.GetValue<string>(),
            e["fields"]!.AsArray().Select(f => f!.GetValue<string>()).ToList(),
            e["reason"]!.GetValue<string>())).ToList();
    }

    /// <summary>The entries a list would need for these mismatches (one per test, its fields sorted), for a reviewer to give each a reason.</summary>
    public static string Proposed(IEnumerable<Mismatch> mismatches, string reason = "TODO: why the emulator answers otherwise")
    {
        var entries = new JsonArray();
        foreach (var group in mismatches.GroupBy(m => (m.Mode, m.Test)).OrderBy(g => g.Key.Mode, StringComparer.Ordinal).ThenBy(g => g.Key.Test, StringComparer.Ordinal))
        {
            entries.Add(new JsonObject
            {
                ["fields"] = new JsonArray(group.Select(m => m.Field).Distinct().Order(StringComparer.Ordinal).Select(f => (JsonNode?)JsonValue.Create(f)).ToArray()),
                ["mode"] = group.Key.Mode,
                ["reason"] = reason,
                ["test"] = group.Key.Test,
            });
        }

        return entries.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true, NewLine = "\n" });
    }
}
