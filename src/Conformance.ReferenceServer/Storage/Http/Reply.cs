using System.Text;
using System.Text.Json.Nodes;

namespace Conformance.ReferenceServer.Storage.Http;

/// <summary>How a JSON-model body is turned into bytes.</summary>
internal enum BodyStyle
{
    /// <summary>No body model: <see cref="Reply.Bytes"/> (possibly empty) is sent.</summary>
    Raw,

    /// <summary>tastypie Serializer: negotiated format, sorted keys, UTF-8 unescaped.</summary>
    Tastypie,

    /// <summary>Python json.dumps as used by hand-written SS views: insertion order, ASCII escapes.</summary>
    StdlibJson,
}

/// <summary>Where a reply comes from, so the fault post-processor knows which faults may touch it.</summary>
internal enum ReplyKind
{
    /// <summary>A view's answer (success or error), or anything not listed below.</summary>
    View,

    /// <summary>tastypie's failed authentication (Basic's 401 with WWW-Authenticate).</summary>
    AuthFailure,

    /// <summary>method_check's 405 (before authentication).</summary>
    MethodNotAllowed,
}

/// <summary>
/// An emulated Django response. Bodies that are JSON models stay models until the writer runs, so
/// the fault post-processor can alter them before serialisation.
/// </summary>
internal sealed class Reply
{
    public const string HtmlUtf8 = "text/html; charset=utf-8";

    public int Status { get; set; } = 200;

    /// <summary>Content-Type header value; null sends none.</summary>
    public string? ContentType { get; set; }

    public List<KeyValuePair<string, string>> Headers { get; } = [];

    public byte[] Bytes { get; set; } = [];

    public BodyStyle Style { get; set; } = BodyStyle.Raw;

    public JsonNode? Data { get; set; }

    /// <summary>Negotiated tastypie format (mime type) for <see cref="BodyStyle.Tastypie"/> bodies.</summary>
    public string Format { get; set; } = TastypieFormats.Json;

    /// <summary>For XML: the root is a resource object ("object") rather than a plain dict ("response").</summary>
    public bool RootIsResourceObject { get; set; }

    /// <summary>A non-2xx answer that is the endpoint's documented success (location/default/ → 302).</summary>
    public bool IsNon2xxSuccess { get; set; }

    public ReplyKind Kind { get; set; } = ReplyKind.View;

    /// <summary>Fault SlowResponse: how long to wait before sending anything.</summary>
    public TimeSpan Delay { get; set; }

    /// <summary>Fault DropConnection: send the headers and half the body, then abort the connection.</summary>
    public bool DropConnection { get; set; }

    /// <summary>True when the body is a JSON model serialised at write time.</summary>
    public bool IsJsonModel => Style != BodyStyle.Raw;

    public Reply WithHeader(string name, string value)
    {
        Headers.Add(new(name, value));
        return this;
    }

    public Reply As(ReplyKind kind)
    {
        Kind = kind;
        return this;
    }

    public string? Header(string name) => Headers.LastOrDefault(h => h.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Value;

    /// <summary>Django HttpResponse(text): text/html; charset=utf-8.</summary>
    public static Reply Text(int status, string text) =>
        new() { Status = status, ContentType = HtmlUtf8, Bytes = Encoding.UTF8.GetBytes(text) };

    /// <summary>An empty Django response (HttpNotFound(), HttpNoContent(), ...).</summary>
    public static Reply Empty(int status) => new() { Status = status, ContentType = HtmlUtf8 };

    /// <summary>self.create_response(...): serialized with the negotiated format.</summary>
    public static Reply Tastypie(int status, JsonNode? data, string format, bool rootIsResourceObject = false) =>
        new() { Status = status, Style = BodyStyle.Tastypie, Data = data, Format = format, RootIsResourceObject = rootIsResourceObject };

    /// <summary>HttpResponse(json.dumps(data), content_type=...).</summary>
    public static Reply StdJson(int status, JsonNode data, string contentType = "application/json") =>
        new() { Status = status, Style = BodyStyle.StdlibJson, Data = data, ContentType = contentType };
}
