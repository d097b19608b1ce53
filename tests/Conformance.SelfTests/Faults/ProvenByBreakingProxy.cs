
namespace Conformance.SelfTests.Faults;

/// <summary>
/// Requirements checked only by workflows and hostile-input probes, which the reference server's
/// fault vocabulary (Hosting/Fault.cs) cannot break yet. Until faults for them are added, they are
/// proven by the breaking-proxy self-tests instead: <see cref="Workflows.WorkflowBreakTests"/> and
/// <see cref="HostileInput.HostileInputTests"/> break each step and each probe kind and require
/// exactly these failures. Remove an entry once a fault and its expectation catch it.
/// </summary>
internal static class ProvenByBreakingProxy
{
    // Empty: every requirement is now broken by a fault of the vocabulary and caught by the mutation check.
    public static IReadOnlyDictionary<string, string> Requirements { get; } = new Dictionary<string, string>(StringComparer.Ordinal);
}
