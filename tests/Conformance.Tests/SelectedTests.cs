using System.Reflection;
using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;
using NUnit.Framework.Internal.Execution;

namespace Conformance.Tests;

/// <summary>
/// The tests NUnit is about to run under the current suite, after `--filter`: NUnit builds the
/// filtered work-item tree before a run starts. It has no public way to reach it from a one-time
/// set-up, so this reads one private field; when that fails the answer is null (not known) and
/// nothing is done ahead of the tests.
/// </summary>
internal static class SelectedTests
{
    private static readonly FieldInfo? CurrentWorkItem =
        typeof(TestWorker).GetField("_currentWorkItem", BindingFlags.Instance | BindingFlags.NonPublic);

    public static IReadOnlyList<ITest>? UnderCurrentSuite()
    {
        var context = TestExecutionContext.CurrentContext;
        if (context.TestWorker is not { } worker || CurrentWorkItem?.GetValue(worker) is not CompositeWorkItem suite || suite.Test != context.CurrentTest)
        {
            return null;
        }

        var tests = new List<ITest>();
        Collect(suite, tests);
        return tests;
    }

    private static void Collect(WorkItem item, List<ITest> tests)
    {
        if (item is CompositeWorkItem composite)
        {
            foreach (var child in composite.Children)
            {
                Collect(child, tests);
            }
        }
        else
        {
            tests.Add(item.Test);
        }
    }
}
