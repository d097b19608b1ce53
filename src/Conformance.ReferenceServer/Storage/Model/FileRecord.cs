namespace Conformance.ReferenceServer.Storage.Model;

/// <summary>A locations.File row: metadata about one file of a package (contents/, file/metadata/).</summary>
internal sealed class FileRecord
{
    public string? SourceId { get; init; }

    public string Name { get; init; } = "";

    public string? SourcePackage { get; init; }

    public string? Checksum { get; init; }

    public string? AccessionId { get; init; }

    public string? Origin { get; init; }
}
