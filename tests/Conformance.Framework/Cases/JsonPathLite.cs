using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Conformance.Framework.Cases;

/// <summary>Reads "results[0]", "objects[0].uuid", "[0].tasks[0].uuid" out of a JSON document.</summary>
public static partial class JsonPathLite
{
    public static JsonNode? Select(JsonNode? node, string path)
    {
        foreach (Match step in Step().Matches(path))
        {
            node = step.Groups["name"].Success
                ? (node as JsonObject)?[step.Groups["name"].Value]
                : node is JsonArray array && int.Parse(step.Groups["index"].Value, System.Globalization.CultureInfo.InvariantCulture) is var i && i < array.Count ? array[i] : null;
            if (node is null)
            {
                return null;
            }
        }

        return node;
    }

    [GeneratedRegex(@"(?<name>[A-Za-z_][\w-]*)|\[(?<index>\d+)\]")]
    private static partial Regex Step();
}
