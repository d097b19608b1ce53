using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Conformance.ReferenceServer.Python;

/// <summary>
/// Python json.dumps output, byte for byte: ", " and ": " separators; tastypie (Storage Service)
/// sorts keys and keeps UTF-8 (ensure_ascii=False); hand-written views, and the whole dashboard
/// (helpers.json_response), keep insertion order and escape non-ASCII as \uXXXX.
/// </summary>
internal static class PythonJson
{
    public static string Serialize(JsonNode? node, bool sortKeys, bool ensureAscii)
    {
        var builder = new StringBuilder();
        Write(builder, node, sortKeys, ensureAscii);
        return builder.ToString();
    }

    /// <summary>json.loads: null when the text is not JSON (Python's ValueError).</summary>
    public static bool TryParse(byte[] body, out JsonNode? node)
    {
        node = null;
        try
        {
            var text = new UTF8Encoding(false, true).GetString(body);
            using var document = JsonDocument.Parse(text, new JsonDocumentOptions { AllowTrailingCommas = false });
            node = LastWins(document.RootElement);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>A JSON tree as Python's json.loads builds it: a repeated key keeps its last value.</summary>
    private static JsonNode? LastWins(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var obj = new JsonObject();
                foreach (var property in element.EnumerateObject())
                {
                    obj[property.Name] = LastWins(property.Value);
                }
                return obj;
            case JsonValueKind.Array:
                return new JsonArray([.. element.EnumerateArray().Select(LastWins)]);
            case JsonValueKind.Null:
                return null;
            default:
                return JsonValue.Create(element.Clone());
        }
    }

    /// <summary>Python str() of a decoded JSON value (None for null), as Django would coerce it for a lookup.</summary>
    public static string? ToPythonString(JsonNode? node) => node switch
    {
        null => null,
        JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
        JsonValue value when value.GetValueKind() == JsonValueKind.True => "True",
        JsonValue value when value.GetValueKind() == JsonValueKind.False => "False",
        _ => node.ToJsonString(),
    };

    public static JsonValueKind Kind(JsonNode? node) => node?.GetValueKind() ?? JsonValueKind.Null;

    private static void Write(StringBuilder builder, JsonNode? node, bool sortKeys, bool ensureAscii)
    {
        switch (node)
        {
            case null:
                builder.Append("null");
                break;
            case JsonObject obj:
                builder.Append('{');
                var first = true;
                IEnumerable<KeyValuePair<string, JsonNode?>> properties = sortKeys ? obj.OrderBy(p => p.Key, StringComparer.Ordinal) : obj;
                foreach (var (key, value) in properties)
                {
                    if (!first)
                    {
                        builder.Append(", ");
                    }
                    first = false;
                    WriteString(builder, key, ensureAscii);
                    builder.Append(": ");
                    Write(builder, value, sortKeys, ensureAscii);
                }
                builder.Append('}');
                break;
            case JsonArray array:
                builder.Append('[');
                for (var i = 0; i < array.Count; i++)
                {
                    if (i > 0)
                    {
                        builder.Append(", ");
                    }
                    Write(builder, array[i], sortKeys, ensureAscii);
                }
                builder.Append(']');
                break;
            case JsonValue value:
                WriteValue(builder, value, ensureAscii);
                break;
        }
    }

    private static void WriteValue(StringBuilder builder, JsonValue value, bool ensureAscii)
    {
        switch (value.GetValueKind())
        {
            case JsonValueKind.String:
                WriteString(builder, value.GetValue<string>(), ensureAscii);
                break;
            case JsonValueKind.True:
                builder.Append("true");
                break;
            case JsonValueKind.False:
                builder.Append("false");
                break;
            case JsonValueKind.Number:
                builder.Append(NumberText(value));
                break;
            default:
                builder.Append("null");
                break;
        }
    }

    /// <summary>An integral JSON number, whatever CLR type backs the node (int, long, or a parsed element).</summary>
    public static bool TryGetInteger(JsonValue value, out long integer)
    {
        integer = 0;
        return value.GetValueKind() == JsonValueKind.Number
            && long.TryParse(value.ToJsonString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out integer);
    }

    private static string NumberText(JsonValue value)
    {
        if (TryGetInteger(value, out var integer))
        {
            return integer.ToString(CultureInfo.InvariantCulture);
        }
        if (value.TryGetValue<double>(out var real))
        {
            var text = real.ToString("R", CultureInfo.InvariantCulture);
            return text.Contains('.', StringComparison.Ordinal) || text.Contains('E', StringComparison.Ordinal) ? text : text + ".0";
        }
        return value.ToJsonString();
    }

    private static void WriteString(StringBuilder builder, string text, bool ensureAscii)
    {
        builder.Append('"');
        foreach (var c in text)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case '\b': builder.Append("\\b"); break;
                case '\f': builder.Append("\\f"); break;
                default:
                    if (c < 0x20 || (ensureAscii && c > 0x7e))
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }
                    break;
            }
        }
        builder.Append('"');
    }
}
