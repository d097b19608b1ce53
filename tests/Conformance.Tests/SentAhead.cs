using System.Collections.Concurrent;
using NUnit.Framework;
using NUnit.Framework.Interfaces;

namespace Conformance.Tests;

/// <summary>
/// The read-only tests' exchanges, sent in one batch before the tests run, with the run's
/// concurrency. A read-only exchange depends on nothing another test does, so the target sees one
/// dense burst instead of requests spread thinly across the test framework's per-test costs. Each
/// test then judges its own exchange (or, when it was not sent ahead, sends it first), so results,
/// messages and reports are the same either way. Only the tests selected for this run are sent.
/// </summary>
internal static class SentAhead
{
    private static readonly ConcurrentDictionary<string, Task<object>> Sent = new(StringComparer.Ordinal);

    /// <summary>The current test's verdict: its exchange sent ahead or sent now, judged now.</summary>
    public static async Task<Verdict> VerdictAsync(Func<string, Task<Judgement>> send) => await (await ResultAsync(send))();

    /// <summary>What the current test's exchange gave: taken from the batch, or <paramref name="send"/> run now.</summary>
    public static async Task<T> ResultAsync<T>(Func<string, Task<T>> send)
        where T : class
    {
        var name = TestContext.CurrentContext.Test.FullName;
        return Sent.TryRemove(name, out var ahead) ? (T)await ahead : await send(name);
    }

    /// <summary>Sends the exchanges of every read-only test among <paramref name="tests"/>, <paramref name="concurrency"/> at a time; returns how many tests.</summary>
    public static async Task<int> SendAsync(IEnumerable<ITest> tests, int concurrency)
    {
        // Chains of dependent requests (page walks, workflows) first, so they overlap the single exchanges instead of trailing them.
        var work = new ConcurrentQueue<(string Name, Func<Task<object>> Send)>(
            tests.Select(t => (t.FullName, Send: ReadOnlyWork(t), Chain: IsChain(t))).Where(w => w.Send is not null)
                .OrderByDescending(w => w.Chain).Select(w => (w.FullName, w.Send!)));
        var count = work.Count;
        var workers = Enumerable.Range(0, Math.Max(1, concurrency)).Select(_ => Task.Run(async () =>
        {
            while (work.TryDequeue(out var item))
            {
                var sent = item.Send();
                // An exception belongs to its test, which meets it when it awaits the task.
                await ((Task)sent).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                Sent[item.Name] = sent;
            }
        }));
        await Task.WhenAll(workers);
        return count;
    }

    private static bool IsChain(ITest test) => test.ClassName == typeof(StoragePagination).FullName || test.Arguments is [WorkflowDefinition];

    /// <summary>What a selected test sends, when it only reads; null for anything else (writes stay in their tests, one at a time).</summary>
    private static Func<Task<object>>? ReadOnlyWork(ITest test) => test.Arguments switch
    {
        [ISuiteCase { Tier: Tier.ReadOnly } c] => async () => await Suite.SendAsync(c, test.FullName),
        [string endpointId, string apiVersion] when test.ClassName == typeof(StoragePagination).FullName =>
            async () => await Suite.SendAsync(StoragePagination.Walk(endpointId, apiVersion), test.FullName),
        [ServiceKind service, string check] when test.ClassName == typeof(Exposure).FullName =>
            async () => await Suite.SendAsync(new ExposureCheck(service, check), test.FullName),
        _ => null,
    };
}
