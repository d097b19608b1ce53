using System.Text.Json.Nodes;

namespace Conformance.SelfTests.Recordings;

/// <summary>The committed verdict for one recorded interaction, with its reason.</summary>
internal sealed record RecordingExpectation(string Recording, int Index, string Verdict, IReadOnlyList<string> Requirements, string Reason)
{
    public string Name => $"{Recording} #{Index}";

    public override string ToString() =>
        Verdict + (Requirements.Count > 0 ? $" [{string.Join(", ", Requirements)}]" : "") + $" ({Reason})";
}

/// <summary>fixtures/recordings-expectations.json: the verdict the suite must reach on each recorded interaction.</summary>
internal static class RecordingExpectations
{
    private static readonly Lazy<IReadOnlyList<RecordingExpectation>> Loaded = new(Load);

    public static string File => Path.Combine(Paths.Root, "fixtures", "recordings-expectations.json");

    public static IReadOnlyList<RecordingExpectation> All => Loaded.Value;

    private static IReadOnlyList<RecordingExpectation> Load() =>
        JsonNode.Parse(System.IO.File.ReadAllText(File))!["verdicts"]!.AsArray()
            .Select(x => new RecordingExpectation(
                (string)x!["recording"]!,
                (int)x["index"]!,
                (string)x["verdict"]!,
                x["requirements"]?.AsArray().Select(r => (string)r!).ToList() ?? [],
                (string?)x["reason"] ?? string.Empty))
            .ToList();
}
