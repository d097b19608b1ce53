namespace Conformance.Framework.Catalogue;

/// <summary>What a request may do to the target's data; decides where a test may run.</summary>
public enum Tier
{
    ReadOnly,
    Mutating,
    Destructive,
}

public static class Tiers
{
    public static Tier Parse(string text) => text switch
    {
        "read-only" => Tier.ReadOnly,
        "mutating" => Tier.Mutating,
        "destructive" => Tier.Destructive,
        _ => throw new FormatException($"Unknown tier '{text}' (read-only, mutating or destructive)."),
    };

    public static string Name(this Tier tier) => tier switch
    {
        Tier.ReadOnly => "read-only",
        Tier.Mutating => "mutating",
        Tier.Destructive => "destructive",
        _ => throw new ArgumentOutOfRangeException(nameof(tier)),
    };
}
