namespace Conformance.ReferenceServer.Storage.Seed;

/// <summary>
/// Creates packages the way Archivematica stores them: a BagIt AIP under its UUID quad path (a 7z
/// file plus pointer file when compressed, a directory otherwise), DIPs, backlog transfers and SWORD
/// deposits, with file rows for contents/ and file/metadata/. Callers hold the state lock.
/// </summary>
internal sealed class PackageFactory(StorageState state)
{
    private Pipeline OriginPipeline => state.Pipelines.First(p => p.Uuid == SeedIds.Pipeline);

    private Location At(string uuid) => state.Locations.First(l => l.Uuid == uuid);

    public Package Aip(string uuid, string name, bool compressed, string status, DateTime stored, string location = SeedIds.AipStorage, string type = PackageTypes.Aip)
    {
        var baseName = $"{name}-{uuid}";
        var objects = ObjectFiles(uuid, name);
        var payload = objects.ToDictionary(o => "objects/" + o.Name, o => o.Content, StringComparer.Ordinal);
        payload[$"METS.{uuid}.xml"] = PackageDocuments.Mets(uuid, baseName, objects.Select(o => (o.FileUuid, "objects/" + o.Name)), stored);
        var bag = PackageDocuments.Bag(payload, stored);
        var package = Add(uuid, type, status, At(location), SeedIds.QuadPath(uuid) + "/" + baseName + (compressed ? ".7z" : ""), stored);
        if (compressed)
        {
            foreach (var (path, content) in bag)
            {
                package.ArchiveMembers[baseName + "/" + path] = content;
            }
            var archive = PackageDocuments.FakeSevenZip(package.ArchiveMembers);
            package.Size = archive.LongLength;
            package.PointerFilePath = $"{At(SeedIds.StorageServiceInternal).FullPath}/{SeedIds.QuadPath(uuid)}/pointer.{uuid}.xml";
            if (status != PackageStatus.Deleted)
            {
                state.Disk.AddFile(package.FullPath, archive);
                state.Disk.AddFile(package.PointerFilePath, PackageDocuments.Pointer(uuid, package.FullPath, archive.LongLength, PackageDocuments.Sha256(archive), stored));
            }
        }
        else
        {
            package.Size = bag.Values.Sum(v => v.LongLength);
            if (status != PackageStatus.Deleted)
            {
                foreach (var (path, content) in bag)
                {
                    state.Disk.AddFile(package.FullPath + "/" + path, content);
                }
            }
        }
        foreach (var file in objects)
        {
            package.Files.Add(new FileRecord
            {
                SourceId = file.FileUuid,
                Name = "objects/" + file.Name,
                SourcePackage = uuid,
                Checksum = PackageDocuments.Sha256(file.Content),
                AccessionId = "",
                Origin = OriginPipeline.Uuid,
            });
        }
        return package;
    }

