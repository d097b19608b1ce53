
namespace Conformance.Framework.Workflows;

/// <summary>
/// A stateful workflow: a sequence of steps across endpoints whose later steps read what earlier
/// ones changed. <see cref="Tier"/> is the highest tier of its requests; <see cref="Services"/> are
/// the services it needs (the first one decides which release's known deviations apply).
/// </summary>
public sealed record WorkflowDefinition(string Name, Tier Tier, IReadOnlyList<ServiceKind> Services, string Summary, Func<WorkflowRun, Task> Body) : ISuiteCase
{
    string ISuiteCase.Name => CaseName;

    /// <summary>None: a workflow spans endpoints, each of which its steps name.</summary>
    public Endpoint? Endpoint => null;

    public bool Hostile => false;

    public bool PresentsWrongCredentials => false;

    /// <summary>What it changes beyond the run's own objects, or null (see <see cref="ISuiteCase.ChangesAll"/>).</summary>
    public string? ChangesAll { get; init; }

    /// <summary>Nothing to prepare: the steps build their requests as they go, and judge as they go.</summary>
    public Task<Prepared> PrepareAsync(ConformanceSession session, CancellationToken cancellationToken) =>
        Task.FromResult(Prepared.Ready(
            $"WORKFLOW {Name} ({string.Join(", ", Services.Select(s => s.CatalogueName()))}): {Summary}  [{Tier.Name()}, auth Header]",
            async (testName, ct) => Judgements.Of(await WorkflowRun.RunStepsAsync(session, this, testName, ct))));

    /// <summary>The name known deviations and reports use, e.g. "workflow am.transfer-lifecycle".</summary>
    public string CaseName => "workflow " + Name;

    public override string ToString() => Name;
}

/// <summary>Every workflow the suite runs.</summary>
public static class WorkflowCatalogue
{
    public static IReadOnlyList<WorkflowDefinition> All { get; } =
    [
        .. DashboardWorkflows.All,
        .. StorageWorkflows.All,
        .. CrossServiceWorkflows.All,
    ];
}
