using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using NUnit.Framework;
using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;

namespace Conformance.Tests;

/// <summary>
/// The read-only tests' exchanges, sent in one burst before the tests judge them, with the run's
/// concurrency. A read-only exchange depends on nothing another test does, so the target sees one
/// dense burst instead of requests spread thinly across the test framework's per-test costs. Only
/// the tests the run selected are sent: the burst goes out when the run's filter is learnt
/// (<see cref="SelectionDispatcher"/>), once the suite's set-up is done and before NUnit queues
/// anything else, so no test starts while it is out (a test that starts makes the test runner compile
/// its result handling on the cores the burst shares with the target). A test that asks before the
/// filter is known sends its own exchange, and the burst leaves it out: each exchange is sent once,
/// by the burst or by its test, and judged by its own test, so results, messages and reports are the
/// same either way.
/// </summary>
internal static class SentAhead
{
    private static readonly ReadOnlyBurst Run = new();

    /// <summary>Lets the burst go out, from the suite's set-up (not for a dry run nor an unusable target).</summary>
    public static void Arm(ITest suite, int concurrency) => Run.Arm(suite, concurrency);

    /// <summary>Forgets the exchanges and says what was sent ahead (null when nothing was armed); from the suite's tear-down.</summary>
    public static string? End() => Run.End();

    /// <summary>The current test's verdict: its exchange sent ahead or sent now, judged now.</summary>
    public static async Task<Verdict> VerdictAsync(Func<string, Task<Judgement>> send) => await (await ResultAsync(send))();

    /// <summary>What the current test's exchange gave: taken from the burst, or <paramref name="send"/> run now.</summary>
    public static async Task<T> ResultAsync<T>(Func<string, Task<T>> send)
        where T : class
    {
        var name = TestContext.CurrentContext.Test.FullName;
        return (T)await Run.ResultAsync(name, async () => await send(name));
    }

    /// <summary>One run's burst: armed by the set-up, sent when the filter is learnt, ended by the tear-down.</summary>
    private sealed class ReadOnlyBurst
    {
        // Put in place of an exchange its test has taken: the burst must not send it again, and the exchange can be let go.
        private static readonly Lazy<Task<object>> Taken = new(() => Task.FromResult(new object()));

        private readonly ConcurrentDictionary<string, Lazy<Task<object>>> _exchanges = new(StringComparer.Ordinal);
        private readonly TaskCompletionSource _burstEnded = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private Plan? _plan;
        private int _sentByTests;
        private string? _burst;

        public void Arm(ITest suite, int concurrency)
        {
            Volatile.Write(ref _plan, new Plan(suite, Math.Max(1, concurrency)));
            // The set-up's own context: NUnit dispatches the set-up fixture's children through its dispatcher.
            var context = TestExecutionContext.CurrentContext;
            if (context.Dispatcher is { } dispatcher)
            {
                context.Dispatcher = new SelectionDispatcher(dispatcher, Send);
            }
        }

        public async Task<object> ResultAsync(string name, Func<Task<object>> send)
        {
            if (_plan is null)
            {
                return await send();
            }

            var own = new Lazy<Task<object>>(send);
            var exchange = _exchanges.GetOrAdd(name, own);
            if (exchange == Taken)
            {
                return await send(); // a second test of the same name
            }

            if (exchange == own)
            {
                Interlocked.Increment(ref _sentByTests);
            }
            else
            {
                await _burstEnded.Task;
            }

            try
            {
                return await exchange.Value;
            }
            finally
            {
                _exchanges[name] = Taken;
            }
        }

        public string? End()
        {
            _exchanges.Clear();
            if (_plan is null)
            {
                return null;
            }

            var burst = _burst ?? "not sent ahead (NUnit dispatched nothing through the set-up's dispatcher, so the run's selection was not learnt)";
            return string.Create(CultureInfo.InvariantCulture, $"Read-only exchanges: {burst}; {_sentByTests} tests sent their own, before the run's selection was known.");
        }

        /// <summary>Sends the selected read-only tests' exchanges, on the thread that learnt the filter, which waits for them.</summary>
        private void Send(ITestFilter filter)
        {
            try
            {
                var (suite, concurrency) = _plan!;
                var watch = Stopwatch.StartNew();
                // Chains of dependent requests (page walks, workflows) first, so they overlap the single exchanges instead of trailing them.
                var work = new List<(bool Chain, Lazy<Task<object>> Exchange)>();
                foreach (var test in Leaves(suite).Where(filter.Pass))
                {
                    if (ReadOnlyWork(test) is { } send && new Lazy<Task<object>>(send) is var exchange && _exchanges.TryAdd(test.FullName, exchange))
                    {
                        work.Add((IsChain(test), exchange));
                    }
                }

                SendAsync(work.OrderByDescending(w => w.Chain).Select(w => w.Exchange), concurrency).GetAwaiter().GetResult();
                _burst = string.Create(CultureInfo.InvariantCulture, $"{work.Count} tests' requests sent ahead, {concurrency} at a time, in {watch.Elapsed.TotalSeconds:0.0} s");
            }
            catch (Exception e)
            {
                // Thrown on NUnit's dispatching thread it would stop the run; the tests send what was not sent.
                _burst = "not all sent ahead (" + e.Message + ")";
            }
            finally
            {
                _burstEnded.TrySetResult();
            }
        }

        private static async Task SendAsync(IEnumerable<Lazy<Task<object>>> exchanges, int concurrency)
        {
            var work = new ConcurrentQueue<Lazy<Task<object>>>(exchanges);
            await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
            {
                while (work.TryDequeue(out var exchange))
                {
                    // An exception belongs to its test, which meets it when it awaits the task.
                    await ((Task)exchange.Value).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                }
            })));
        }

        private sealed record Plan(ITest Suite, int Concurrency);

        private static IEnumerable<ITest> Leaves(ITest test) => test.IsSuite ? test.Tests.SelectMany(Leaves) : [test];
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
