namespace Conformance.ReferenceServer.Storage.Model;

/// <summary>A location inside a space, with a purpose (AS, DS, TS, CP, BL, SS, AR, RP, SD).</summary>
internal sealed class Location
{
    public required int Id { get; init; }

    public required string Uuid { get; set; }

    public required Space Space { get; set; }

    public string RelativePath { get; set; } = "";

    public string Purpose { get; set; } = "";

    public string? Description { get; set; }

    public long? Quota { get; set; }

    /// <summary>Disabled locations are invisible to the API (Location.active).</summary>
    public bool Enabled { get; set; } = true;

    public List<Pipeline> Pipelines { get; } = [];

    /// <summary>os.path.normpath(os.path.join(space.path, relative_path)).</summary>
    public string FullPath => PosixPath.Normalize(PosixPath.Join(Space.Path, RelativePath));
}
