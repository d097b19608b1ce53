using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.Json;
using System.Text;
using System.Xml;

namespace Conformance.ReferenceServer.Storage.Tastypie;

/// <summary>
/// tastypie Serializer.to_xml: &lt;response&gt; for a dict root (&lt;object&gt; for a resource object),
/// child elements sorted by tag, type="list|hash|integer|boolean|null" attributes, list items as
/// &lt;object&gt;/&lt;value&gt;, Python-style True/False text.
/// </summary>
internal static class TastypieXml
{
    public static byte[] Serialize(JsonNode? data, bool rootIsResourceObject)
    {
        using var stream = new MemoryStream();
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), OmitXmlDeclaration = true };
        stream.Write("<?xml version='1.0' encoding='utf-8'?>\n"u8);
        using (var writer = XmlWriter.Create(stream, settings))
        {
            var rootName = data is JsonObject ? (rootIsResourceObject ? "object" : "response") : (data is JsonArray ? "objects" : "value");
            WriteElement(writer, rootName, data, depth: 0, isBundle: rootIsResourceObject, typed: false);
        }
        return stream.ToArray();
    }

    private static void WriteElement(XmlWriter writer, string name, JsonNode? node, int depth, bool isBundle, bool typed)
    {
        writer.WriteStartElement(SafeName(name));
        switch (node)
        {
            case JsonObject obj:
                if (depth > 0 && !isBundle)
                {
                    writer.WriteAttributeString("type", "hash");
                }
                foreach (var (key, value) in obj.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    // Resource objects listed under "objects" are bundles: no type attribute.
                    WriteArrayOrValue(writer, key, value, depth + 1, childBundles: key == "objects" && depth == 0);
                }
                break;
            case JsonArray array:
                if (typed)
                {
                    writer.WriteAttributeString("type", "list");
                }
                foreach (var item in array)
                {
                    WriteElement(writer, item is JsonObject ? "object" : "value", item, depth + 1, isBundle, typed: true);
                }
                break;
            default:
                WriteScalar(writer, node as JsonValue);
                break;
        }
        writer.WriteEndElement();
    }

    private static void WriteArrayOrValue(XmlWriter writer, string name, JsonNode? value, int depth, bool childBundles)
    {
        if (value is JsonArray array)
        {
            writer.WriteStartElement(SafeName(name));
            writer.WriteAttributeString("type", "list");
            foreach (var item in array)
            {
                WriteElement(writer, item is JsonObject ? "object" : "value", item, depth + 1, isBundle: childBundles, typed: true);
            }
            writer.WriteEndElement();
            return;
        }
        WriteElement(writer, name, value, depth, isBundle: false, typed: true);
    }

    private static void WriteScalar(XmlWriter writer, JsonValue? value)
    {
        switch (value?.GetValueKind() ?? JsonValueKind.Null)
        {
            case JsonValueKind.Null:
                writer.WriteAttributeString("type", "null");
                break;
            case JsonValueKind.True:
            case JsonValueKind.False:
                writer.WriteAttributeString("type", "boolean");
                writer.WriteString(value!.GetValueKind() == JsonValueKind.True ? "True" : "False");
                break;
            case JsonValueKind.Number:
                var integer = PythonJson.TryGetInteger(value!, out var number);
                writer.WriteAttributeString("type", integer ? "integer" : "float");
                writer.WriteString(integer ? number.ToString(CultureInfo.InvariantCulture) : value!.ToJsonString());
                break;
            default:
                writer.WriteString(value!.GetValue<string>());
                break;
        }
    }

    private static string SafeName(string name) => XmlConvert.EncodeLocalName(name.Length == 0 ? "_" : name);
}
