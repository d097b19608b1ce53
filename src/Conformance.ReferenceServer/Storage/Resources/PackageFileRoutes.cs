using System.Text.Json.Nodes;

namespace Conformance.ReferenceServer.Storage.Resources;

/// <summary>Package custom routes that read stored bytes: download/, extract_file/, pointer_file/, check_fixity/, compress/, send_callback/post_store/.</summary>
internal static class PackageFileRoutes
{
    private static Reply Custom(ApiContext ctx, Func<Package, Reply> handler) =>
        TastypieViews.Custom(ctx, ctx.State.Packages, p => p.Uuid, [], (package, _) => handler(package));

    /// <summary>A compressed package is a single file on disk (is_compressed = os.path.isfile(full_path)).</summary>
    private static bool IsCompressed(ApiContext ctx, Package package) => ctx.State.Disk.ReadFile(package.FullPath) is not null;

    /// <summary>
    /// download/: the file, or an on-the-fly tar of a directory. download/&lt;chunk&gt;/ outside LOCKSS
    /// skips the tar: get_download_path returns the package path as it is, and streaming a directory
    /// is IsADirectoryError, the canned 500 (a known deviation).
    /// </summary>
    public static Reply Download(ApiContext ctx) => Custom(ctx, package =>
        ctx.State.Disk.IsDirectory(package.FullPath) && ctx.Group("chunk").Length == 0
            ? FileDownloads.TarOf(ctx.State.Disk, package.FullPath)
            : FileDownloads.FromDisk(ctx.State.Disk, package.FullPath));

    /// <summary>extract_file/?relative_path_to_file=: one file from the package (the base directory prefix is optional when uncompressed).</summary>
    public static Reply ExtractFile(ApiContext ctx) => Custom(ctx, package =>
    {
        var relative = ctx.Request.Query.Get("relative_path_to_file");
        if (string.IsNullOrEmpty(relative))
        {
            return Reply.Text(400, "All of these fields must be provided: relative_path_to_file");
        }
        relative = Uri.UnescapeDataString(relative);
        if (!IsCompressed(ctx, package))
        {
            var baseName = PosixPath.BaseName(package.FullPath) + "/";
            if (relative.StartsWith(baseName, StringComparison.Ordinal))
            {
                relative = relative[baseName.Length..];
            }
            var path = PosixPath.Join(package.FullPath, relative);
            // Reference-server decision: only files of the package (the real service serves whatever
            // the joined path names, as under Fault.AcceptsPathsOutsideLocations).
            var inside = PosixPath.IsInside(package.FullPath, path) || !StoragePaths.Validates(ctx, "ss.file.extract_file");
            return inside && ctx.State.Disk.Exists(path)
                ? FileDownloads.FromDisk(ctx.State.Disk, path)
                : Reply.Text(404, $"Requested file, {relative}, not found in AIP");
        }
        if (!PackageTypes.CanExtract.Contains(package.PackageType))
        {
            return Reply.Text(501, $"Unable to extract package of type: {package.PackageType}");
        }
        if (relative.Contains('\0', StringComparison.Ordinal))
        {
            // The path goes onto the 7z command line unchecked: subprocess refuses a NUL (known deviation).
            throw new ArgumentException("embedded null byte");
        }
        return package.ArchiveMembers.TryGetValue(relative, out var member)
            ? FileDownloads.Stream(PosixPath.BaseName(relative), member)
            : Reply.Text(404, "File not found");
    });

    public static Reply PointerFile(ApiContext ctx) => Custom(ctx, package =>
        package.PointerFilePath is null
            ? Reply.Text(404, $"Resource with UUID {package.Uuid} does not have a pointer file")
            : FileDownloads.FromDisk(ctx.State.Disk, package.PointerFilePath));

    /// <summary>check_fixity/: always 200; "success" is null when the check cannot run (not a bag).</summary>
    public static Reply CheckFixity(ApiContext ctx) => Custom(ctx, package =>
    {
        JsonNode? success = true;
        var message = "";
        if (!PackageTypes.CanExtract.Contains(package.PackageType))
        {
            success = null;
            message = "Unable to scan; package is not a bag (AIP or AIC)";
        }
        else if (!ctx.State.Disk.Exists(package.FullPath))
        {
            throw new IOException($"Expected bagit.txt does not exist: {package.FullPath}/bagit.txt");
        }
        var report = new JsonObject
        {
            ["success"] = success,
            ["message"] = message,
            ["failures"] = new JsonObject
            {
                ["files"] = new JsonObject { ["missing"] = new JsonArray(), ["changed"] = new JsonArray(), ["untracked"] = new JsonArray() },
            },
            ["timestamp"] = null,
        };
        return Reply.StdJson(200, report);
    });

    /// <summary>compress/ (PUT): an unimplemented stub whose body is literally "response" (a dict iterated as content).</summary>
    public static Reply Compress(ApiContext ctx) => Custom(ctx, _ =>
        new Reply { Status = 200, ContentType = "application/json", Bytes = "response"u8.ToArray() });

    /// <summary>send_callback/post_store/: no post-store callbacks are configured, so 204.</summary>
    public static Reply PostStoreCallback(ApiContext ctx) => Custom(ctx, _ => Reply.NoContent());
}
