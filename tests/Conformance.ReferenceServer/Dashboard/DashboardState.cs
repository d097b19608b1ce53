using Conformance.ReferenceServer.Hosting;

namespace Conformance.ReferenceServer.Dashboard;

/// <summary>In-memory dashboard data (transfers, ingests, jobs, tasks, processing configurations). Thread-safe.</summary>
public sealed class DashboardState(ReferenceServerOptions options)
{
    public ReferenceServerOptions Options { get; } = options;

    public string AddCompletedTransfer() => throw new NotImplementedException();

    public string AddCompletedIngest() => throw new NotImplementedException();

    public string AddTransferAwaitingApproval() => throw new NotImplementedException();

    public string AddProcessingConfig() => throw new NotImplementedException();
}
