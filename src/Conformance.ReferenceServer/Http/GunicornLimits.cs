using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Conformance.ReferenceServer.Http;

/// <summary>
/// gunicorn, which serves both Django applications, reads the request line before Django sees the
/// request: one longer than limit_request_line (4094 bytes, the default; the Storage Service's
/// gunicorn config does not change it) is answered by gunicorn itself (util.write_error) with a 400
/// HTML page, Content-Type: text/html and Connection: close, whatever the path.
/// </summary>
internal static class GunicornLimits
{
    public const int LimitRequestLine = 4094;

    /// <summary>gunicorn's answer when the request line is too long, else null: not a Django answer, so none of Django's or a view's headers.</summary>
    public static Reply? RejectRequestLine(HttpContext http)
    {
        var request = http.Request;
        var target = http.Features.Get<IHttpRequestFeature>()?.RawTarget is { Length: > 0 } raw ? raw : request.Path + request.QueryString;
        var length = Encoding.UTF8.GetByteCount(request.Method) + 1 + Encoding.UTF8.GetByteCount(target) + 1 + Encoding.UTF8.GetByteCount(request.Protocol);
        if (length <= LimitRequestLine)
        {
            return null;
        }
        var message = string.Create(CultureInfo.InvariantCulture, $"Request Line is too large ({length} &gt; {LimitRequestLine})");
        var page = "<html>\n  <head>\n    <title>Bad Request</title>\n  </head>\n  <body>\n    <h1><p>Bad Request</p></h1>\n    "
            + message + "\n  </body>\n</html>\n";
        return (Reply.Text(400, page) with { ContentType = "text/html", Source = ReplySource.Django }).WithHeader("Connection", "close");
    }
}
