namespace Conformance.Framework.Targets;

/// <summary>The run id that prefixes everything this run creates, and a counter for unique names. Thread-safe.</summary>
public sealed class RunContext
{
    private int _counter;

    public RunContext(string? runId = null) =>
        RunId = runId ?? $"cf{DateTime.UtcNow:MMddHHmm}{Random.Shared.Next(0x100):x2}";

    public string RunId { get; }

    public string NextUnique() => $"{RunId}{Interlocked.Increment(ref _counter)}";

    /// <summary>A run-scoped name for something the run creates: "&lt;run id&gt;-&lt;what&gt;-&lt;n&gt;".</summary>
    public string Unique(string what) => $"{RunId}-{what}-{NextUnique()[RunId.Length..]}";
}
