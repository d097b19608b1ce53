namespace Conformance.Framework.Catalogue;

/// <summary>What a response must look like. Every part that is set is checked; unset parts are not.</summary>
public sealed record Expectation
{
    /// <summary>Product versions this expectation applies to, keyed by service ("archivematica", "storage").</summary>
    public IReadOnlyDictionary<string, VersionRange> Versions { get; init; } = new Dictionary<string, VersionRange>();

    public int Status { get; init; }

    /// <summary>Expected Content-Type: media type and parameters, compared case-insensitively. Null: not checked.</summary>
    public string? ContentType { get; init; }

    /// <summary>json, xml, empty, text, binary or any.</summary>
    public string Body { get; init; } = "any";

    /// <summary>Schema path relative to schemas/, for JSON bodies.</summary>
    public string? Schema { get; init; }

    public string? ExactBody { get; init; }

    /// <summary>Header name → regex its value must match.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    public IReadOnlyList<string> AbsentHeaders { get; init; } = [];
}
