namespace Conformance.ReferenceServer.Hosting;

/// <summary>
/// One entry of the reference server's emulated disk (<see cref="ReferenceServerHost.DiskListing"/>):
/// its absolute path, the SHA-256 of its content (lower-case hex; "" for a directory) and whether it
/// is a directory. Records compare by value, so two listings can be compared entry by entry.
/// </summary>
public sealed record DiskEntry(string Path, string Sha256, bool IsDirectory)
{
    public override string ToString() => IsDirectory ? Path + "/" : $"{Path} sha256:{Sha256}";
}
