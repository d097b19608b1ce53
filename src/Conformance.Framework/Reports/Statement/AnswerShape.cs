using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Conformance.Framework.Reports.Statement;

/// <summary>
/// What a comparison of two runs needs of an answer, and nothing that could carry a secret or
/// change from run to run: the media type, and the body's shape (its JSON structure, every value
/// reduced to its type) as a short hash. UUIDs, dates, paths, hosts and counts are values, so they
/// vanish; so do keys that are values (an object keyed by UUIDs or paths); a list's elements merge
/// into one shape, so its length does not count, and a list of plain values is alike whether empty
/// or not. What still shows: a field added, removed or of another type, a list of objects that was
/// empty and is not, a field that was null and is not.
/// </summary>
public static partial class AnswerShape
{
    /// <summary>"empty", "text", "html", "json-object:&lt;12 hex&gt;" (or json-array, json-string, ...), or null when no answer came.</summary>
    public static string? Of(Exchange? exchange)
    {
        if (exchange is null || exchange.TransportError is not null)
        {
            return null;
        }

        var body = exchange.Body;
        if (string.IsNullOrWhiteSpace(body))
        {
            return "empty";
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            return $"json-{root.ValueKind.ToString().ToLowerInvariant()}:{Hash(Shape(root))}";
        }
        catch (JsonException)
        {
            return MediaTypeOf(exchange.ContentType)?.Contains("html", StringComparison.Ordinal) == true ? "html" : "text";
        }
    }

    /// <summary>The media type, lower case, with its charset if any; other parameters (a multipart boundary) change per answer and are left out.</summary>
    public static string? MediaTypeOf(string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType))
        {
            return null;
        }

        var media = MediaType.Parse(contentType);
        return media.Parameters.TryGetValue("charset", out var charset) ? $"{media.Type}; charset={charset.ToLowerInvariant()}" : media.Type;
    }

    /// <summary>The canonical shape: "{key:shape,...}" with keys in ordinal order, "[shapes of the elements, merged]" ("[*]": empty or plain values), s, n, b, null.</summary>
    public static string Shape(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "{" + string.Join(",", element.EnumerateObject()
            .GroupBy(p => KeyOf(p.Name), StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Key + ":" + Merge(g.Select(p => Shape(p.Value))))) + "}",
        // A list of values (UUIDs, names) and an empty list are alike: how many there are is a count.
        JsonValueKind.Array => element.EnumerateArray().Any(e => e.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
            ? "[" + Merge(element.EnumerateArray().Select(Shape)) + "]"
            : "[*]",
        JsonValueKind.String => "s",
        JsonValueKind.Number => "n",
        JsonValueKind.True or JsonValueKind.False => "b",
        _ => "null",
    };

    // The elements of a list (or the values under masked keys) as one shape; null gives way to a real type.
    private static string Merge(IEnumerable<string> shapes)
    {
        var distinct = shapes.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (distinct.Count > 1)
        {
            distinct.Remove("null");
        }

        return string.Join("|", distinct);
    }

    // A key that is a value (a UUID, a number, a path, a host, a date) says nothing about the shape.
    private static string KeyOf(string key) => FieldName().IsMatch(key) && !Uuid().IsMatch(key) ? key : "<value>";

    private static string Hash(string shape) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(shape)))[..12].ToLowerInvariant();

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_-]{0,63}$")]
    private static partial Regex FieldName();

    [GeneratedRegex("^[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}$")]
    private static partial Regex Uuid();
}
