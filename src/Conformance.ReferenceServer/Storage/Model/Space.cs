using System.Text.Json.Nodes;

namespace Conformance.ReferenceServer.Storage.Model;

/// <summary>A storage space (protocol + base path) holding locations.</summary>
internal sealed class Space
{
    public required int Id { get; init; }

    public required string Uuid { get; set; }

    /// <summary>Protocol code, e.g. FS, NFS, FEDORA (see <see cref="SpaceProtocols"/>).</summary>
    public required string AccessProtocol { get; set; }

    public string Path { get; set; } = "";

    public string StagingPath { get; set; } = "";

    public long? Size { get; set; }

    public bool Verified { get; set; }

    public DateTime? LastVerified { get; set; }

    /// <summary>Primary key of the protocol-specific model row (leaked as "id" before SS 0.21).</summary>
    public int ProtocolRowId { get; set; }

    /// <summary>Values of the protocol-specific model fields, in the protocol's declared order.</summary>
    public JsonObject ProtocolFields { get; set; } = [];
}
