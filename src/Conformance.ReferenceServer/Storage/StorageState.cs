using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace Conformance.ReferenceServer.Storage;

/// <summary>
/// In-memory Storage Service data: pipelines, spaces, locations, packages (with their files on an
/// emulated disk), deletion/recovery requests and async tasks. Thread-safe: every access, by the HTTP
/// handlers or the arrange API, holds one lock. Seeded on construction (see <see cref="StorageSeed"/>).
/// </summary>
public sealed class StorageState
{
    private int _nextId = 1000;

    public StorageState(ReferenceServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Faults = options.Faults;
        Version = new StorageVersion(options.StorageServiceVersion);
        StorageSeed.Populate(this);
    }

    internal object Gate { get; } = new();

    internal StorageVersion Version { get; }

    /// <summary>For state faults, which views must consult (answer faults live in Hosting/FaultInjector.cs).</summary>
    internal FaultPlan Faults { get; }

    internal List<Pipeline> Pipelines { get; } = [];

    internal List<Space> Spaces { get; } = [];

    internal List<Location> Locations { get; } = [];

    internal List<Package> Packages { get; } = [];

    internal List<PackageEvent> Events { get; } = [];

    internal List<AsyncTask> AsyncTasks { get; } = [];

    /// <summary>Settings default_&lt;PURPOSE&gt;_location: purpose → location UUID.</summary>
    internal Dictionary<string, string> DefaultLocations { get; } = new(StringComparer.Ordinal);

    internal VirtualFileSystem Disk { get; } = new();

    /// <summary>
    /// Pipeline.reingest (set by the host): tells a pipeline (uuid) to start a transfer (true) or ingest
    /// reingest of the AIP copied to its tmp/&lt;name&gt; (name, uuid); the dashboard's status and body, or null
    /// when the pipeline is not the dashboard's. Called without this state's lock.
    /// </summary>
    internal Func<string, string, string, bool, (int Status, JsonObject Body)?>? PipelineReingest { get; set; }

    /// <summary>
    /// Arrange API: a fresh AIP with status UPLOADED, files on disk and file rows, stored uncompressed
    /// in the default AIP storage location. Usable for delete_aip, recover_aip, reingest, move,
    /// contents PUT/DELETE and file PUT/PATCH. Returns its UUID.
    /// </summary>
    public string AddUploadedAip()
    {
        lock (Gate)
        {
            var uuid = Guid.NewGuid().ToString();
            var package = new PackageFactory(this).Aip(uuid, "arranged-aip", compressed: false, PackageStatus.Uploaded, PythonDateTime.Now());
            return package.Uuid;
        }
    }

    /// <summary>Arrange API: a fresh SWORD deposit (status PENDING, two files) in the deposit location. Returns its UUID.</summary>
    public string AddDeposit()
    {
        lock (Gate)
        {
            var uuid = Guid.NewGuid().ToString();
            return new PackageFactory(this).Deposit(uuid, "arranged-deposit-" + uuid[..8], PythonDateTime.Now()).Uuid;
        }
    }

    /// <summary>
    /// The dashboard stored an AIP (its SIP uuid and name): an uncompressed AIP of the dashboard's
    /// pipeline in the default AIP storage location, status UPLOADED. A reingested AIP stored again
    /// keeps its record and is UPLOADED again.
    /// </summary>
    public void AddStoredAip(string uuid, string name)
    {
        lock (Gate)
        {
            if (Packages.FirstOrDefault(p => p.Uuid == uuid) is { } existing)
            {
                existing.Status = PackageStatus.Uploaded;
                existing.StoredDate = PythonDateTime.Now();
                return;
            }

            var location = DefaultLocation("AS")?.Uuid ?? SeedIds.AipStorage;
            new PackageFactory(this).Aip(uuid, name, compressed: false, PackageStatus.Uploaded, PythonDateTime.Now(), location);
        }
    }

    /// <summary>Whether a path relative to the transfer-source location exists on the emulated disk.</summary>
    public bool TransferSourceHas(string relativePath)
    {
        lock (Gate)
        {
            var location = Locations.FirstOrDefault(l => l.Uuid == ReferenceData.TransferSourceLocationUuid);
            return location is not null && Disk.Exists(PosixPath.Join(location.FullPath, relativePath.TrimEnd('/')));
        }
    }

    /// <summary>The whole emulated disk, sorted by path, with each file's SHA-256 (see <see cref="ReferenceServerHost.DiskListing"/>).</summary>
    public IReadOnlyList<DiskEntry> DiskListing()
    {
        lock (Gate)
        {
            return Disk.All()
                .Select(entry => new DiskEntry(entry.Path, entry.Content is null ? "" : Convert.ToHexStringLower(SHA256.HashData(entry.Content)), entry.Content is null))
                .ToList();
        }
    }

    internal int NextId() => Interlocked.Increment(ref _nextId);

    internal int NextEventId() => Events.Count == 0 ? 1 : Events.Max(e => e.Id) + 1;

    internal int NextAsyncId() => AsyncTasks.Count == 0 ? 1 : AsyncTasks.Max(t => t.Id) + 1;

    internal Location? DefaultLocation(string purpose) =>
        DefaultLocations.TryGetValue(purpose, out var uuid) ? Locations.FirstOrDefault(l => l.Uuid == uuid) : null;

    /// <summary>Bytes stored in a location (packages not deleted).</summary>
    internal long UsedIn(Location location) =>
        Packages.Where(p => p.CurrentLocation == location && p.Status != PackageStatus.Deleted).Sum(p => p.Size);

    internal long UsedIn(Space space) => Locations.Where(l => l.Space == space).Sum(UsedIn);
}
