namespace Conformance.ReferenceServer.Storage.Resources;

/// <summary>
/// Where a path sent to the Storage Service lands, and which of the file-system faults is on for the
/// endpoint that resolves it (<see cref="Fault.AcceptsPathsOutsideLocations"/>, <see cref="Fault.StoreMovesSource"/>).
/// </summary>
internal static class StoragePaths
{
    /// <summary>
    /// os.path.join(location path, path), normalised as the kernel resolves it: an absolute path replaces
    /// the location's, ".." climbs out of it, "%2F" is three literal characters (nothing decodes it).
    /// </summary>
    public static string Resolve(Location location, string path) => PosixPath.Normalize(PosixPath.Join(location.FullPath, path));

    /// <summary>
    /// Whether extract_file keeps to its package: true by default (a reference-server decision, see the
    /// Dashboard README); false under <see cref="Fault.AcceptsPathsOutsideLocations"/>. Registration and the
    /// file moves check nothing, as the real service (known deviations, fixtures/known-deviations/storage-paths.json).
    /// </summary>
    public static bool Validates(ApiContext ctx, string endpointId) => !ctx.State.Faults.IsActive(Fault.AcceptsPathsOutsideLocations, endpointId);

    /// <summary>Under <see cref="Fault.StoreMovesSource"/> a copy deletes its source.</summary>
    public static bool CopiesLoseSource(ApiContext ctx, string endpointId) => ctx.State.Faults.IsActive(Fault.StoreMovesSource, endpointId);

    /// <summary>The error the real service's copy or rename raises for a source that is not there.</summary>
    public static IOException Missing(string path) => new($"[Errno 2] No such file or directory: '{path}'");
}
