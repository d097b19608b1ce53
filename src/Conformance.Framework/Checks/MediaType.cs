namespace Conformance.Framework.Checks;

/// <summary>A Content-Type split into media type and parameters, compared case-insensitively and order-free.</summary>
public sealed record MediaType(string Type, IReadOnlyDictionary<string, string> Parameters)
{
    public static MediaType Parse(string text)
    {
        var parts = text.Split(';').Select(p => p.Trim()).Where(p => p.Length > 0).ToList();
        var parameters = parts.Skip(1)
            .Select(p => p.Split('=', 2))
            .ToDictionary(p => p[0].Trim().ToLowerInvariant(), p => p.Length > 1 ? p[1].Trim().Trim('"') : string.Empty);
        return new MediaType(parts.FirstOrDefault()?.ToLowerInvariant() ?? string.Empty, parameters);
    }

    public bool SameAs(MediaType other) =>
        Type == other.Type
        && Parameters.Count == other.Parameters.Count
        && Parameters.All(p => other.Parameters.TryGetValue(p.Key, out var v) && string.Equals(v, p.Value, StringComparison.OrdinalIgnoreCase));
}
