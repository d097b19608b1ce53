using System.Collections.Immutable;
using System.Text;
using System.Text.Json.Nodes;

namespace Conformance.ReferenceServer.Http;

/// <summary>How a body is turned into bytes.</summary>
internal enum BodyStyle
{
    /// <summary>No body model: <see cref="Reply.Bytes"/> (possibly empty) is sent.</summary>
    Raw,

    /// <summary>tastypie's Serializer (Storage Service): negotiated format, sorted keys, UTF-8 unescaped.</summary>
    Tastypie,

    /// <summary>Python's json.dumps (the dashboard's views, the Storage Service's hand-written ones): insertion order, ASCII escapes.</summary>
    StdlibJson,
}

/// <summary>Who produced an answer, which decides the faults that may touch it.</summary>
internal enum ReplySource
{
    /// <summary>A view's answer, success or error (the dashboard's get the X-Archivematica-* headers).</summary>
    View,

    /// <summary>Django outside the view: URL resolution (404, APPEND_SLASH 301, login redirect), pages for exceptions that escape a view.</summary>
    Django,

    /// <summary>The failed authentication (dashboard 403 JSON, Storage Service 401 with WWW-Authenticate).</summary>
    AuthFailure,

    /// <summary>The method check's 405, before authentication.</summary>
    MethodNotAllowed,
}

/// <summary>
/// One emulated Django response, of either half, before it is written. Immutable: views, the fault
/// injector and the pipelines each return a new one. JSON bodies stay models until
/// <see cref="Body"/> serialises them, so faults can still edit them.
/// </summary>
internal sealed record Reply
{
    public const string JsonType = "application/json";
    public const string HtmlUtf8 = "text/html; charset=utf-8";

    public int Status { get; init; } = 200;

    /// <summary>The Content-Type header; null sends none.</summary>
    public string? ContentType { get; init; }

    /// <summary>Headers in the order they are added; a name may repeat (Vary values are merged by the writer).</summary>
    public ImmutableList<KeyValuePair<string, string>> Headers { get; init; } = [];

    public byte[] Bytes { get; init; } = [];

    public BodyStyle Style { get; init; } = BodyStyle.Raw;

    public JsonNode? Data { get; init; }

    /// <summary>Negotiated tastypie format (mime type) for <see cref="BodyStyle.Tastypie"/> bodies.</summary>
    public string Format { get; init; } = TastypieFormats.Json;

    /// <summary>For XML: the root is a resource object ("object") rather than a plain dict ("response").</summary>
    public bool RootIsResourceObject { get; init; }

    /// <summary>A non-2xx answer that is the endpoint's documented success (location/default/ → 302).</summary>
    public bool IsNon2xxSuccess { get; init; }

    public ReplySource Source { get; init; } = ReplySource.View;

    /// <summary>Fault SlowResponse: how long to wait before sending anything.</summary>
    public TimeSpan Delay { get; init; }

    /// <summary>Fault DropConnection: send the headers and half the body, then abort the connection.</summary>
    public bool DropConnection { get; init; }

    /// <summary>True when the body is a JSON model serialised at write time.</summary>
    public bool IsJsonModel => Style != BodyStyle.Raw;

    /// <summary>A JSON body: tastypie's in the JSON format, or one sent as application/json.</summary>
    public bool IsJson => Style == BodyStyle.Tastypie ? Format == TastypieFormats.Json : ContentType is JsonType or "application_json";

    /// <summary>The body bytes (the model serialised, or the raw bytes).</summary>
    public byte[] Body() => Style switch
    {
        BodyStyle.Tastypie => TastypieSerializer.Serialize(Data, Format, RootIsResourceObject),
        BodyStyle.StdlibJson => Encoding.UTF8.GetBytes(PythonJson.Serialize(Data, sortKeys: false, ensureAscii: true)),
        _ => Bytes,
    };

    /// <summary>The same answer with these bytes as its body (its Content-Type kept).</summary>
    public Reply WithRawBody(byte[] bytes) => this with { Style = BodyStyle.Raw, Data = null, Bytes = bytes };

    public Reply WithHeader(string name, string value) => this with { Headers = Headers.Add(new(name, value)) };

    public Reply WithoutHeader(string name) =>
        this with { Headers = Headers.RemoveAll(h => h.Key.Equals(name, StringComparison.OrdinalIgnoreCase)) };

    public string? Header(string name) => Headers.LastOrDefault(h => h.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Value;

    /// <summary>Django HttpResponse(text): text/html; charset=utf-8.</summary>
    public static Reply Text(int status, string text) =>
        new() { Status = status, ContentType = HtmlUtf8, Bytes = Encoding.UTF8.GetBytes(text) };

    /// <summary>An empty Django response (HttpNotFound(), HttpResponse(status=...)): Django's default content type.</summary>
    public static Reply Empty(int status) => new() { Status = status, ContentType = HtmlUtf8 };

    /// <summary>
    /// tastypie's http.HttpNoContent (also what wrap_view makes of a view that returns no response): it
    /// deletes the Content-Type. Django's CommonMiddleware then adds "Content-Length: 0", which Kestrel
    /// does not send on a 204 (RFC 9110 forbids it), so that header is the one difference left.
    /// </summary>
    public static Reply NoContent() => new() { Status = 204 };

    /// <summary>tastypie's self.create_response(...): serialised with the negotiated format.</summary>
    public static Reply Tastypie(int status, JsonNode? data, string format, bool rootIsResourceObject = false) =>
        new() { Status = status, Style = BodyStyle.Tastypie, Data = data, Format = format, RootIsResourceObject = rootIsResourceObject, ContentType = TastypieFormats.ContentType(format) };

    /// <summary>HttpResponse(json.dumps(data), content_type=...).</summary>
    public static Reply StdJson(int status, JsonNode data, string contentType = JsonType) =>
        new() { Status = status, Style = BodyStyle.StdlibJson, Data = data, ContentType = contentType };
}
