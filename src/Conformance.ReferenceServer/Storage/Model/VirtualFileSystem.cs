namespace Conformance.ReferenceServer.Storage.Model;

/// <summary>
/// The emulated disk of one reference server, shared by both halves: browse, download, extract_file,
/// file moves and package storage (Storage Service) and the transfer copies of the dashboard's
/// pipeline. Absolute POSIX paths mapped to file contents (null = directory). Parent directories
/// exist implicitly. Not thread-safe: <see cref="StorageState"/>'s lock serialises access.
/// </summary>
internal sealed class VirtualFileSystem
{
    private readonly SortedDictionary<string, byte[]?> _entries = new(StringComparer.Ordinal);

    public void AddDirectory(string path)
    {
        var normal = PosixPath.Normalize(path);
        while (normal != "/" && normal.Length > 0 && !_entries.ContainsKey(normal))
        {
            _entries[normal] = null;
            normal = Parent(normal);
        }
    }

    public void AddFile(string path, byte[] content)
    {
        var normal = PosixPath.Normalize(path);
        AddDirectory(Parent(normal));
        _entries[normal] = content;
    }

    public bool Exists(string path)
    {
        var normal = PosixPath.Normalize(path);
        return normal == "/" || _entries.ContainsKey(normal);
    }

    public bool IsDirectory(string path)
    {
        var normal = PosixPath.Normalize(path);
        return normal == "/" || (_entries.TryGetValue(normal, out var content) && content is null);
    }

    public byte[]? ReadFile(string path) => _entries.TryGetValue(PosixPath.Normalize(path), out var content) ? content : null;

    /// <summary>Names of the direct children of a directory.</summary>
    public IEnumerable<string> Children(string directory)
    {
        var prefix = Prefix(directory);
        return _entries.Keys
            .Where(key => key.StartsWith(prefix, StringComparison.Ordinal) && key.Length > prefix.Length && key.IndexOf('/', prefix.Length) < 0)
            .Select(key => key[prefix.Length..]);
    }

    /// <summary>Files below a directory (recursively), as (path relative to it, content).</summary>
    public IEnumerable<(string RelativePath, byte[] Content)> FilesUnder(string directory)
    {
        var prefix = Prefix(directory);
        foreach (var (key, content) in _entries)
        {
            if (content is not null && key.StartsWith(prefix, StringComparison.Ordinal))
            {
                yield return (key[prefix.Length..], content);
            }
        }
    }

    /// <summary>Entries below a directory (recursively), directories included, as relative paths.</summary>
    public IEnumerable<(string RelativePath, bool IsDirectory)> EntriesUnder(string directory)
    {
        var prefix = Prefix(directory);
        return _entries
            .Where(entry => entry.Key.StartsWith(prefix, StringComparison.Ordinal))
            .Select(entry => (entry.Key[prefix.Length..], entry.Value is null))
            .ToList();
    }

    /// <summary>Copies a file or a directory tree (rsync-like: existing files are overwritten).</summary>
    public void Copy(string source, string destination)
    {
        var from = PosixPath.Normalize(source);
        var to = PosixPath.Normalize(destination);
        if (ReadFile(from) is { } file)
        {
            AddFile(to, file);
            return;
        }
        AddDirectory(to);
        foreach (var (relative, isDirectory) in EntriesUnder(from))
        {
            if (isDirectory)
            {
                AddDirectory(PosixPath.Join(to, relative));
            }
            else
            {
                AddFile(PosixPath.Join(to, relative), ReadFile(PosixPath.Join(from, relative))!);
            }
        }
    }

    /// <summary>
    /// Moves a file or directory tree (os.rename, then rsync and delete across devices: either way the
    /// source is gone). Moving a directory into itself fails as rename(2) does (EINVAL).
    /// </summary>
    public void Move(string source, string destination)
    {
        var from = PosixPath.Normalize(source);
        var to = PosixPath.Normalize(destination);
        if (from == to)
        {
            return;
        }
        if (PosixPath.IsInside(from, to))
        {
            throw new IOException($"[Errno 22] Invalid argument: '{from}' -> '{to}'");
        }
        Copy(from, to);
        Delete(from);
    }

    /// <summary>Every entry, sorted by path (ordinal): the whole tree, for before/after comparisons.</summary>
    public IReadOnlyList<(string Path, byte[]? Content)> All() => _entries.Select(entry => (entry.Key, entry.Value)).ToList();

    public void Delete(string path)
    {
        var normal = PosixPath.Normalize(path);
        var prefix = normal + "/";
        foreach (var key in _entries.Keys.Where(k => k == normal || k.StartsWith(prefix, StringComparison.Ordinal)).ToList())
        {
            _entries.Remove(key);
        }
    }

    /// <summary>os.path.getsize: a file's length; directories report 4096 like ext4.</summary>
    public long Size(string path) => ReadFile(path) is { } content ? content.LongLength : 4096;

    /// <summary>Sum of file sizes below a path (or the file's own size).</summary>
    public long TotalSize(string path) =>
        ReadFile(path) is { } content ? content.LongLength : FilesUnder(path).Sum(file => file.Content.LongLength);

    private static string Prefix(string directory)
    {
        var normal = PosixPath.Normalize(directory);
        return normal == "/" ? "/" : normal + "/";
    }

    private static string Parent(string normal)
    {
        var slash = normal.LastIndexOf('/');
        return slash <= 0 ? "/" : normal[..slash];
    }
}
