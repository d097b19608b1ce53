using Conformance.ReferenceServer.Hosting;

namespace Conformance.Framework.Targets;

/// <summary>Creates write-test preconditions directly in the in-process reference server's state.</summary>
public sealed class EmbeddedArranger(ReferenceServerHost host) : IArranger
{
    public Task<IReadOnlyDictionary<string, string>> ArrangeAsync(string arrangement, CancellationToken cancellationToken = default)
    {
        IReadOnlyDictionary<string, string> fields = arrangement switch
        {
            "completed-transfer" => new Dictionary<string, string> { ["uuid"] = host.Dashboard.AddCompletedTransfer() },
            "completed-ingest" => new Dictionary<string, string> { ["uuid"] = host.Dashboard.AddCompletedIngest() },
            "transfer-awaiting-approval" => new Dictionary<string, string> { ["directory"] = host.Dashboard.AddTransferAwaitingApproval() },
            "processing-config" or "deletable-processing-config" => new Dictionary<string, string> { ["name"] = host.Dashboard.AddProcessingConfig() },
            "ingest-awaiting-reingest-approval" => new Dictionary<string, string> { ["uuid"] = host.Dashboard.AddIngestAwaitingReingestApproval() },
            "aip-ready-for-reingest" => host.Dashboard.AddAipReadyForReingest() is var (name, uuid)
                ? new Dictionary<string, string> { ["name"] = name, ["uuid"] = uuid }
                : throw new InvalidOperationException(),
            "uploaded-aip" => new Dictionary<string, string> { ["uuid"] = host.Storage.AddUploadedAip(), ["file"] = "bagit.txt" },
            "sword-deposit" => new Dictionary<string, string> { ["uuid"] = host.Storage.AddDeposit() },
            _ => throw new UnresolvableException($"the reference server has no arrangement '{arrangement}'"),
        };
        return Task.FromResult(fields);
    }
}
