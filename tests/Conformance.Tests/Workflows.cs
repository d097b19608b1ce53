using NUnit.Framework;

namespace Conformance.Tests;

/// <summary>
/// Stateful workflows that change data (a transfer from start to hidden, packages, processing
/// configurations, Storage Service locations and packages). One at a time, like the other writes,
/// on the write instance of the embedded server; elsewhere only with AllowWrites/AllowDestructive.
/// </summary>
[TestFixture]
[NonParallelizable]
[Category(Categories.Workflow)]
public sealed class WriteWorkflows
{
    public static IEnumerable<TestCaseData> Cases() => WorkflowCases.For(w => w.Tier != Tier.ReadOnly);

    [TestCaseSource(nameof(Cases))]
    public async Task Runs_to_its_end(WorkflowDefinition workflow) => (await Suite.RunAsync(workflow, TestContext.CurrentContext.Test.FullName)).Should().Pass();
}

/// <summary>Read-only workflows (the promise between the two services): safe on any target.</summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
[Category(Categories.Workflow)]
public sealed class ReadOnlyWorkflows
{
    public static IEnumerable<TestCaseData> Cases() => WorkflowCases.For(w => w.Tier == Tier.ReadOnly);

    [TestCaseSource(nameof(Cases))]
    public async Task Runs_to_its_end(WorkflowDefinition workflow) =>
        (await SentAhead.VerdictAsync(name => Suite.SendAsync(workflow, name))).Should().Pass();
}

internal static class WorkflowCases
{
    public static IEnumerable<TestCaseData> For(Func<WorkflowDefinition, bool> include) =>
        WorkflowCatalogue.All.Where(include).Select(w =>
        {
            var data = new TestCaseData(w).SetName($"{{m}}({w.Name})").SetDescription(w.Summary).SetCategory(w.Tier.Name());
            foreach (var service in w.Services)
            {
                data.SetCategory(service.CatalogueName());
            }

            if (w.Services.Count > 1)
            {
                data.SetCategory(Categories.CrossService);
            }

            return data.SetProperty("Workflow", w.Name);
        });
}
