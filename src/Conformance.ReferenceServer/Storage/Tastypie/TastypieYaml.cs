using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.Json;
using System.Text;

namespace Conformance.ReferenceServer.Storage.Tastypie;

/// <summary>tastypie Serializer.to_yaml (PyYAML dump): block style, sorted keys, quoted strings where needed.</summary>
internal static class TastypieYaml
{
    public static string Serialize(JsonNode? data)
    {
        var builder = new StringBuilder();
        switch (data)
        {
            case JsonObject obj when obj.Count > 0:
                WriteMapping(builder, obj, 0);
                break;
            case JsonArray array when array.Count > 0:
                WriteSequence(builder, array, 0);
                break;
            default:
                builder.Append(Scalar(data)).Append('\n');
                break;
        }
        return builder.ToString();
    }

    private static void WriteMapping(StringBuilder builder, JsonObject obj, int indent)
    {
        foreach (var (key, value) in obj.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            builder.Append(' ', indent).Append(Scalar(JsonValue.Create(key))).Append(':');
            WriteNested(builder, value, indent + 2, sequenceIndent: indent);
        }
    }

    private static void WriteSequence(StringBuilder builder, JsonArray array, int indent)
    {
        foreach (var item in array)
        {
            builder.Append(' ', indent).Append('-');
            if (item is JsonObject obj && obj.Count > 0)
            {
                // PyYAML puts the first key on the dash line.
                var inner = new StringBuilder();
                WriteMapping(inner, obj, indent + 2);
                builder.Append(' ').Append(inner.ToString()[(indent + 2)..]);
            }
            else
            {
                WriteNested(builder, item, indent + 2, sequenceIndent: indent + 2);
            }
        }
    }

    private static void WriteNested(StringBuilder builder, JsonNode? value, int indent, int sequenceIndent)
    {
        switch (value)
        {
            case JsonObject obj when obj.Count > 0:
                builder.Append('\n');
                WriteMapping(builder, obj, indent);
                break;
            case JsonArray array when array.Count > 0:
                builder.Append('\n');
                WriteSequence(builder, array, sequenceIndent);
                break;
            default:
                builder.Append(' ').Append(Scalar(value)).Append('\n');
                break;
        }
    }

    private static string Scalar(JsonNode? node)
    {
        switch (node)
        {
            case null:
                return "null";
            case JsonObject:
                return "{}";
            case JsonArray:
                return "[]";
        }
        var value = (JsonValue)node;
        switch (value.GetValueKind())
        {
            case JsonValueKind.True:
                return "true";
            case JsonValueKind.False:
                return "false";
            case JsonValueKind.Number:
                return PythonJson.TryGetInteger(value, out var n) ? n.ToString(CultureInfo.InvariantCulture) : value.ToJsonString();
            case JsonValueKind.String:
                return QuoteIfNeeded(value.GetValue<string>());
            default:
                return "null";
        }
    }

    // PyYAML's implicit timestamp resolver: such strings are quoted so they stay strings.
    private static readonly System.Text.RegularExpressions.Regex Timestamp = new(
        @"^\d{4}-\d{1,2}-\d{1,2}([Tt ]\d{1,2}:\d{2}:\d{2}(\.\d*)?)?", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1));

    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "", "~", "null", "true", "false", "yes", "no", "on", "off", "y", "n",
    };

    private static string QuoteIfNeeded(string text)
    {
        var needsQuotes = Reserved.Contains(text)
            || double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _)
            || Timestamp.IsMatch(text)
            || text.Any(c => c < 0x20 || c == 0x7f)
            || "-?:,[]{}#&*!|>'\"%@`".Contains(text[0], StringComparison.Ordinal)
            || text.Contains(": ", StringComparison.Ordinal) || text.Contains(" #", StringComparison.Ordinal)
            || text.StartsWith(' ') || text.EndsWith(' ') || text.EndsWith(':');
        return needsQuotes ? "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'" : text;
    }
}
