namespace Conformance.ReferenceServer.Dashboard.State;

/// <summary>The two unit tables: <c>Transfer</c> (unitTransfer) and <c>SIP</c> (unitSIP).</summary>
internal enum UnitType
{
    Transfer,
    Sip,
}

/// <summary><c>Job.currentstep</c> codes of the dashboard database.</summary>
internal enum JobStep
{
    Unknown = 0,
    AwaitingDecision = 1,
    CompletedSuccessfully = 2,
    ExecutingCommands = 3,
    Failed = 4,
}

/// <summary>A Transfer or SIP row. Paths keep the <c>%sharedPath%</c> placeholder as stored.</summary>
internal sealed class Unit
{
    public required string Uuid { get; init; }

    public required UnitType Type { get; init; }

    public required string CurrentPath { get; set; }

    public bool Hidden { get; set; }

    /// <summary>Transfers only: the SIP its files went into (the <c>File.sip</c> link), if any.</summary>
    public string? SipUuid { get; set; }

    /// <summary>The unit's files (uuid, name), used for per-file tasks.</summary>
    public List<(string Uuid, string Name)> Files { get; } = [];

    /// <summary>
    /// Links still to run for a unit in progress (one per status poll, see <see cref="Progression"/>);
    /// null for units that do not move (the seed, arranged units).
    /// </summary>
    public Queue<WorkflowStep>? Remaining { get; set; }
}

/// <summary>A <c>Job</c> row: one workflow link run for a unit; tasks are its <c>Task</c> rows.</summary>
internal sealed class Job
{
    public required string Uuid { get; init; }

    public required string UnitUuid { get; init; }

    public required UnitType UnitType { get; init; }

    /// <summary><c>jobtype</c>: the job name ("Scan for viruses").</summary>
    public required string Name { get; init; }

    /// <summary><c>microservicegroup</c>.</summary>
    public required string Microservice { get; init; }

    public required string LinkUuid { get; init; }

    public required string Directory { get; init; }

    public required JobStep Step { get; set; }

    public required DateTime CreatedAt { get; init; }

    /// <summary>Tie-breaker for equal creation times (the real table has <c>createdtimedec</c>).</summary>
    public required long Sequence { get; init; }

    public List<TaskRecord> Tasks { get; } = [];
}

internal sealed class TaskRecord
{
    public required string Uuid { get; init; }

    public int? ExitCode { get; set; }

    public string? FileUuid { get; init; }

    public required string FileName { get; init; }

    public required DateTime CreatedAt { get; init; }

    public DateTime? StartedAt { get; set; }

    public DateTime? EndedAt { get; set; }
}

internal sealed record LevelOfDescription(string Id, string Name, int SortOrder);

/// <summary>A <c>SIPArrange</c> row of the SIP arrangement area.</summary>
internal sealed class ArrangeEntry
{
    public required string ArrangePath { get; init; }

    public string LevelOfDescription { get; set; } = "";

    public string? RelativeLocation { get; set; }

    public bool SipCreated { get; init; }
}
