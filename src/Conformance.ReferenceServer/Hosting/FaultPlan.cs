namespace Conformance.ReferenceServer.Hosting;

/// <summary>Which faults are on, for which endpoint ids ("*" = every endpoint). Immutable.</summary>
public sealed class FaultPlan
{
    private readonly IReadOnlyList<(Fault Fault, string EndpointId)> _entries;

    private FaultPlan(IReadOnlyList<(Fault, string)> entries) => _entries = entries;

    public static FaultPlan None { get; } = new([]);

    public static FaultPlan Of(params (Fault Fault, string EndpointId)[] entries) => new(entries);

    /// <summary>Parses "Fault" or "Fault@endpoint.id" items, as given on the command line.</summary>
    public static FaultPlan Parse(IEnumerable<string> items) =>
        new(items.Select(item =>
        {
            var parts = item.Split('@', 2);
            if (!Enum.TryParse<Fault>(parts[0], ignoreCase: true, out var fault))
            {
                throw new ArgumentException($"Unknown fault '{parts[0]}'. Known: {string.Join(", ", Enum.GetNames<Fault>())}");
            }
            return (fault, parts.Length == 2 ? parts[1] : "*");
        }).ToList());

    public bool IsActive(Fault fault, string endpointId) =>
        _entries.Any(e => e.Fault == fault && (e.EndpointId == "*" || e.EndpointId == endpointId));

    /// <summary>For route-level faults (405, slash redirect): active when switched on for any endpoint the route serves.</summary>
    public bool IsActiveForAny(Fault fault, IEnumerable<string> endpointIds) => endpointIds.Any(id => IsActive(fault, id));

    public override string ToString() =>
        _entries.Count == 0 ? "none" : string.Join(", ", _entries.Select(e => $"{e.Fault}@{e.EndpointId}"));
}
