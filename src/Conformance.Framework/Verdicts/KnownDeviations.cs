using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace Conformance.Framework.Verdicts;

/// <summary>
/// fixtures/known-deviations/*.json: failures known for a product release. A failure they cover is
/// reported as a warning (visible and counted, never passed); an entry that covered nothing in a run
/// against its release is stale and is flagged at the end. Thread-safe.
/// </summary>
public sealed class KnownDeviations
{
    private readonly IReadOnlyList<KnownDeviation> _entries;
    private readonly ConcurrentDictionary<KnownDeviation, int> _used = new();
    private readonly ConcurrentDictionary<string, byte> _judged = new(StringComparer.Ordinal);

    public KnownDeviations(IReadOnlyList<KnownDeviation> entries) => _entries = entries;

    public static KnownDeviations None { get; } = new([]);

    public IReadOnlyList<KnownDeviation> Entries => _entries;

    public static KnownDeviations Load(string folder)
    {
        if (!Directory.Exists(folder))
        {
            return None;
        }

        var entries = new List<KnownDeviation>();
        foreach (var file in Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            var root = JsonNode.Parse(File.ReadAllText(file))!;
            var service = (string)root["service"]!;
            var versions = VersionRange.Parse((string)root["versions"]!);
            foreach (var entry in root["deviations"]!.AsArray())
            {
                entries.Add(new KnownDeviation(service, versions, (string)entry!["case"]!, (string)entry["requirement"]!,
                    (string)entry["reason"]!, (string)entry["link"]!, Path.GetFileName(file)));
            }
        }

        return new KnownDeviations(entries);
    }

    /// <summary>The entries covering every failure of the verdict, or empty when any failure is not covered.</summary>
    public IReadOnlyList<KnownDeviation> Covering(string caseName, ServiceKind service, string? version, Verdict verdict)
    {
        _judged.TryAdd(caseName, 0);
        var failures = verdict.Failures.ToList();
        if (failures.Count == 0 || version is null)
        {
            return [];
        }

        var applicable = _entries.Where(e => e.Service == service.CatalogueName() && e.Versions.Contains(version)).ToList();
        var covering = failures.Select(f => applicable.FirstOrDefault(e => e.Covers(caseName, f.Requirement.Id))).ToList();
        if (covering.Any(e => e is null))
        {
            return [];
        }

        foreach (var entry in covering.Distinct())
        {
            _used.AddOrUpdate(entry!, 1, (_, n) => n + 1);
        }

        return covering.Distinct().ToList()!;
    }

    /// <summary>
    /// Entries for the versions tested whose cases ran and failed nothing they cover: the product was
    /// fixed, or the entry is wrong. An entry whose cases a filtered run left out is not judged.
    /// </summary>
    public IReadOnlyList<KnownDeviation> Stale(IReadOnlyDictionary<ServiceKind, string> versions) =>
        _entries.Where(e => versions.TryGetValue(ServiceKindNames.Parse(e.Service), out var v) && e.Versions.Contains(v) && !_used.ContainsKey(e)
            && _judged.Keys.Any(e.Names)).ToList();
}
