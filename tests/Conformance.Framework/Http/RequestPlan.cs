namespace Conformance.Framework.Http;

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
}
