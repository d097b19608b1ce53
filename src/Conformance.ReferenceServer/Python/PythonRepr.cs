using System.Globalization;
using System.Text;

namespace Conformance.ReferenceServer.Python;

/// <summary>
/// Python 3's repr() of a str and of a list of str, character for character (Objects/unicodeobject.c
/// unicode_repr): single quotes unless the text holds a ' and no ", then double quotes; \\, the quote,
/// \t \n \r escaped; other ASCII controls as \xNN; non-ASCII kept unless str.isprintable() says
/// no, then \xNN, \uNNNN or \UNNNNNNNN. Servers show it when they str() a list of messages.
/// </summary>
internal static class PythonRepr
{
    /// <summary>repr(list_of_str): "['a', 'b']".</summary>
    public static string OfList(IEnumerable<string> items) => "[" + string.Join(", ", items.Select(OfString)) + "]";

    public static string OfString(string text)
    {
        var quote = text.Contains('\'', StringComparison.Ordinal) && !text.Contains('"', StringComparison.Ordinal) ? '"' : '\'';
        var builder = new StringBuilder().Append(quote);
        for (var i = 0; i < text.Length; i++)
        {
            // A surrogate pair is one code point; a lone surrogate is its own (unprintable) one.
            int codePoint = text[i];
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                codePoint = char.ConvertToUtf32(text[i], text[i + 1]);
                i++;
            }
            Append(builder, codePoint, quote);
        }
        return builder.Append(quote).ToString();
    }

    private static void Append(StringBuilder builder, int codePoint, char quote)
    {
        switch (codePoint)
        {
            case '\\': builder.Append(@"\\"); return;
            case '\t': builder.Append(@"\t"); return;
            case '\n': builder.Append(@"\n"); return;
            case '\r': builder.Append(@"\r"); return;
        }
        if (codePoint == quote)
        {
            builder.Append('\\').Append(quote);
        }
        else if (codePoint < 0x20 || codePoint == 0x7f)
        {
            builder.Append(@"\x").Append(Hex(codePoint, 2));
        }
        else if (codePoint < 0x7f || IsPrintable(codePoint))
        {
            builder.Append(char.ConvertFromUtf32(codePoint)); // never a surrogate: those are unprintable
        }
        else
        {
            builder.Append(codePoint switch
            {
                <= 0xff => @"\x" + Hex(codePoint, 2),
                <= 0xffff => @"\u" + Hex(codePoint, 4),
                _ => @"\U" + Hex(codePoint, 8),
            });
        }
    }

    /// <summary>str.isprintable() of one code point: not "Other" (Cc, Cf, Cs, Co, Cn) nor a separator other than the space.</summary>
    public static bool IsPrintable(int codePoint)
    {
        if (codePoint == ' ')
        {
            return true;
        }
        var category = codePoint is >= 0xd800 and <= 0xdfff
            ? UnicodeCategory.Surrogate
            : CharUnicodeInfo.GetUnicodeCategory(codePoint);
        return category is not (UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate
            or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned
            or UnicodeCategory.SpaceSeparator or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator);
    }

    private static string Hex(int value, int digits) => value.ToString("x" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}
