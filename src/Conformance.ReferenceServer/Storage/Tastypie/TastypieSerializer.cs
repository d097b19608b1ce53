using System.Text.Json.Nodes;
using System.Text;
using System.Text.Unicode;

namespace Conformance.ReferenceServer.Storage.Tastypie;

/// <summary>tastypie Serializer: serialise a data model to json / xml / yaml and deserialise request bodies.</summary>
internal static class TastypieSerializer
{
    public static byte[] Serialize(JsonNode? data, string format, bool rootIsResourceObject) => format switch
    {
        TastypieFormats.Xml => TastypieXml.Serialize(data, rootIsResourceObject),
        TastypieFormats.Yaml => Encoding.UTF8.GetBytes(TastypieYaml.Serialize(data)),
        _ => Encoding.UTF8.GetBytes(PythonJson.Serialize(data, sortKeys: true, ensureAscii: false)),
    };

    /// <summary>
    /// Serializer.deserialize with the request's Content-Type (absent = application/json). JSON only:
    /// an unknown type raises UnsupportedDeserializationFormat (415); a body that is not UTF-8 fails force_str
    /// outside from_json's error handling (the canned 500); broken JSON raises BadRequest with no message.
    /// </summary>
    public static JsonNode? Deserialize(StorageRequest request)
    {
        var mediaType = (request.ContentType ?? TastypieFormats.Json).Split(';')[0].Trim();
        if (mediaType != TastypieFormats.Json)
        {
            throw new UnsupportedDeserializationException($"The format indicated '{mediaType}' had no available deserialization method.");
        }
        if (!Utf8.IsValid(request.Body))
        {
            throw new DjangoUnicodeDecodeException("'utf-8' codec can't decode the request body");
        }
        if (!PythonJson.TryParse(request.Body, out var node))
        {
            throw new TastypieBadRequestException("");
        }
        return node;
    }
}
