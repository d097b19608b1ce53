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

    /// <summary>A reason that still has to be written: the parity self-test fails while the list holds one.</summary>
    public const string ReasonToWrite = "TODO: why the emulator answers otherwise";

    /// <summary>
    /// The list as the emulator's run says it should be: entries whose snapshot is now reproduced leave,
    /// an entry whose fields are unchanged keeps its reason, and a new entry or one whose fields changed
    /// gets <see cref="ReasonToWrite"/> (with the old reason after it) for a reviewer: a reason is only
    /// true when someone judged the answers.
    /// </summary>
    public static IReadOnlyList<NotReproduced> Regenerate(IReadOnlyList<Mismatch> mismatches, IReadOnlyList<NotReproduced> listed)
    {
        var known = listed.ToDictionary(n => (n.Mode, n.Test));
        return mismatches.GroupBy(m => (m.Mode, m.Test))
            .Select(group =>
            {
                var fields = group.Select(m => m.Field).Distinct().Order(StringComparer.Ordinal).ToList();
                var reason = !known.TryGetValue(group.Key, out var before) ? ReasonToWrite
                    : before.Fields.Order(StringComparer.Ordinal).SequenceEqual(fields) ? before.Reason
                    : $"{ReasonToWrite} (fields were {string.Join(", ", before.Fields)}: {before.Reason})";
                return new NotReproduced(group.Key.Mode, group.Key.Test, fields, reason);
            })
            .OrderBy(n => n.Mode, StringComparer.Ordinal).ThenBy(n => n.Test, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Writes the list into a version folder: keys in ordinal order, two-space indentation, "\n" line ends, the "about" text kept.</summary>
    public static void WriteNotReproduced(string versionFolder, IReadOnlyList<NotReproduced> entries)
    {
        var path = Path.Combine(versionFolder, NotReproducedFile);
        var about = File.Exists(path) ? JsonNode.Parse(File.ReadAllText(path))!["about"]?.GetValue<string>() : null;
        var list = new JsonArray();
        foreach (var entry in entries)
        {
            list.Add(new JsonObject
            {
                ["fields"] = new JsonArray(entry.Fields.Select(f => (JsonNode?)JsonValue.Create(f)).ToArray()),
                ["mode"] = entry.Mode,
                ["reason"] = entry.Reason,
                ["test"] = entry.Test,
            });
        }

        var json = new JsonObject
        {
            ["about"] = about ?? "Recorded snapshots the reference server cannot reproduce yet (README, 'Snapshots and parity').",
            ["notReproduced"] = list,
        };
        File.WriteAllText(path, json.ToJsonString(WriteOptions) + "\n");
    }

    private static readonly System.Text.Json.JsonSerializerOptions WriteOptions = new()
    {
        WriteIndented = true,
        NewLine = "\n",
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The entries a list would need for these mismatches (one per test, its fields sorted), for a reviewer to give each a reason.</summary>
    public static string Proposed(IEnumerable<Mismatch> mismatches, string reason = ReasonToWrite)
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
