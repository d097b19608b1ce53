using System.Text;

namespace Conformance.ReferenceServer.Storage.Http;

/// <summary>
/// Django QueryDict semantics: ordered (key, value) pairs, blank values kept, "+" is a space,
/// <c>get</c> returns the last value, and <c>urlencode</c> groups values by key in first-seen order.
/// </summary>
internal sealed class QueryDict
{
    private readonly List<KeyValuePair<string, string>> _pairs;

    private QueryDict(List<KeyValuePair<string, string>> pairs) => _pairs = pairs;

    public static QueryDict Empty { get; } = new([]);

    public IReadOnlyList<KeyValuePair<string, string>> Pairs => _pairs;

    /// <summary>A query string (a leading "?" dropped).</summary>
    public static QueryDict Parse(string raw) => ParseUrlencoded(raw.TrimStart('?'));

    /// <summary><c>parse_qsl</c> of urlencoded text as it is (a form body): split on "&amp;", "+" is a space, escapes decode as UTF-8 (invalid bytes U+FFFD).</summary>
    public static QueryDict ParseUrlencoded(string text)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        foreach (var item in text.Split('&'))
        {
            if (item.Length == 0)
            {
                continue;
            }
            var equals = item.IndexOf('=', StringComparison.Ordinal);
            var key = equals >= 0 ? item[..equals] : item;
            var value = equals >= 0 ? item[(equals + 1)..] : "";
            pairs.Add(new(Decode(key), Decode(value)));
        }
        return new(pairs);
    }

    public static QueryDict FromPairs(IEnumerable<KeyValuePair<string, string>> pairs) => new(pairs.ToList());

    public bool Contains(string key) => _pairs.Any(p => p.Key == key);

    /// <summary>QueryDict.get: the last value for the key, or null.</summary>
    public string? Get(string key)
    {
        string? found = null;
        foreach (var pair in _pairs)
        {
            if (pair.Key == key)
            {
                found = pair.Value;
            }
        }
        return found;
    }

    public IReadOnlyList<string> GetList(string key) => _pairs.Where(p => p.Key == key).Select(p => p.Value).ToList();

    /// <summary>Distinct keys in first-seen order (QueryDict.items() yields each key once, with its last value).</summary>
    public IEnumerable<string> Keys => _pairs.Select(p => p.Key).Distinct(StringComparer.Ordinal);

    /// <summary>Copy without <paramref name="removed"/> keys, with <paramref name="appended"/> pairs at the end.</summary>
    public QueryDict With(IEnumerable<string> removed, params KeyValuePair<string, string>[] appended)
    {
        var drop = removed.ToHashSet(StringComparer.Ordinal);
        return new(_pairs.Where(p => !drop.Contains(p.Key)).Concat(appended).ToList());
    }

    /// <summary>QueryDict.urlencode(): values grouped per key in first-seen key order, quote_plus encoding.</summary>
    public string UrlEncode()
    {
        var parts = new List<string>();
        foreach (var key in Keys)
        {
            parts.AddRange(GetList(key).Select(value => QuotePlus(key) + "=" + QuotePlus(value)));
        }
        return string.Join('&', parts);
    }

    /// <summary>Python urllib.parse.quote_plus: unreserved characters stay, space becomes "+".</summary>
    public static string QuotePlus(string text)
    {
        var builder = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-' or '~')
            {
                builder.Append(c);
            }
            else if (c == ' ')
            {
                builder.Append('+');
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }
        return builder.ToString();
    }

    private static string Decode(string text)
    {
        var bytes = new List<byte>();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '+')
            {
                bytes.Add((byte)' ');
            }
            else if (c == '%' && i + 2 < text.Length && Uri.IsHexDigit(text[i + 1]) && Uri.IsHexDigit(text[i + 2]))
            {
                bytes.Add(Convert.ToByte(text.Substring(i + 1, 2), 16));
                i += 2;
            }
            else
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(c.ToString()));
            }
        }
        return Encoding.UTF8.GetString(bytes.ToArray());
    }
}
