using System.Text.Json.Nodes;

namespace Conformance.ReferenceServer.Storage.Seed;

/// <summary>
/// The initial Storage Service content: the dashboard's pipeline (plus a disabled one), three spaces,
/// a location of every purpose (plus a disabled one), 28 packages (AIPs, an AIC, DIPs, backlog
/// transfers, a replica, a SWORD deposit; statuses UPLOADED, DELETED, DEL_REQ, RECOVER_REQ, PENDING)
/// and four async tasks. The last three AIPs are the dashboard seed's completed ingests. The first AIP is uncompressed so extract_file works with bare relative paths.
/// </summary>
internal static class StorageSeed
{
    private static readonly DateTime Epoch = new(2024, 3, 4, 9, 15, 0, DateTimeKind.Unspecified);

    public static void Populate(StorageState state)
    {
        AddPipelines(state);
        AddSpaces(state);
        AddLocations(state);
        AddDisk(state);
        AddPackages(state);
        AddAsyncTasks(state);
    }

    private static void AddPipelines(StorageState state)
    {
        state.Pipelines.Add(new Pipeline
        {
            Id = 1, Uuid = SeedIds.Pipeline, Description = "Archivematica on reference-server", RemoteName = "127.0.0.1",
            ApiUsername = "test", ApiKey = "test",
        });
        state.Pipelines.Add(new Pipeline
        {
            Id = 2, Uuid = SeedIds.DisabledPipeline, Description = "Decommissioned pipeline", RemoteName = "10.0.0.12",
            ApiUsername = "archivist", ApiKey = "retired", Enabled = false,
        });
    }

    private static void AddSpaces(StorageState state)
    {
        state.Spaces.Add(new Space
        {
            Id = 1, Uuid = SeedIds.LocalFilesystemSpace, AccessProtocol = "FS", Path = "/",
            StagingPath = "/var/archivematica/storage_service", ProtocolRowId = 1,
            Verified = true, LastVerified = Epoch.AddDays(-30),
        });
        state.Spaces.Add(new Space
        {
            Id = 2, Uuid = SeedIds.NfsSpace, AccessProtocol = "NFS", Path = "/mnt/nfs-archive", Size = 10_995_116_277_760,
            StagingPath = "/var/archivematica/storage_service/nfs-staging", ProtocolRowId = 1,
            ProtocolFields = new JsonObject
            {
                ["manually_mounted"] = false, ["remote_name"] = "nfs.example.org", ["remote_path"] = "/exports/archive", ["version"] = "nfs4",
            },
        });
        state.Spaces.Add(new Space
        {
            Id = 3, Uuid = SeedIds.FedoraSpace, AccessProtocol = "FEDORA", Path = "/var/archivematica/sword",
            StagingPath = "/var/archivematica/storage_service/sword-staging", ProtocolRowId = 1,
            ProtocolFields = new JsonObject { ["fedora_user"] = "fedoraAdmin", ["fedora_password"] = "fedoraAdmin", ["fedora_name"] = "islandora.example.org" },
        });
    }

