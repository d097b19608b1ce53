using System.Collections.Concurrent;
using NUnit.Framework;

namespace Conformance.Framework.Reports;

/// <summary>
/// Carries a test's <see cref="Verdict"/> from the test (which publishes it in
/// <c>Should().Pass()</c>) to the reporter (which takes it after the test), keyed by the NUnit test
/// id: tests run in parallel and the test's own async context does not flow back to the reporter.
/// Inactive, and so free, unless a reporter is running.
/// </summary>
public static class VerdictHandOff
{
    private static readonly ConcurrentDictionary<string, Verdict> Verdicts = new(StringComparer.Ordinal);
    private static volatile bool _enabled;

    /// <summary>Set by the reporter; while false, <see cref="Publish"/> keeps nothing.</summary>
    public static bool Enabled
    {
        get => _enabled;
        set => _enabled = value;
    }

    /// <summary>Publishes the verdict of the test running on this thread (a later call replaces an earlier one).</summary>
    public static void Publish(Verdict verdict)
    {
        if (!_enabled)
        {
            return;
        }

        var id = TestContext.CurrentContext.Test.ID;
        if (!string.IsNullOrEmpty(id))
        {
            Verdicts[id] = verdict;
        }
    }

    /// <summary>The verdict the test with this id published, removed from the hand-off; null if it published none.</summary>
    public static Verdict? Take(string testId) => Verdicts.TryRemove(testId, out var verdict) ? verdict : null;
}
