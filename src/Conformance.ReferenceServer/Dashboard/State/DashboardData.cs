namespace Conformance.ReferenceServer.Dashboard.State;

/// <summary>
/// The in-memory "database". Not thread-safe by itself: only touched under the lock of
/// <see cref="DashboardState"/>. Lists keep insertion order, which stands in for table order.
/// </summary>
internal sealed class DashboardData
{
    private Random? _seedRandom;
    private DateTime _clock;
    private long _sequence;

    public DashboardData(DateTime seedClock, int seed)
    {
        _clock = seedClock;
        _seedRandom = new Random(seed);
    }

    public List<Unit> Units { get; } = [];

    public List<Job> Jobs { get; } = [];

    public Dictionary<string, string> ProcessingConfigs { get; } = new(StringComparer.Ordinal);

    public List<LevelOfDescription> Levels { get; } = [];

    public List<ArrangeEntry> Arrange { get; } = [];

    /// <summary>
    /// AIPs (by directory name) that the Storage Service has extracted into the shared tmp directory
    /// for reingest; reingest moves one of these, and fails (500) when it is not there.
    /// </summary>
    public HashSet<string> AipsExtractedForReingest { get; } = new(StringComparer.Ordinal);

    /// <summary>Seeding uses a fixed random source so seeded job/task ids are stable across runs.</summary>
    public void EndSeeding()
    {
        _seedRandom = null;
        _clock = DateTime.UtcNow > _clock ? DateTime.UtcNow : _clock;
    }

    public string NewUuid()
    {
        if (_seedRandom is null)
        {
            return Guid.NewGuid().ToString();
        }
        var bytes = new byte[16];
        _seedRandom.NextBytes(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0f) | 0x40); // version 4 (Guid byte order)
        bytes[8] = (byte)((bytes[8] & 0x3f) | 0x80); // RFC 4122 variant
        return new Guid(bytes).ToString();
    }

    /// <summary>Advances the emulated clock; new rows are always later than older ones.</summary>
    public DateTime Tick(int seconds)
    {
        var now = DateTime.UtcNow;
        if (_seedRandom is null && now > _clock)
        {
            _clock = now;
        }
        _clock = _clock.AddSeconds(seconds);
        return new DateTime(_clock.Ticks - (_clock.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Unspecified);
    }

    public Unit? FindUnit(string uuid, UnitType type) =>
        Units.Find(u => u.Type == type && SameUuid(u.Uuid, uuid));

    /// <summary>UUID columns are strings in MySQL with a case-insensitive collation.</summary>
    public static bool SameUuid(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    public IEnumerable<Job> JobsOf(string unitUuid) => Jobs.Where(j => SameUuid(j.UnitUuid, unitUuid));

    public Unit AddUnit(UnitType type, string uuid, string currentPath, params (string Name, string? Uuid)[] files)
    {
        var unit = new Unit { Uuid = uuid, Type = type, CurrentPath = currentPath };
        foreach (var (name, fileUuid) in files)
        {
            unit.Files.Add((fileUuid ?? NewUuid(), name));
        }
        Units.Add(unit);
        return unit;
    }

    /// <summary>Runs one workflow link for a unit: a job plus its tasks, finished as <paramref name="step"/> says.</summary>
    public Job AddJob(Unit unit, WorkflowStep link, JobStep step, string? directory = null)
    {
        var created = Tick(2);
        var job = new Job
        {
            Uuid = NewUuid(),
            UnitUuid = unit.Uuid,
            UnitType = unit.Type,
            Name = link.Name,
            Microservice = link.Microservice,
            LinkUuid = link.LinkUuid,
            Directory = directory ?? unit.CurrentPath,
            Step = step,
            CreatedAt = created,
            Sequence = ++_sequence,
        };
        var targets = link.Tasks switch
        {
            TaskScope.Unit => [("", Workflow.BaseName(job.Directory))], // MCPServer: context.get("%fileUUID%", "")
            TaskScope.PerFile => unit.Files.Select(f => ((string?)f.Uuid, f.Name)).ToList(),
            _ => new List<(string?, string)>(),
        };
        var index = 0;
        foreach (var (fileUuid, fileName) in targets)
        {
            var started = created.AddSeconds(1);
            var finished = step is JobStep.CompletedSuccessfully or JobStep.Failed;
            var failed = step == JobStep.Failed && index == 0;
            job.Tasks.Add(new TaskRecord
            {
                Uuid = NewUuid(),
                FileUuid = fileUuid,
                FileName = fileName,
                CreatedAt = created,
                StartedAt = started,
                // Durations vary: 0 s shows as "< 1", longer ones as whole seconds.
                EndedAt = finished ? started.AddSeconds(index % 3 == 0 ? 0 : index + 1) : null,
                ExitCode = finished ? (failed ? 1 : 0) : null,
            });
            index++;
        }
        Jobs.Add(job);
        return job;
    }

    /// <summary>Deletes a unit's jobs and tasks (the reingest views purge these first).</summary>
    public void PurgeJobs(string unitUuid) => Jobs.RemoveAll(j => SameUuid(j.UnitUuid, unitUuid));
}
