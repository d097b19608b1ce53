namespace Conformance.Framework.Schemas;

/// <summary>One schema violation: what kind, where in the body (JSON path), and the schema's words for it.</summary>
public sealed record SchemaError(string Kind, string Path, string Detail)
{
    public override string ToString() => $"{Kind} at {Path}{(Detail.Length > 0 ? $" ({Detail})" : "")}";
}
