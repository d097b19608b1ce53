using System.Formats.Tar;
using System.Globalization;

namespace Conformance.ReferenceServer.Storage.Resources;

/// <summary>utils.download_file_stream: the bytes with a type guessed from the extension, Content-Disposition and Content-Length.</summary>
internal static class FileDownloads
{
    // Python mimetypes with the Debian /etc/mime.types the SS image reads.
    private static readonly Dictionary<string, string> Types = new(StringComparer.OrdinalIgnoreCase)
    {
        [".7z"] = "application/x-7z-compressed",
        [".bz2"] = "application/x-bzip2",
        [".csv"] = "text/csv",
        [".gz"] = "application/gzip",
        [".htm"] = "text/html",
        [".html"] = "text/html",
        [".jpeg"] = "image/jpeg",
        [".jpg"] = "image/jpeg",
        [".json"] = "application/json",
        [".pdf"] = "application/pdf",
        [".png"] = "image/png",
        [".tar"] = "application/x-tar",
        [".tif"] = "image/tiff",
        [".tiff"] = "image/tiff",
        [".txt"] = "text/plain",
        [".xml"] = "application/xml",
        [".zip"] = "application/zip",
    };

    public static Reply Stream(string fileName, byte[] content) =>
        new Reply
        {
            Status = 200,
            ContentType = Types.TryGetValue(PosixPath.Extension(fileName), out var type) ? type : "application/octet-stream",
            Bytes = content,
        }
        .WithHeader("Content-Disposition", $"attachment; filename=\"{fileName}\"")
        .WithHeader("Content-Length", content.Length.ToString(CultureInfo.InvariantCulture));

    /// <summary>A file on the emulated disk, or the plain-text 404 "File not found" (a directory cannot be opened: 500).</summary>
    public static Reply FromDisk(VirtualFileSystem disk, string path)
    {
        if (!disk.Exists(path))
        {
            return Reply.Text(404, "File not found");
        }
        var content = disk.ReadFile(path) ?? throw new IOException($"[Errno 21] Is a directory: '{path}'");
        return Stream(PosixPath.BaseName(path), content);
    }

    /// <summary>compress_package(COMPRESSION_TAR): a tar of the directory, named &lt;basename&gt;.tar.</summary>
    public static Reply TarOf(VirtualFileSystem disk, string directory)
    {
        var name = PosixPath.BaseName(directory);
        using var buffer = new MemoryStream();
        using (var writer = new TarWriter(buffer, TarEntryFormat.Ustar, leaveOpen: true))
        {
            var modified = new DateTimeOffset(2024, 3, 4, 9, 15, 0, TimeSpan.Zero);
            writer.WriteEntry(new UstarTarEntry(TarEntryType.Directory, name + "/") { ModificationTime = modified });
            foreach (var (relative, isDirectory) in disk.EntriesUnder(directory))
            {
                var entry = new UstarTarEntry(isDirectory ? TarEntryType.Directory : TarEntryType.RegularFile, $"{name}/{relative}{(isDirectory ? "/" : "")}")
                {
                    ModificationTime = modified,
                };
                if (!isDirectory)
                {
                    entry.DataStream = new MemoryStream(disk.ReadFile(PosixPath.Join(directory, relative))!);
                }
                writer.WriteEntry(entry);
            }
        }
        return Stream(name + ".tar", buffer.ToArray());
    }
}
