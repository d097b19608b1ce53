namespace Conformance.ReferenceServer.Storage.Model;

/// <summary>An Archivematica pipeline registered in the Storage Service.</summary>
internal sealed class Pipeline
{
    public required int Id { get; init; }

    public required string Uuid { get; set; }

    public string? Description { get; set; }

    public string? RemoteName { get; set; }

    public string ApiUsername { get; set; } = "";

    public string ApiKey { get; set; } = "";

    /// <summary>Disabled pipelines are invisible to the API (Pipeline.active).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Django's __str__, used in reingest messages.</summary>
    public override string ToString() => $"{Description} ({Uuid})";
}
