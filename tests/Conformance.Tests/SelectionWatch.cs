using NUnit.Framework;
using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;
using NUnit.Framework.Internal.Execution;

namespace Conformance.Tests;

/// <summary>
/// Learns the run's filter (what `--filter` selected) through NUnit's public API. NUnit gives a
/// one-time set-up no filter and the test tree it can reach is the whole one, but every work item
/// carries the filter (<see cref="WorkItem.Filter"/>), and a test worker hands each item it picks to
/// its <see cref="TestWorker.Busy"/> event, on its own thread, before running it. So the workers seen
/// so far are watched; the first item one of them picks once <paramref name="wanted"/> says so gives
/// the filter to <paramref name="learnt"/>, once, and that item runs only after it returns.
/// </summary>
internal sealed class SelectionWatch(Func<bool> wanted, Action<ITestFilter> learnt) : IDisposable
{
    private readonly Lock _gate = new();
    private readonly HashSet<TestWorker> _workers = [];
    private bool _ended;

    /// <summary>Watches the worker running the caller; there is none under NUnit's single-threaded dispatcher (NumberOfTestWorkers 0).</summary>
    public void WatchCurrentWorker()
    {
        if (Volatile.Read(ref _ended) || TestExecutionContext.CurrentContext.TestWorker is not { } worker)
        {
            return;
        }

        lock (_gate)
        {
            if (!_ended && _workers.Add(worker))
            {
                worker.Busy += OnBusy;
            }
        }
    }

    private void OnBusy(TestWorker worker, WorkItem item)
    {
        if (!wanted())
        {
            return;
        }

        lock (_gate)
        {
            if (_ended)
            {
                return;
            }

            End();
        }

        learnt(item.Filter);
    }

    /// <summary>Stops watching every worker.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            End();
        }
    }

    private void End()
    {
        _ended = true;
        foreach (var worker in _workers)
        {
            worker.Busy -= OnBusy;
        }

        _workers.Clear();
    }
}

/// <summary>
/// Watches the worker that starts the run (the assembly's one-time set-up runs on it): once the
/// suite's set-up is done it is among the first to pick a test, so the filter is learnt before most
/// tests start. Workers are also watched from the suite's set-up and from each test that asks for its
/// exchange before the filter is known.
/// </summary>
[AttributeUsage(AttributeTargets.Assembly)]
internal sealed class WatchRunSelectionAttribute : Attribute, ITestAction
{
    public ActionTargets Targets => ActionTargets.Suite;

    public void BeforeTest(ITest test) => SentAhead.WatchCurrentWorker();

    public void AfterTest(ITest test)
    {
    }
}
