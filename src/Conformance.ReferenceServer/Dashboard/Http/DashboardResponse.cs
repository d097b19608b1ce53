using System.Text.Json.Nodes;
using System.Text;
using Conformance.ReferenceServer.Python;

namespace Conformance.ReferenceServer.Dashboard.Http;

/// <summary>
/// One dashboard answer before it is written. <see cref="FromView"/> is false for answers Django
/// produces outside the API view (404/301 from URL resolution, 405, 403, and pages rendered for
/// exceptions that escape a view); only view answers get the X-Archivematica-* headers.
/// </summary>
internal sealed record DashboardResponse
{
    public const string JsonType = "application/json";
    public const string HtmlType = "text/html; charset=utf-8";
    public const string XmlType = "text/xml";

    public required int Status { get; init; }

    /// <summary>Null sends no Content-Type header (only under <c>Fault.MissingContentType</c>).</summary>
    public required string? ContentType { get; init; }

    /// <summary>JSON body as a tree, kept until writing so faults can still edit it.</summary>
    public JsonNode? Json { get; init; }

    public string Text { get; init; } = "";

    public bool FromView { get; init; } = true;

    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>Fault <c>SlowResponse</c>: how long to wait before sending anything.</summary>
    public TimeSpan Delay { get; init; }

    /// <summary>Fault <c>DropConnection</c>: send the headers and half the body, then abort the connection.</summary>
    public bool DropConnection { get; init; }

    /// <summary>A copy with one header set (or replaced).</summary>
    public DashboardResponse WithHeader(string name, string value) =>
        this with { Headers = new Dictionary<string, string>(Headers, StringComparer.OrdinalIgnoreCase) { [name] = value } };

    /// <summary>A copy without the named header.</summary>
    public DashboardResponse WithoutHeader(string name)
    {
        var headers = new Dictionary<string, string>(Headers, StringComparer.OrdinalIgnoreCase);
        headers.Remove(name);
        return this with { Headers = headers };
    }

    public byte[] BodyBytes() => Encoding.UTF8.GetBytes(Json is null ? Text : PythonJson.Serialize(Json, sortKeys: false, ensureAscii: true));

    /// <summary><c>helpers.json_response(payload, status_code)</c>.</summary>
    public static DashboardResponse JsonBody(JsonNode node, int status = 200) =>
        new() { Status = status, ContentType = JsonType, Json = node };

    /// <summary><c>_error_response</c>: <c>{"error": true, "message": ...}</c>, 400 unless told.</summary>
    public static DashboardResponse Error(string message, int status = 400) =>
        JsonBody(new JsonObject { ["error"] = true, ["message"] = message }, status);

    /// <summary>A bare <c>HttpResponse(status=...)</c>: empty body, Django's default content type.</summary>
    public static DashboardResponse Empty(int status) => new() { Status = status, ContentType = HtmlType };

    public static DashboardResponse Xml(string content) => new() { Status = 200, ContentType = XmlType, Text = content };

    /// <summary>The dashboard's 404 page: unmatched URL, or <c>Http404</c> raised inside a view.</summary>
    public static DashboardResponse NotFoundPage() =>
        new() { Status = 404, ContentType = HtmlType, Text = HtmlPages.NotFound, FromView = false };

    /// <summary>The dashboard's 500 page: an exception escaped the view (DEBUG off).</summary>
    public static DashboardResponse ServerErrorPage() =>
        new() { Status = 500, ContentType = HtmlType, Text = HtmlPages.ServerError, FromView = false };
}