    public Package Dip(string uuid, string name, Package aip, string status, DateTime stored)
    {
        var baseName = $"{name}-{uuid}";
        var package = Add(uuid, PackageTypes.Dip, status, At(SeedIds.DipStorage), SeedIds.QuadPath(uuid) + "/" + baseName, stored);
        var contents = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var file in aip.Files)
        {
            var access = PackageDocuments.Utf8($"Access copy of {file.Name} ({file.SourceId}).\n");
            contents[$"objects/{file.SourceId}-{Path.GetFileName(file.Name)}"] = access;
            contents[$"thumbnails/{file.SourceId}.jpg"] = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46, 0x00, 0xFF, 0xD9];
        }
        contents[$"METS.{aip.Uuid}.xml"] = PackageDocuments.Mets(aip.Uuid, baseName, aip.Files.Select(f => (f.SourceId ?? "", f.Name)), stored);
        package.Size = contents.Values.Sum(v => v.LongLength);
        if (status != PackageStatus.Deleted)
        {
            foreach (var (path, content) in contents)
            {
                state.Disk.AddFile(package.FullPath + "/" + path, content);
            }
        }
        Relate(package, aip);
        return package;
    }

    public Package Transfer(string uuid, string name, string status, DateTime stored)
    {
        var baseName = $"{name}-{uuid}";
        var objects = ObjectFiles(uuid, name);
        var payload = objects.ToDictionary(o => "objects/" + o.Name, o => o.Content, StringComparer.Ordinal);
        payload["logs/arrange.log"] = PackageDocuments.Utf8("");
        payload[$"METS.{uuid}.xml"] = PackageDocuments.Mets(uuid, baseName, objects.Select(o => (o.FileUuid, "objects/" + o.Name)), stored);
        var bag = PackageDocuments.Bag(payload, stored);
        var package = Add(uuid, PackageTypes.Transfer, status, At(SeedIds.Backlog), "originals/" + baseName, stored);
        package.Size = bag.Values.Sum(v => v.LongLength);
        if (status != PackageStatus.Deleted)
        {
            foreach (var (path, content) in bag)
            {
                state.Disk.AddFile(package.FullPath + "/" + path, content);
            }
        }
        IndexTransferFiles(package);
        return package;
    }

    /// <summary>Package.index_file_data_from_transfer_mets: one file row per object in the transfer.</summary>
    public int IndexTransferFiles(Package transfer)
    {
        transfer.Files.Clear();
        var name = PosixPath.BaseName(transfer.CurrentPath).Replace("-" + transfer.Uuid, "", StringComparison.Ordinal);
        foreach (var file in ObjectFiles(transfer.Uuid, name))
        {
            transfer.Files.Add(new FileRecord
            {
                SourceId = file.FileUuid,
                Name = "objects/" + file.Name,
                SourcePackage = transfer.Uuid,
                Checksum = PackageDocuments.Sha256(file.Content),
                AccessionId = "conformance-accession",
                Origin = OriginPipeline.Uuid,
            });
        }
        return transfer.Files.Count;
    }

    /// <summary>A deposit as the API registers one (as the suite's runs do): without a description, which from 0.21 breaks the collection feed.</summary>
    public Package Deposit(string uuid, string name, DateTime created)
    {
        var package = Add(uuid, PackageTypes.Deposit, PackageStatus.Pending, At(SeedIds.SwordDeposit), name, null);
        state.Disk.AddFile(package.FullPath + "/deposit-item-01.jpg", [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46, 0x00, 0xFF, 0xD9]);
        state.Disk.AddFile(package.FullPath + "/mets.xml", PackageDocuments.Mets(uuid, name, [], created));
        package.Size = state.Disk.TotalSize(package.FullPath);
        return package;
    }

    /// <summary>A replica of an AIP in the replicator location (same content, own UUID).</summary>
    public Package Replica(string uuid, Package original, DateTime stored)
    {
        var replica = Add(uuid, original.PackageType, PackageStatus.Uploaded, At(SeedIds.Replicator),
            SeedIds.QuadPath(uuid) + "/" + PosixPath.BaseName(original.CurrentPath), stored);
        replica.Size = original.Size;
        foreach (var (path, content) in original.ArchiveMembers)
        {
            replica.ArchiveMembers[path] = content;
        }
        if (state.Disk.ReadFile(original.FullPath) is { } archive)
        {
            state.Disk.AddFile(replica.FullPath, archive);
        }
        replica.ReplicatedPackage = original;
        original.Replicas.Add(replica);
        return replica;
    }

    public static void Relate(Package a, Package b)
    {
        a.RelatedPackages.Add(b);
        b.RelatedPackages.Add(a);
    }

    private Package Add(string uuid, string type, string status, Location location, string currentPath, DateTime? stored)
    {
        var package = new Package
        {
            Id = state.NextId(),
            Uuid = uuid,
            PackageType = type,
            Status = status,
            CurrentLocation = location,
            CurrentPath = currentPath,
            OriginPipeline = OriginPipeline,
            StoredDate = stored,
        };
        state.Packages.Add(package);
        return package;
    }

    private static List<(string FileUuid, string Name, byte[] Content)> ObjectFiles(string packageUuid, string name) =>
    [
        (SeedIds.For(packageUuid + ":report"), "report.txt", PackageDocuments.Utf8($"Report for {name}.\nThis file is part of the conformance sample data.\n")),
        (SeedIds.For(packageUuid + ":data"), "data.csv", PackageDocuments.Utf8("id,title,date\n1,First item,2020-01-01\n2,Second item,2021-06-30\n")),
        (SeedIds.For(packageUuid + ":notes"), "notes/field-notes.txt", PackageDocuments.Utf8("Field notes, page 1.\n")),
    ];
}
