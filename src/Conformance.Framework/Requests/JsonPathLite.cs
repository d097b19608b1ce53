using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Conformance.Framework.Requests;

/// <summary>
/// Reads "results[0]", "objects[0].uuid", "[0].tasks[0].uuid" out of a JSON document; "[?field]"
/// picks the first array item whose field is set (not null, false, empty text or an empty array), "[?field~=regex]"
/// the first whose field matches, e.g. "objects[?current_path~=\.7z$].uuid".
/// </summary>
public static partial class JsonPathLite
{
    public static JsonNode? Select(JsonNode? node, string path)
    {
        foreach (Match step in Step().Matches(path))
        {
            node = step.Groups["filter"].Success
                ? (node as JsonArray)?.FirstOrDefault(item => Matches((item as JsonObject)?[step.Groups["filter"].Value], step.Groups["regex"]))
                : step.Groups["name"].Success
                ? (node as JsonObject)?[step.Groups["name"].Value]
                : node is JsonArray array && int.Parse(step.Groups["index"].Value, System.Globalization.CultureInfo.InvariantCulture) is var i && i < array.Count ? array[i] : null;
            if (node is null)
            {
                return null;
            }
        }

        return node;
    }

    private static bool Matches(JsonNode? value, Group regex) => regex.Success
        ? value is JsonValue v && v.TryGetValue<string>(out var text) && Regex.IsMatch(text, regex.Value)
        : IsSet(value);

    private static bool IsSet(JsonNode? value) => value switch
    {
        null => false,
        JsonValue v when v.TryGetValue<bool>(out var flag) => flag,
        JsonValue v when v.TryGetValue<string>(out var text) => text.Length > 0,
        JsonArray items => items.Count > 0,
        _ => true,
    };

    [GeneratedRegex(@"\[\?(?<filter>[A-Za-z_][\w-]*)(~=(?<regex>[^\]]+))?\]|(?<name>[A-Za-z_][\w-]*)|\[(?<index>\d+)\]")]
    private static partial Regex Step();
}
