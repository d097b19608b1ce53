namespace Conformance.ReferenceServer.Dashboard.Endpoints;

/// <summary>Python string idioms the views rely on.</summary>
internal static class PythonStrings
{
    /// <summary><c>s.replace(old, new, 1)</c>: the first occurrence, wherever it is.</summary>
    public static string ReplaceFirst(this string text, string old, string replacement)
    {
        if (old.Length == 0)
        {
            return replacement + text;
        }
        var index = text.IndexOf(old, StringComparison.Ordinal);
        return index < 0 ? text : string.Concat(text.AsSpan(0, index), replacement, text.AsSpan(index + old.Length));
    }

    /// <summary><c>os.path.join(path, "")</c>: ensures one trailing slash.</summary>
    public static string WithTrailingSlash(this string path) => path.EndsWith('/') ? path : path + "/";

    /// <summary>Whether Python's <c>uuid.UUID(value)</c> accepts a UUID_REGEX-shaped value (only hex does).</summary>
    public static bool IsHexUuid(string value) => Guid.TryParseExact(value, "D", out _);
}