    private static void AddLocations(StorageState state)
    {
        var fs = state.Spaces[0];
        var pipeline = state.Pipelines[0];
        Add(state, SeedIds.TransferSource, fs, "TS", "home", "Transfer source (sample transfers)", pipeline);
        Add(state, SeedIds.AipStorage, fs, "AS", "var/archivematica/sharedDirectory/www/AIPsStore", "Store AIP in standard Archivematica Directory", pipeline);
        Add(state, SeedIds.SecondaryAipStorage, state.Spaces[1], "AS", "aipstore", "Secondary AIP storage (NFS)", pipeline, quota: 5_497_558_138_880);
        Add(state, SeedIds.DipStorage, fs, "DS", "var/archivematica/sharedDirectory/www/DIPsStore", "Store DIP in standard Archivematica Directory", pipeline);
        Add(state, SeedIds.Backlog, fs, "BL", "var/archivematica/sharedDirectory/www/AIPsStore/transferBacklog", "Default transfer backlog", pipeline);
        Add(state, SeedIds.CurrentlyProcessing, fs, "CP", "var/archivematica/sharedDirectory", null, pipeline);
        Add(state, SeedIds.StorageServiceInternal, fs, "SS", "var/archivematica/storage_service", "For storage service internal usage.", null);
        Add(state, SeedIds.AipRecovery, fs, "AR", "var/archivematica/storage_service/recover", "Default AIP recovery", pipeline);
        Add(state, SeedIds.Replicator, state.Spaces[1], "RP", "replicas", "AIP replicas", null);
        Add(state, SeedIds.SwordDeposit, state.Spaces[2], "SD", "deposits", "SWORD deposits", pipeline);
        Add(state, SeedIds.DisabledTransferSource, fs, "TS", "mnt/retired-transfers", "Retired transfer source", pipeline, enabled: false);
        foreach (var (purpose, uuid) in new[]
        {
            ("TS", SeedIds.TransferSource), ("AS", SeedIds.AipStorage), ("DS", SeedIds.DipStorage), ("BL", SeedIds.Backlog),
            ("CP", SeedIds.CurrentlyProcessing), ("AR", SeedIds.AipRecovery),
        })
        {
            state.DefaultLocations[purpose] = uuid;
        }
    }

    private static void Add(StorageState state, string uuid, Space space, string purpose, string relativePath, string? description, Pipeline? pipeline, long? quota = null, bool enabled = true)
    {
        var location = new Location
        {
            Id = state.Locations.Count + 1, Uuid = uuid, Space = space, Purpose = purpose, RelativePath = relativePath,
            Description = description, Quota = quota, Enabled = enabled,
        };
        if (pipeline is not null)
        {
            location.Pipelines.Add(pipeline);
        }
        state.Locations.Add(location);
    }

    /// <summary>The transfer source (with the dashboard's sample transfer) and the working directories.</summary>
    private static void AddDisk(StorageState state)
    {
        var disk = state.Disk;
        foreach (var location in state.Locations.Where(l => l.Enabled))
        {
            disk.AddDirectory(location.FullPath);
        }
        var sample = "/home/" + ReferenceData.TransferSourcePath;
        disk.AddFile(sample + "/README.txt", PackageDocuments.Utf8("Sample transfer used by the conformance suite.\n"));
        disk.AddFile(sample + "/objects/document-01.txt", PackageDocuments.Utf8("First sample document.\n"));
        disk.AddFile(sample + "/objects/document-02.txt", PackageDocuments.Utf8("Second sample document.\n"));
        disk.AddFile(sample + "/objects/data.csv", PackageDocuments.Utf8("id,value\n1,alpha\n2,beta\n"));
        disk.AddFile(sample + "/metadata/metadata.csv", PackageDocuments.Utf8("filename,dc.title\nobjects/document-01.txt,First document\n"));
        disk.AddFile("/home/sample-transfers/images/image-01.jpg", [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46, 0x00, 0xFF, 0xD9]);
        disk.AddFile("/home/sample-transfers/images/.hidden-thumbs.db", [0x00]);
        disk.AddDirectory("/home/sample-transfers/empty-directory");
        AddUserData(disk);
        disk.AddDirectory("/var/archivematica/sharedDirectory/watchedDirectories/activeTransfers/standardTransfer");
        disk.AddDirectory("/var/archivematica/sharedDirectory/currentlyProcessing");
        disk.AddDirectory("/var/archivematica/sharedDirectory/tmp");
    }

