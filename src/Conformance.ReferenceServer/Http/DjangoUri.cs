using System.Globalization;
using System.Text;

namespace Conformance.ReferenceServer.Http;

/// <summary>
/// How Django (3.2, the Storage Service's) writes a request's own URL back out, as in
/// <c>request.get_full_path()</c> (CommonMiddleware's APPEND_SLASH redirect): the WSGI path is
/// percent-decoded, then re-quoted by <c>escape_uri_path</c>, which leaves out ";", "=" and "?" from
/// the safe characters, so a ';' the client sent bare comes back as %3B; the query string goes through
/// <c>iri_to_uri</c>, which keeps every reserved character and '%'. <c>iri_to_uri</c> is also what
/// HttpResponseRedirect applies to every Location (<see cref="ReplyWriter"/>), in both applications.
/// </summary>
internal static class DjangoUri
{
    /// <summary>django.utils.encoding.escape_uri_path's safe set (besides letters, digits and "_.-~").</summary>
    private const string PathSafe = "/:@&+$,-_.!~*'()";

    /// <summary>django.utils.encoding.iri_to_uri's safe set (besides letters, digits and "_.-~").</summary>
    private const string IriSafe = "/#%[]=:;$&()+,!?*@'~";

    /// <summary><c>escape_uri_path(request.path)</c> for a path as it came on the wire.</summary>
    public static string EscapeUriPath(string rawPath) => Quote(WsgiPath(rawPath), PathSafe);

    /// <summary><c>iri_to_uri(QUERY_STRING)</c>: the raw query, only unsafe characters quoted.</summary>
    public static string IriToUri(string rawQuery) => Quote(rawQuery, IriSafe);

    /// <summary>
    /// request.path: the server unquotes every %XX (gunicorn, %2F included), and Django decodes the
    /// bytes as UTF-8, re-quoting the bytes of a broken sequence (<c>repercent_broken_unicode</c>).
    /// </summary>
    private static string WsgiPath(string rawPath)
    {
        var bytes = new List<byte>();
        for (var i = 0; i < rawPath.Length; i++)
        {
            if (rawPath[i] == '%' && i + 2 < rawPath.Length && Uri.IsHexDigit(rawPath[i + 1]) && Uri.IsHexDigit(rawPath[i + 2]))
            {
                bytes.Add(Convert.ToByte(rawPath.Substring(i + 1, 2), 16));
                i += 2;
            }
            else
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(rawPath[i].ToString()));
            }
        }
        return RepercentBrokenUnicode(bytes.ToArray());
    }

    private static string RepercentBrokenUnicode(byte[] bytes)
    {
        var text = new StringBuilder();
        ReadOnlySpan<byte> rest = bytes;
        while (!rest.IsEmpty)
        {
            if (Rune.DecodeFromUtf8(rest, out var rune, out var consumed) == System.Buffers.OperationStatus.Done)
            {
                text.Append(rune.ToString());
            }
            else
            {
                foreach (var b in rest[..consumed])
                {
                    text.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
                }
            }
            rest = rest[consumed..];
        }
        return text.ToString();
    }

    /// <summary>urllib.parse.quote: letters, digits, "_.-~" and <paramref name="safe"/> stay; every other UTF-8 byte is %XX.</summary>
    private static string Quote(string text, string safe)
    {
        var builder = new StringBuilder();
        Span<byte> utf8 = stackalloc byte[4];
        foreach (var rune in text.EnumerateRunes())
        {
            if (rune.IsAscii && (char.IsAsciiLetterOrDigit((char)rune.Value) || "_.-~".Contains((char)rune.Value, StringComparison.Ordinal) || safe.Contains((char)rune.Value, StringComparison.Ordinal)))
            {
                builder.Append((char)rune.Value);
                continue;
            }
            foreach (var b in utf8[..rune.EncodeToUtf8(utf8)])
            {
                builder.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }
        return builder.ToString();
    }
}
