using System.Text;
using System.Text.Json.Nodes;

namespace Conformance.ReferenceServer.Dashboard.Http;

/// <summary>
/// The dashboard's kinds of <see cref="Reply"/>. Answers Django produces outside the API view (404/301
/// from URL resolution, 405, 403, and pages rendered for exceptions that escape a view) are not
/// <see cref="ReplySource.View"/>; only view answers get the X-Archivematica-* headers.
/// </summary>
internal static class DashboardReply
{
    public const string XmlType = "text/xml";

    /// <summary><c>helpers.json_response(payload, status_code)</c>.</summary>
    public static Reply JsonBody(JsonNode node, int status = 200) => Reply.StdJson(status, node);

    /// <summary><c>_error_response</c>: <c>{"error": true, "message": ...}</c>, 400 unless told.</summary>
    public static Reply Error(string message, int status = 400) =>
        JsonBody(new JsonObject { ["error"] = true, ["message"] = message }, status);

    public static Reply Xml(string content) => new() { Status = 200, ContentType = XmlType, Bytes = Encoding.UTF8.GetBytes(content) };

    /// <summary>The dashboard's 404 page: unmatched URL, or <c>Http404</c> raised inside a view.</summary>
    public static Reply NotFoundPage() => Reply.Text(404, HtmlPages.NotFound) with { Source = ReplySource.Django };

    /// <summary>The dashboard's 500 page: an exception escaped the view (DEBUG off).</summary>
    public static Reply ServerErrorPage() => Reply.Text(500, HtmlPages.ServerError) with { Source = ReplySource.Django };
}
