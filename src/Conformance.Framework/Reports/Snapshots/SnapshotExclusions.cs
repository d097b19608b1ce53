namespace Conformance.Framework.Reports.Snapshots;

/// <summary>
/// Tests whose answer cannot be made stable from one recording to the next; they are named in the
/// snapshot index with the reason instead of being recorded.
/// </summary>
public static class SnapshotExclusions
{
    private static readonly (string Prefix, string Reason)[] Rules = [];

    /// <summary>Why the test is not recorded, or null when it is.</summary>
    public static string? Reason(string test) =>
        Rules.Where(r => test.StartsWith(r.Prefix, StringComparison.Ordinal)).Select(r => r.Reason).FirstOrDefault();
}
