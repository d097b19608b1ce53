namespace Conformance.ReferenceServer.Storage;

/// <summary>
/// The Storage Service's disk as the dashboard's pipeline acts on it: the real dashboard asks its
/// Storage Service to copy from a transfer source into the currently-processing location (the shared
/// directory) and then moves that copy itself. Every operation holds <see cref="StorageState"/>'s lock
/// (the dashboard calls in while holding its own, never the other way round).
/// </summary>
internal sealed class PipelineFiles(StorageState storage)
{
    /// <summary>Whether a path relative to the transfer-source location exists.</summary>
    public bool TransferSourceHas(string relativePath) => storage.TransferSourceHas(relativePath);

    /// <summary>
    /// start_transfer and v2beta/package: copies <paramref name="sourcePath"/> (relative to the transfer
    /// source, joined the os.path.join way) to <c>&lt;shared&gt;/tmp/&lt;new uuid&gt;/&lt;name&gt;</c>, then moves
    /// that copy (never the source) to <paramref name="destination"/>, an absolute path in the shared
    /// directory. Returns the copy's error, or null.
    /// </summary>
    public string? CopyIntoTransfer(string sourcePath, string name, string destination, bool loseSource)
    {
        lock (storage.Gate)
        {
            var shared = SharedDirectory();
            var scratch = PosixPath.Join(shared, "tmp", Guid.NewGuid().ToString());
            if (Copy(sourcePath, PosixPath.Join(scratch, name), loseSource) is { } error)
            {
                return error;
            }
            storage.Disk.Move(PosixPath.Join(scratch, name), destination);
            storage.Disk.Delete(scratch);
            return null;
        }
    }

    /// <summary>copy_metadata_files: copies a transfer-source path into <paramref name="directory"/> (absolute), keeping its name.</summary>
    public string? CopyInto(string sourcePath, string directory, bool loseSource)
    {
        lock (storage.Gate)
        {
            return Copy(sourcePath, PosixPath.Join(directory, PosixPath.BaseName(PosixPath.Normalize(sourcePath))), loseSource);
        }
    }

    /// <summary>Whether <c>&lt;shared&gt;/tmp/&lt;name&gt;</c> exists (where the Storage Service, or a move_files copy, put an AIP to reingest).</summary>
    public bool TmpHas(string name)
    {
        lock (storage.Gate)
        {
            return InTmp(name) is { } path && storage.Disk.Exists(path);
        }
    }

    /// <summary>
    /// The reingest views: moves <c>&lt;shared&gt;/tmp/&lt;name&gt;</c> to <paramref name="destination"/>, an
    /// absolute path in the shared directory; when it ends in '/', into it, keeping the folder's name
    /// (shutil.move into a directory).
    /// </summary>
    public void MoveFromTmp(string name, string destination)
    {
        lock (storage.Gate)
        {
            if (InTmp(name) is { } source && storage.Disk.Exists(source))
            {
                storage.Disk.Move(source, destination.EndsWith('/') ? PosixPath.Join(destination, PosixPath.BaseName(source)) : destination);
            }
        }
    }

    /// <summary>&lt;shared&gt;/tmp/&lt;name&gt;, or null when the name leaves tmp.</summary>
    private string? InTmp(string name)
    {
        var tmp = PosixPath.Join(SharedDirectory(), "tmp");
        var path = PosixPath.Normalize(PosixPath.Join(tmp, name));
        return PosixPath.IsInside(tmp, path) && path != PosixPath.Normalize(tmp) ? path : null;
    }

    /// <summary>The currently-processing location's path: /var/archivematica/sharedDirectory in the seed.</summary>
    private string SharedDirectory() =>
        (storage.DefaultLocation("CP") ?? throw new InvalidOperationException("No currently-processing location")).FullPath;

    private string? Copy(string sourcePath, string target, bool loseSource)
    {
        var transferSource = storage.Locations.First(l => l.Uuid == ReferenceData.TransferSourceLocationUuid);
        var source = PosixPath.Normalize(PosixPath.Join(transferSource.FullPath, sourcePath));
        if (!storage.Disk.Exists(source))
        {
            return $"Unable to copy {sourcePath}: rsync: link_stat \"{source}\" failed: No such file or directory (2)";
        }
        storage.Disk.Copy(source, target);
        if (loseSource)
        {
            storage.Disk.Delete(source);
        }
        return null;
    }
}
