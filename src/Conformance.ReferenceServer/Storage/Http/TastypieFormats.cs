namespace Conformance.ReferenceServer.Storage.Http;

/// <summary>The serializer formats the Storage Service has (json, xml, yaml; no jsonp/plist).</summary>
internal static class TastypieFormats
{
    public const string Json = "application/json";
    public const string Xml = "application/xml";
    public const string Yaml = "text/yaml";

    public static readonly IReadOnlyDictionary<string, string> ByName = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["json"] = Json,
        ["xml"] = Xml,
        ["yaml"] = Yaml,
    };

    /// <summary>tastypie build_content_type: JSON has no charset, the others get "; charset=utf-8".</summary>
    public static string ContentType(string format) => format == Json ? Json : format + "; charset=utf-8";
}
