namespace Conformance.Framework.Requests;

/// <summary>A fully expanded request, before credentials are applied. Immutable.</summary>
public sealed record RequestPlan
{
    public required string Method { get; init; }

    /// <summary>Path from the service root, e.g. "/api/transfer/completed" (already expanded, already escaped).</summary>
    public required string Path { get; init; }

    public IReadOnlyList<KeyValuePair<string, string>> Query { get; init; } = [];

    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];

    /// <summary>Urlencoded form fields; sent as the body when present.</summary>
    public IReadOnlyList<KeyValuePair<string, string>>? Form { get; init; }

    /// <summary>A raw body (JSON or other) with <see cref="ContentType"/>.</summary>
    public string? Body { get; init; }

    public string? ContentType { get; init; }

    /// <summary>A body sent byte for byte (e.g. invalid UTF-8), with <see cref="ContentType"/>; wins over <see cref="Form"/> and <see cref="Body"/>.</summary>
    public byte[]? RawBody { get; init; }

    /// <summary>The values taken from the target by discovery, with where each came from.</summary>
    public IReadOnlyList<DiscoveredValue> Discovered { get; init; } = [];

    /// <summary>True when <see cref="Query"/> values are already percent-encoded and go on the wire as they are (e.g. %FF).</summary>
    public bool QueryIsEncoded { get; init; }
}
