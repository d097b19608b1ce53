using Conformance.ReferenceServer.Hosting;

namespace Conformance.SelfTests.ReferenceServer;

/// <summary>What happened to the disk between two listings: paths added, removed, and files whose content changed.</summary>
internal sealed record DiskChanges(IReadOnlyList<string> Added, IReadOnlyList<string> Removed, IReadOnlyList<string> Changed)
{
    public static DiskChanges Between(IReadOnlyDictionary<string, DiskEntry> before, IReadOnlyDictionary<string, DiskEntry> after) => new(
        [.. after.Keys.Where(path => !before.ContainsKey(path)).Order(StringComparer.Ordinal)],
        [.. before.Keys.Where(path => !after.ContainsKey(path)).Order(StringComparer.Ordinal)],
        [.. before.Where(entry => after.TryGetValue(entry.Key, out var now) && now != entry.Value).Select(entry => entry.Key).Order(StringComparer.Ordinal)]);

    public bool None => Added.Count == 0 && Removed.Count == 0 && Changed.Count == 0;

    public override string ToString() =>
        $"added [{string.Join(", ", Added)}], removed [{string.Join(", ", Removed)}], changed [{string.Join(", ", Changed)}]";
}
