using System.Text.Json;

namespace Conformance.Compare;

/// <summary>One case of a statement, as the comparison needs it.</summary>
/// <param name="BodyShape">The answer's body shape (values masked); null when none came, or in a statement older than the field.</param>
public sealed record CaseLine(string Case, string Outcome, int? Status, string? ContentType, string? BodyShape, string? Endpoint)
{
    /// <summary>'&lt;case pattern&gt; [&lt;requirement&gt;]' of each known deviation that covered the case.</summary>
    public IReadOnlyList<string> KnownDeviations { get; init; } = [];

    /// <summary>Reached the target and judged (passed, failed, known deviation).</summary>
    public bool Exercised => Outcome is "passed" or "failed" or "known deviation";

    /// <summary>Status, media type and body shape as one text, e.g. "403 application/json json-object:1a2b3c4d5e6f".</summary>
    public string Answer => Status is null ? "no answer" : string.Join(' ', new[] { Status.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), ContentType, BodyShape }.OfType<string>());

    /// <summary>Same status, media type and body shape; a shape missing on one side (no answer, or an older statement) is not compared.</summary>
    public bool SameAnswer(CaseLine other) => Status == other.Status && string.Equals(ContentType, other.ContentType, StringComparison.OrdinalIgnoreCase)
        && (BodyShape is null || other.BodyShape is null || BodyShape == other.BodyShape);
}

/// <summary>
/// The parts of a conformance statement (schemas/statement/conformance-statement.json) a comparison
/// reads. Read with JsonDocument, not the suite's types: the tool stays small and reads statements
/// of other suite versions as long as these fields are there.
/// </summary>
/// <param name="Endpoints">Matrix rows with at least one cell judged.</param>
/// <param name="FullyExercised">Matrix rows whose every applicable cell was judged.</param>
/// <param name="MatrixRows">Every matrix row (endpoint id, with @v1/@v2 for the Storage Service).</param>
public sealed record StatementFile(string Path, string RunId, string Date, string Verdict, int Exercised, int Applicable,
    IReadOnlyDictionary<string, CaseLine> Cases, IReadOnlySet<string> Endpoints, IReadOnlySet<string> KnownDeviations,
    IReadOnlySet<string> FullyExercised, IReadOnlySet<string> MatrixRows)
{
    public double Coverage => Applicable == 0 ? 0 : (double)Exercised / Applicable;

    /// <summary>A folder (a run's TestResults/, or the StatementDirectory) stands for the newest statement in it.</summary>
    /// <exception cref="InvalidDataException">The folder holds no statement.</exception>
    public static string Resolve(string path)
    {
        if (!Directory.Exists(path))
        {
            return path;
        }

        return new DirectoryInfo(path).GetFiles("conformance-statement-*.json").OrderByDescending(f => f.LastWriteTimeUtc).FirstOrDefault()?.FullName
            ?? throw new InvalidDataException($"{path}: a folder with no conformance-statement-*.json in it");
    }

    /// <exception cref="InvalidDataException">The file is missing, not JSON, or not a statement.</exception>
    public static StatementFile Load(string path)
    {
        path = Resolve(path);
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            var root = document.RootElement;
            var verdict = root.GetProperty("verdict");
            var coverage = verdict.GetProperty("coverage");
            var cases = new Dictionary<string, CaseLine>(StringComparer.Ordinal);
            foreach (var c in root.GetProperty("cases").EnumerateArray())
            {
                // Keyed by the test's full name: the case name alone repeats across fixtures (read-only and write probes).
                cases[c.GetProperty("test").GetString()!] = new CaseLine(
                    c.GetProperty("case").GetString()!,
                    c.GetProperty("outcome").GetString()!,
                    c.GetProperty("status").ValueKind == JsonValueKind.Number ? c.GetProperty("status").GetInt32() : null,
                    c.GetProperty("contentType").GetString(),
                    c.TryGetProperty("bodyShape", out var shape) ? shape.GetString() : null,
                    c.GetProperty("endpoint").GetString())
                {
                    KnownDeviations = c.TryGetProperty("knownDeviations", out var matched) ? [.. matched.EnumerateArray().Select(d => d.GetString()!)] : [],
                };
            }

            // An endpoint is in a run when at least one of its matrix cells was judged.
            var endpoints = root.GetProperty("matrix").GetProperty("rows").EnumerateArray()
                .Where(r => r.GetProperty("cells").EnumerateArray().Any(c => c.GetProperty("outcome").GetString() is "passed" or "failed" or "known deviation"))
                .Select(r => r.GetProperty("endpoint").GetString()!)
                .ToHashSet(StringComparer.Ordinal);
            var rows = root.GetProperty("matrix").GetProperty("rows").EnumerateArray().ToList();
            var fullyExercised = rows
                .Where(r => r.GetProperty("cells").EnumerateArray().All(c => c.GetProperty("outcome").GetString() is "passed" or "failed" or "known deviation" or "not applicable"))
                .Select(r => r.GetProperty("endpoint").GetString()!)
                .ToHashSet(StringComparer.Ordinal);
            var matrixRows = rows.Select(r => r.GetProperty("endpoint").GetString()!).ToHashSet(StringComparer.Ordinal);
            var deviations = verdict.GetProperty("knownDeviations").EnumerateArray()
                .Select(d => $"{d.GetProperty("case").GetString()} [{d.GetProperty("requirement").GetString()}]")
                .ToHashSet(StringComparer.Ordinal);
            return new StatementFile(path, root.GetProperty("runId").GetString()!, root.GetProperty("date").GetString()!, verdict.GetProperty("kind").GetString()!,
                coverage.GetProperty("exercised").GetInt32(), coverage.GetProperty("applicable").GetInt32(), cases, endpoints, deviations,
                fullyExercised, matrixRows);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new InvalidDataException($"{path}: not a readable conformance statement ({e.GetType().Name}: {e.Message})", e);
        }
    }
}
