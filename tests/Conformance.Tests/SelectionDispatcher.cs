using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal.Execution;

namespace Conformance.Tests;

/// <summary>
/// Learns the run's filter (what `--filter` selected) through NUnit's public API, before any test
/// starts. The suite's set-up puts this dispatcher in its own execution context; NUnit dispatches the
/// set-up fixture's children through that context's dispatcher once the set-up is done, and every work
/// item carries the run's filter (<see cref="WorkItem.Filter"/>). The first item dispatched gives the
/// filter to <paramref name="learnt"/>, once, on the thread that dispatches it, before that item is
/// queued: nothing else of the run has started by then. Everything is passed on to the dispatcher NUnit chose.
/// </summary>
internal sealed class SelectionDispatcher(IWorkItemDispatcher inner, Action<ITestFilter> learnt) : IWorkItemDispatcher
{
    private int _learnt;

    public int LevelOfParallelism => inner.LevelOfParallelism;

    public void Start(WorkItem topLevelWorkItem) => inner.Start(topLevelWorkItem);

    public void Dispatch(WorkItem work)
    {
        if (Interlocked.Exchange(ref _learnt, 1) == 0)
        {
            learnt(work.Filter);
        }

        inner.Dispatch(work);
    }

    public void CancelRun() => inner.CancelRun();
}
