using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace Conformance.ReferenceServer.Dashboard.Http;

/// <summary>
/// Django's <c>request.POST</c> for an urlencoded body (<c>QueryDict.__init__</c> on Python 3.9.2+):
/// the body is UTF-8, or Latin-1 when it is not; <c>parse_qsl</c> splits on "&amp;" only, keeps blank
/// values, turns "+" into a space and decodes escapes as UTF-8 with <c>errors='replace'</c>. Unlike
/// ASP.NET's form reader it keeps "%00": a NUL reaches the view, as it does in Django.
/// </summary>
internal static class DjangoUrlencodedForm
{
    public static IFormCollection Parse(byte[] body)
    {
        string text;
        try
        {
            text = new UTF8Encoding(false, true).GetString(body);
        }
        catch (DecoderFallbackException)
        {
            text = Encoding.Latin1.GetString(body);
        }

        var fields = new Dictionary<string, StringValues>(StringComparer.Ordinal);
        foreach (var pair in text.Split('&'))
        {
            if (pair.Length == 0)
            {
                continue;
            }
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = Unquote(equals >= 0 ? pair[..equals] : pair);
            var value = equals >= 0 ? Unquote(pair[(equals + 1)..]) : "";
            fields[name] = fields.TryGetValue(name, out var values) ? StringValues.Concat(values, value) : new StringValues(value);
        }
        return new FormCollection(fields);
    }

    /// <summary><c>urllib.parse.unquote(text.replace('+', ' '), errors='replace')</c>.</summary>
    private static string Unquote(string text)
    {
        var builder = new StringBuilder();
        var bytes = new List<byte>();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '%' && i + 2 < text.Length && Uri.IsHexDigit(text[i + 1]) && Uri.IsHexDigit(text[i + 2]))
            {
                bytes.Add(Convert.ToByte(text.Substring(i + 1, 2), 16));
                i += 2;
                continue;
            }
            Flush(builder, bytes);
            builder.Append(text[i] == '+' ? ' ' : text[i]);
        }
        Flush(builder, bytes);
        return builder.ToString();
    }

    /// <summary>A run of escaped bytes decodes as UTF-8, each invalid sequence becoming U+FFFD.</summary>
    private static void Flush(StringBuilder builder, List<byte> bytes)
    {
        if (bytes.Count > 0)
        {
            builder.Append(Encoding.UTF8.GetString([.. bytes]));
            bytes.Clear();
        }
    }
}
