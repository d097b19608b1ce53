namespace Conformance.ReferenceServer.Dashboard.Endpoints;

/// <summary>
/// The transfer-source location the emulated pipeline copies from (the Storage Service's
/// <see cref="ReferenceData.TransferSourceLocationUuid"/>): path checks, and the copies themselves on
/// the disk both halves share (none when the dashboard runs without its Storage Service).
/// </summary>
internal static class TransferSource
{
    /// <summary>
    /// The error <c>_copy_from_transfer_sources</c> reports for "location:path", or null. Under
    /// <see cref="Fault.AcceptsPathsOutsideLocations"/> only the location is checked, as the real one does.
    /// </summary>
    public static string? Check(string locationAndPath, DashboardRequest request)
    {
        var colon = locationAndPath.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return "Path" + locationAndPath + "cannot be split into location:path"; // sic: no spaces
        }
        var location = locationAndPath[..colon];
        return location != ReferenceData.TransferSourceLocationUuid
            ? $"Location {location} is not associated with this pipeline"
            : PathProblem(locationAndPath[(colon + 1)..], request);
    }

    /// <summary>
    /// What the Storage Service's copy would fail on: a path that leaves the location (absolute, or
    /// more ".." than depth), a NUL byte, or nothing there. Reference-server decision (README): checked
    /// before anything is copied, reported the contract's way (500 JSON for start_transfer and
    /// copy_metadata_files, "Package cannot be created" for v2beta/package). Nothing is checked under
    /// <see cref="Fault.AcceptsPathsOutsideLocations"/>: the copy then finds out.
    /// </summary>
    public static string? PathProblem(string path, DashboardRequest request)
    {
        if (request.Options.Faults.IsActive(Fault.AcceptsPathsOutsideLocations, request.EndpointId))
        {
            return null;
        }
        if (path.StartsWith('/') || path.Contains('\0', StringComparison.Ordinal) || Escapes(path))
        {
            return $"Unable to copy {path}: not a path inside the transfer source location";
        }
        return request.State.Files is { } files && !files.TransferSourceHas(path) ? $"Unable to copy {path}: no such file or directory in the transfer source location" : null;
    }

    /// <summary>
    /// start_transfer, v2beta/package: copies a transfer-source path into the shared tmp directory as
    /// <paramref name="copyName"/>, then moves that copy to the watched directory as <paramref name="directory"/>.
    /// Returns the copy's error, or null.
    /// </summary>
    public static string? CopyIntoWatchedDirectory(DashboardRequest request, string sourcePath, string copyName, string watchedDirectory, string directory) =>
        request.State.Files?.CopyIntoTransfer(sourcePath, copyName,
            Workflow.Expand($"{Workflow.ActiveTransfers}{watchedDirectory}/{directory}"), LosesSource(request));

    /// <summary>copy_metadata_files: copies a transfer-source path into the SIP's metadata directory. Returns the copy's error, or null.</summary>
    public static string? CopyIntoMetadata(DashboardRequest request, string sourcePath, Unit sip) =>
        request.State.Files?.CopyInto(sourcePath, PosixPath.Join(Workflow.Expand(sip.CurrentPath), "metadata"), LosesSource(request));

    /// <summary>A name that cannot be one directory: empty after trimming, ".", "..", or with a slash or NUL.</summary>
    public static bool IsBadDirectoryName(string name) =>
        name.Trim() is "." or ".." || name.Contains('/', StringComparison.Ordinal) || name.Contains('\0', StringComparison.Ordinal);

    private static bool LosesSource(DashboardRequest request) => request.Options.Faults.IsActive(Fault.StoreMovesSource, request.EndpointId);

    /// <summary>True when ".." segments climb above the start of a relative path.</summary>
    private static bool Escapes(string path)
    {
        var depth = 0;
        foreach (var segment in path.Split('/'))
        {
            depth += segment switch { ".." => -1, "" or "." => 0, _ => 1 };
            if (depth < 0)
            {
                return true;
            }
        }
        return false;
    }
}
