namespace Conformance.ReferenceServer.Hosting;

/// <summary>
/// The faults that change an authentication decision rather than a response, looked up once per
/// request for its endpoint; both halves' authenticators consult them.
/// </summary>
internal readonly record struct CredentialFaults(bool AcceptBadKey, bool AcceptNoCredentials, bool IgnoreQuery, bool IgnoreHeader)
{
    public static CredentialFaults None => default;

    public static CredentialFaults For(FaultPlan plan, string endpointId) => new(
        plan.IsActive(Fault.AcceptBadKey, endpointId),
        plan.IsActive(Fault.AcceptNoCredentials, endpointId),
        plan.IsActive(Fault.IgnoreQueryAuth, endpointId),
        plan.IsActive(Fault.IgnoreHeaderAuth, endpointId));
}
