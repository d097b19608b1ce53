using System.Globalization;
using System.Numerics;

namespace Conformance.ReferenceServer.Storage.Tastypie;

/// <summary>Python int(str): surrounding whitespace, optional sign, digits with single "_" separators.</summary>
internal static class PythonInt
{
    public static bool TryParse(string? text, out BigInteger value)
    {
        value = BigInteger.Zero;
        if (text is null)
        {
            return false;
        }
        var trimmed = text.Trim();
        var sign = 1;
        if (trimmed.StartsWith('+') || trimmed.StartsWith('-'))
        {
            sign = trimmed[0] == '-' ? -1 : 1;
            trimmed = trimmed[1..];
        }
        if (trimmed.Length == 0 || trimmed.StartsWith('_') || trimmed.EndsWith('_') || trimmed.Contains("__", StringComparison.Ordinal)
            || !trimmed.All(c => char.IsAsciiDigit(c) || c == '_'))
        {
            return false;
        }
        value = sign * BigInteger.Parse(trimmed.Replace("_", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);
        return true;
    }

    public static bool TryParseInt32(string? text, out int value)
    {
        value = 0;
        if (!TryParse(text, out var big) || big < int.MinValue || big > int.MaxValue)
        {
            return false;
        }
        value = (int)big;
        return true;
    }
}