    /// <summary>
    /// Data nobody may change: a user's nested folders in the sample transfer, a user's private file in
    /// the transfer-source location, and files outside every location (/etc/passwd, beside /home) that
    /// only an unchecked path (../.., an absolute path) reaches. A run that leaves the disk's listing
    /// (<see cref="Hosting.ReferenceServerHost.DiskListing"/>) unchanged here harmed nothing.
    /// </summary>
    private static void AddUserData(VirtualFileSystem disk)
    {
        string[] contents =
        [
            "Dear Mayor, the bridge is closed again.\n",
            "The bridge will reopen in spring.\n",
            "1921: letter-to-the-mayor.txt, reply.txt\n",
            "Private notes of the archivist: not part of any transfer.\n",
            "A file beside the sample transfer.\n",
            "root:x:0:0:root:/root:/bin/bash\narchivematica:x:333:333::/var/lib/archivematica:/bin/false\n",
            "SS_DB_PASSWORD=reference-server-fake\n",
            // "/home-archive" starts with "/home" but lies outside the location: a prefix check is not a path check.
            "Beside the transfer-source location, outside it.\n",
        ];
        foreach (var (path, content) in ReferenceData.ProtectedFiles.Zip(contents, (path, content) => (path, content)))
        {
            disk.AddFile(path, PackageDocuments.Utf8(content));
        }
    }

    private static void AddPackages(StorageState state)
    {
        var factory = new PackageFactory(state);
        DateTime At(int hours) => Epoch.AddHours(hours);
        string Id(string name) => SeedIds.For("package:" + name);
        const string Up = PackageStatus.Uploaded;

        var aip01 = factory.Aip(Id("aip-01"), "conformance-aip-01", compressed: false, Up, At(1));
        aip01.MiscAttributes["reingest_pipeline"] = null;
        var aip02 = factory.Aip(Id("aip-02"), "conformance-aip-02", compressed: true, Up, At(2));
        factory.Dip(Id("dip-01"), "conformance-aip-01", aip01, Up, At(3));
        factory.Transfer(Id("transfer-01"), "conformance-transfer-01", Up, At(4));
        var aip03 = factory.Aip(Id("aip-03"), "conformance-aip-03", compressed: true, Up, At(5));
        var aip04 = factory.Aip(Id("aip-04"), "conformance-aip-04", compressed: true, Up, At(6));
        factory.Dip(Id("dip-02"), "conformance-aip-02", aip02, Up, At(7));
        factory.Aip(Id("aip-05"), "conformance-aip-05", compressed: true, PackageStatus.Deleted, At(8));
        factory.Aip(Id("aip-06"), "conformance-aip-06", compressed: false, Up, At(9));
        factory.Transfer(Id("transfer-02"), "conformance-transfer-02", Up, At(10));
        var aip07 = factory.Aip(Id("aip-07"), "conformance-aip-07", compressed: true, PackageStatus.DeleteRequested, At(11));
        AddRequest(state, aip07, PackageEvent.Delete, "Duplicate of conformance-aip-03", Up);
        var aip08 = factory.Aip(Id("aip-08"), "conformance-aip-08", compressed: true, PackageStatus.RecoverRequested, At(12));
        AddRequest(state, aip08, PackageEvent.Recover, "Restore from recovery location", Up);
        factory.Aip(Id("aic-01"), "conformance-aic-01", compressed: true, Up, At(13), type: PackageTypes.Aic);
        var aip09 = factory.Aip(Id("aip-09"), "conformance-aip-09", compressed: true, Up, At(14));
        factory.Replica(Id("aip-09-replica"), aip09, At(15));
        factory.Dip(Id("dip-03"), "conformance-aip-03", aip03, Up, At(16));
        factory.Transfer(Id("transfer-03"), "conformance-transfer-03", Up, At(17));
        factory.Aip(Id("aip-10"), "conformance-aip-10", compressed: true, Up, At(18));
        var aip11 = factory.Aip(Id("aip-11"), "conformance-aip-11", compressed: true, PackageStatus.Deleted, At(19));
        factory.Dip(Id("dip-04"), "conformance-aip-11", aip11, PackageStatus.Deleted, At(20));
        factory.Transfer(Id("transfer-04"), "conformance-transfer-04", PackageStatus.Deleted, At(21));
        factory.Aip(Id("aip-12"), "conformance-aip-12", compressed: true, Up, At(22), location: SeedIds.SecondaryAipStorage);
        factory.Deposit(Id("deposit-01"), "conformance-deposit-01", At(23));
        factory.Aip(Id("aip-13"), "conformance-aip-13", compressed: true, Up, At(24));
        factory.Dip(Id("dip-05"), "conformance-aip-04", aip04, Up, At(25));

        // The AIPs of the dashboard's completed ingests (its seed): what the pipeline stored here.
        factory.Aip(Dashboard.State.SeedData.CompletedIngest1, "conformance-photos", compressed: true, Up, At(26));
        factory.Aip(Dashboard.State.SeedData.CompletedIngest2, "conformance-letters", compressed: true, Up, At(27));
        factory.Aip(Dashboard.State.SeedData.CompletedIngest3, "conformance-audio", compressed: true, Up, At(28));
    }

