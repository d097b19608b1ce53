using NUnit.Framework;
using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;

namespace Conformance.Framework.Reports;

/// <summary>
/// Writes Allure results for every test of the assembly it is applied to:
/// <c>[assembly: AllureResults(typeof(MyEnvironment))]</c>. At the start of the run the results
/// folder (<see cref="ReportLocations.AllureResultsDirectory"/>) is emptied and
/// <c>categories.json</c> and <c>executor.json</c> are written; after each test its result; at
/// the end <c>environment.properties</c>, and a result for every test that never ran its own
/// actions (for instance when a one-time set-up failed). Each test's outcome is also recorded for the
/// conformance statement (<see cref="RunOutcomes"/>). A reporting error never fails a test: it
/// is printed once and the run goes on.
/// </summary>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = false)]
public sealed class AllureResultsAttribute : Attribute, ITestAction
{
    public AllureResultsAttribute()
    {
    }

    /// <param name="environment">A type implementing <see cref="IReportEnvironment"/> with a parameterless constructor.</param>
    public AllureResultsAttribute(Type environment) => Environment = environment;

    public Type? Environment { get; }

    public ActionTargets Targets => ActionTargets.Test | ActionTargets.Suite;

    public void BeforeTest(ITest test)
    {
        if (!test.IsSuite)
        {
            // The statement's outcomes need the verdicts even when no Allure result can be written.
            TestVerdict.Open(test);
        }

        AllureRun.Guard(() =>
        {
            var run = AllureRun.Ensure();
            if (run is not null && !test.IsSuite)
            {
                run.Started(test.Id);
            }
        });
    }

    public void AfterTest(ITest test)
    {
        var result = TestExecutionContext.CurrentContext.CurrentResult;
        var verdict = test.IsSuite ? null : TestVerdict.Take(test);
        if (!test.IsSuite)
        {
            // Here, where the outcome is final, for the conformance statement written at the end of the run.
            AllureRun.Guard(() => RunOutcomes.Record(test, result, verdict));
            AllureRun.Guard(() => Snapshots.SnapshotRecorder.Record(test, verdict));
        }

        AllureRun.Guard(() =>
        {
            var run = AllureRun.Ensure();
            if (run is null)
            {
                return;
            }

            if (!test.IsSuite)
            {
                run.Finished(test, result, verdict, Thread.CurrentThread.Name);
            }
            else if (test.Parent is null)
            {
                run.Finish(result, Environment);
            }
        });
    }
}
