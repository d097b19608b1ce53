using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Conformance.ReferenceServer.Dashboard.Http;

/// <summary>
/// Serializes a JSON tree byte-for-byte like Python's <c>json.dumps</c> with default arguments,
/// which is what the dashboard uses (<c>helpers.json_response</c>): keys in insertion order,
/// separators <c>", "</c> and <c>": "</c>, everything outside printable ASCII escaped as lower-case
/// <c>\uXXXX</c> (UTF-16 code units, so astral characters become surrogate pairs).
/// </summary>
internal static class PythonJson
{
    public static string Serialize(JsonNode? node)
    {
        var builder = new StringBuilder();
        Write(builder, node);
        return builder.ToString();
    }

    private static void Write(StringBuilder builder, JsonNode? node)
    {
        switch (node)
        {
            case null:
                builder.Append("null");
                break;
            case JsonObject obj:
                builder.Append('{');
                var firstProperty = true;
                foreach (var (key, value) in obj)
                {
                    if (!firstProperty)
                    {
                        builder.Append(", ");
                    }
                    firstProperty = false;
                    WriteString(builder, key);
                    builder.Append(": ");
                    Write(builder, value);
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
                    Write(builder, array[i]);
                }
                builder.Append(']');
                break;
            case JsonValue value:
                WriteValue(builder, value);
                break;
            default:
                throw new ArgumentException($"Unsupported JSON node {node.GetType()}.", nameof(node));
        }
    }

    private static void WriteValue(StringBuilder builder, JsonValue value)
    {
        switch (value.GetValueKind())
        {
            case JsonValueKind.String:
                WriteString(builder, value.GetValue<string>());
                break;
            case JsonValueKind.True:
                builder.Append("true");
                break;
            case JsonValueKind.False:
                builder.Append("false");
                break;
            case JsonValueKind.Null:
                builder.Append("null");
                break;
            case JsonValueKind.Number:
                // Only integers occur in dashboard bodies; their invariant text equals Python's.
                builder.Append(value.ToJsonString());
                break;
            default:
                throw new ArgumentException($"Unsupported JSON value kind {value.GetValueKind()}.", nameof(value));
        }
    }

    private static void WriteString(StringBuilder builder, string text)
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
                    if (c is >= ' ' and <= '~')
                    {
                        builder.Append(c);
                    }
                    else
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    break;
            }
        }
        builder.Append('"');
    }
}
