using System.Text.RegularExpressions;

namespace Conformance.Framework.Checks;

/// <summary>SLASH-01: a route that requires a trailing slash redirects (301) the slash-less path to the slash URL.</summary>
public static class SlashRedirects
{
    // Django and tastypie redirect to the same path with the slash (absolute or relative, under any mount prefix).
    public static Expectation Expected(string pathWithoutSlash) => new()
    {
        Status = 301,
        Headers = new Dictionary<string, string> { ["Location"] = $"{Regex.Escape(pathWithoutSlash + "/").Replace(";", "(;|%3B)", StringComparison.Ordinal)}(\\?.*)?$" },
    };
}