    private static void AddRequest(StorageState state, Package package, string type, string reason, string previousStatus) =>
        state.Events.Add(new PackageEvent
        {
            Id = state.NextEventId(), Package = package, EventType = type, EventReason = reason,
            Pipeline = state.Pipelines[0], UserId = "1", UserEmail = "archivist@example.org", StoreData = previousStatus,
        });

    private static void AddAsyncTasks(StorageState state)
    {
        // Task 1 failed (a move whose source is missing). Discovery reads the first task, and a real
        // instance's oldest tasks are as often failures; the error is "<class '...'>: message", as
        // Async.error pickles str(type(e)) + ": " + str(e).
        state.AsyncTasks.Add(new AsyncTask
        {
            Id = 1, Completed = true, WasError = true, CreatedTime = Epoch.AddDays(1),
            UpdatedTime = Epoch.AddDays(1).AddSeconds(2), CompletedTime = Epoch.AddDays(1).AddSeconds(2),
            Error = "<class 'locations.models.StorageException'>: Rsync failed with status 23: b'rsync: [sender] link_stat \"/home/sample-transfers/missing\" failed: No such file or directory (2)'",
        });
        // Task 2 stored a DIP through file/async/: its result is the package dict (with v2 URIs) over
        // the posted data, so the keys that are no resource field (agents, events, origin_*) stay in it.
        var stored = state.Packages.First(p => p.PackageType == PackageTypes.Dip);
        var result = Resources.Dehydrate.Package(stored, state, "v2");
        result["agents"] = new JsonArray();
        result["events"] = new JsonArray();
        result["origin_location"] = Resources.Dehydrate.Uri("v2", "location", state.Locations.First(l => l.Purpose == "CP").Uuid);
        result["origin_path"] = "watchedDirectories/uploadDIP/conformance-dip/";
        state.AsyncTasks.Add(new AsyncTask
        {
            Id = 2, Completed = true, CreatedTime = Epoch.AddDays(1).AddHours(1), UpdatedTime = Epoch.AddDays(1).AddHours(1).AddSeconds(4),
            CompletedTime = Epoch.AddDays(1).AddHours(1).AddSeconds(4), Result = result,
        });
        state.AsyncTasks.Add(new AsyncTask
        {
            Id = 3, Completed = false, CreatedTime = Epoch.AddDays(2), UpdatedTime = Epoch.AddDays(2).AddMinutes(5),
        });
        state.AsyncTasks.Add(new AsyncTask
        {
            Id = 4, Completed = true, CreatedTime = Epoch.AddDays(2).AddHours(2), UpdatedTime = Epoch.AddDays(2).AddHours(2).AddSeconds(1),
            CompletedTime = Epoch.AddDays(2).AddHours(2).AddSeconds(1), Result = "Package moved successfully",
        });
    }
}
