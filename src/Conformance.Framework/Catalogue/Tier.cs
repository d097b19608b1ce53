namespace Conformance.Framework.Catalogue;

/// <summary>What a request may do to the target's data; decides where a test may run.</summary>
public enum Tier
{
    ReadOnly,
    Mutating,
    Destructive,

    /// <summary>A request (often a GET) that writes or calls out to another system: check_fixity, send_callback.</summary>
    External,
}

public static class Tiers
{
    public static Tier Parse(string text) => text switch
    {
        "read-only" => Tier.ReadOnly,
        "mutating" => Tier.Mutating,
        "destructive" => Tier.Destructive,
        "external" => Tier.External,
        _ => throw new FormatException($"Unknown tier '{text}' (read-only, mutating, destructive or external)."),
    };

    public static string Name(this Tier tier) => tier switch
    {
        Tier.ReadOnly => "read-only",
        Tier.Mutating => "mutating",
        Tier.Destructive => "destructive",
        Tier.External => "external",
        _ => throw new ArgumentOutOfRangeException(nameof(tier)),
    };
}
