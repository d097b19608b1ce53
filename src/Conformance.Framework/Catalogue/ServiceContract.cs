namespace Conformance.Framework.Catalogue;

/// <summary>What holds for every endpoint of one service: its auth failure, success headers and 405.</summary>
public sealed record ServiceContract
{
    public required Expectation AuthFailure { get; init; }

    /// <summary>Header name → regex, carried by every authenticated success.</summary>
    public IReadOnlyDictionary<string, string> SuccessHeaders { get; init; } = new Dictionary<string, string>();

    public required Expectation MethodNotAllowed { get; init; }

    /// <summary>How the Allow header joins methods: ", " (Django) or "," (tastypie).</summary>
    public string AllowSeparator { get; init; } = ", ";

    /// <summary>True when the 405 body lists the allowed methods (tastypie).</summary>
    public bool MethodNotAllowedBodyListsMethods { get; init; }
}
