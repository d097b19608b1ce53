using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Conformance.ReferenceServer.Dashboard.Http;

/// <summary>
/// The dashboard runs under gunicorn (every Archivematica release and package), whose
/// <c>limit_request_line</c> (default 4094) refuses a longer request line before Django sees it:
/// its own 400 page, <c>text/html</c> without charset, <c>Connection: close</c>, none of Django's
/// headers (seen on the real 1.15.1 with gunicorn 20.1; gunicorn/http/message.py <c>read_line</c>).
/// </summary>
internal static class GunicornRequestLine
{
    public const int Limit = 4094;

    /// <summary>The request line as sent: method, target (before <see cref="NulInRequestTarget"/> rewrote it), protocol.</summary>
    public static int Length(HttpContext context)
    {
        var request = context.Request;
        var target = request.Headers[NulInRequestTarget.OriginalTargetHeader] is { Count: > 0 } original
            ? original.ToString()
            : context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? request.Path + request.QueryString;
        return request.Method.Length + 1 + target.Length + 1 + request.Protocol.Length;
    }

    /// <summary>gunicorn's answer to a line over the limit, or null.</summary>
    public static Reply? Refusal(HttpContext context)
    {
        var length = Length(context);
        if (length <= Limit)
        {
            return null;
        }
        var page = "<html>\n  <head>\n    <title>Bad Request</title>\n  </head>\n  <body>\n    <h1><p>Bad Request</p></h1>\n    "
            + string.Create(CultureInfo.InvariantCulture, $"Request Line is too large ({length} &gt; {Limit})") + "\n  </body>\n</html>\n";
        return new Reply { Status = 400, ContentType = "text/html", Bytes = Encoding.UTF8.GetBytes(page), Source = ReplySource.Django }
            .WithHeader("Connection", "close");
    }
}
