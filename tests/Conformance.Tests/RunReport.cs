using NUnit.Framework;

namespace Conformance.Tests;

/// <summary>What a run says at its end: requests with wrong credentials against the budget, and a dry run's plan.</summary>
internal static class RunReport
{
    /// <summary>TestResults/ at the repository root (or the current folder outside it).</summary>
    private static string ResultsFolder() =>
        Directory.CreateDirectory(Path.Combine(ReportLocations.RepositoryRoot ?? Environment.CurrentDirectory, "TestResults")).FullName;

    public static void Write(ConformanceSession session, ConformanceSession? writeSession, bool? transferSourceUnchanged)
    {
        var settings = session.Settings;
        var badCredentials = session.BadCredentialRequests + (writeSession != session ? writeSession?.BadCredentialRequests ?? 0 : 0);
        TestContext.Progress.WriteLine(
            $"Requests with wrong credentials: {badCredentials}" + (settings.BadCredentialBudget is { } budget ? $" (budget {budget})" : " (no budget set)"));

        foreach (var stale in session.KnownDeviations.Stale(session.Versions))
        {
            TestContext.Progress.WriteLine($"WARNING: known deviation covered no failure in this run (fixed? remove it from fixtures/known-deviations/{stale.Source}): {stale}");
        }

        if (writeSession is { } writes && writes.Ledger.Entries.Count > 0)
        {
            var ledger = Path.Combine(ResultsFolder(), $"cleanup-ledger-{writes.Run.RunId}.json");
            File.WriteAllText(ledger, Framework.Redaction.Redactor.Redact(writes.Ledger.ToJson()));
            var created = writes.Ledger.Entries.Count;
            TestContext.Progress.WriteLine($"Created by this run (run id {writes.Run.RunId}): {created}; cleaned up: {created - writes.Ledger.Leftovers}; leftovers: {writes.Ledger.Leftovers}, each with the reason in {ledger}");
        }

        if (writeSession?.Scratch.HaltReason is { } halt)
        {
            TestContext.Progress.WriteLine($"WARNING: writes were stopped during the run: {halt}");
        }

        if (transferSourceUnchanged is { } unchanged)
        {
            TestContext.Progress.WriteLine(unchanged
                ? $"Transfer source: unchanged (it lists what it listed before the first scratch copy; writes used copies under {writeSession!.Scratch.Folder}/ of the currently-processing location)"
                : "WARNING: the transfer source no longer lists what it listed before the first scratch copy: something on the target moved or changed it");
        }

        var plan = session.DryRunPlan.Concat(writeSession != session ? writeSession?.DryRunPlan ?? [] : []).Order(StringComparer.Ordinal).ToList();
        if (!settings.DryRun)
        {
            return;
        }

        var file = Path.Combine(ResultsFolder(), $"dry-run-{session.Run.RunId}.txt");
        File.WriteAllLines(file, plan);
        TestContext.Progress.WriteLine($"DRY RUN: {plan.Count} requests would be sent; the list is in {file}");
    }
}
