using System.Text.Json.Nodes;

namespace Conformance.ReferenceServer.Storage.Model;

/// <summary>A background task (locations.Async) polled through /api/v2/async/&lt;id&gt;/.</summary>
internal sealed class AsyncTask
{
    public required int Id { get; init; }

    public bool Completed { get; set; }

    public bool WasError { get; set; }

    public DateTime CreatedTime { get; set; }

    public DateTime UpdatedTime { get; set; }

    public DateTime? CompletedTime { get; set; }

    /// <summary>The task's return value (a package dict or a message), shown when completed without error.</summary>
    public JsonNode? Result { get; set; }

    /// <summary>The failure, shown when completed with an error.</summary>
    public JsonNode? Error { get; set; }

    /// <summary>Work queued but not run yet: it runs when the task is read the second time (a worker picking it up).</summary>
    public Func<JsonNode?>? Pending { get; set; }

    /// <summary>Reads of the task while its work was pending.</summary>
    public int PendingReads { get; set; }
}
