using System.Text;
using Conformance.ReferenceServer.Hosting;
using Conformance.ReferenceServer.Python;
using Conformance.ReferenceServer.Storage.Tastypie;
using Microsoft.AspNetCore.Http;

namespace Conformance.ReferenceServer.Storage.Http;

/// <summary>
/// Serialises a <see cref="Reply"/> and adds what Django's middleware adds to every response
/// (Vary: Accept-Language, Cookie; Content-Language; X-Frame-Options; Content-Length).
/// </summary>
internal static class ReplyWriter
{
    /// <summary>The body bytes a reply stands for (its model serialised, or its raw bytes).</summary>
    public static byte[] Body(Reply reply) => reply.Style switch
    {
        BodyStyle.Tastypie => TastypieSerializer.Serialize(reply.Data, reply.Format, reply.RootIsResourceObject),
        BodyStyle.StdlibJson => Encoding.UTF8.GetBytes(PythonJson.Serialize(reply.Data, sortKeys: false, ensureAscii: true)),
        _ => reply.Bytes,
    };

    /// <summary>The Content-Type a reply is sent with (tastypie's from the negotiated format), or null for none.</summary>
    public static string? ContentType(Reply reply) =>
        reply.ContentType ?? (reply.Style == BodyStyle.Tastypie ? TastypieFormats.ContentType(reply.Format) : null);

    public static async Task WriteAsync(HttpContext http, StorageRequest request, Reply reply)
    {
        if (reply.Delay > TimeSpan.Zero && !await DelayAsync(reply.Delay, http.RequestAborted))
        {
            return;
        }

        var body = Body(reply);
        var response = http.Response;
        response.StatusCode = reply.Status;
        var contentType = ContentType(reply);
        if (contentType is not null)
        {
            response.Headers.ContentType = contentType;
        }
        var vary = new List<string>();
        foreach (var (name, value) in reply.Headers)
        {
            if (name.Equals("Vary", StringComparison.OrdinalIgnoreCase))
            {
                vary.Add(value);
            }
            else if (!name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                response.Headers.Append(name, name.Equals("Location", StringComparison.OrdinalIgnoreCase) ? IriToUri(value) : value);
            }
        }
        vary.AddRange(["Accept-Language", "Cookie"]);
        response.Headers.Vary = string.Join(", ", vary.Distinct(StringComparer.OrdinalIgnoreCase));
        response.Headers.ContentLanguage = "en";
        response.Headers.XFrameOptions = "SAMEORIGIN";
        var bodyAllowed = reply.Status is not (204 or 304) and >= 200;
        if (bodyAllowed)
        {
            response.ContentLength = body.Length;
        }
        if (bodyAllowed && body.Length > 0 && !HttpMethods.IsHead(request.Context.Request.Method))
        {
            if (reply.DropConnection)
            {
                await response.Body.WriteAsync(body.AsMemory(0, FaultMutations.PartialLength(body.Length)), http.RequestAborted);
                await response.Body.FlushAsync(http.RequestAborted);
                http.Abort();
                return;
            }

            await response.Body.WriteAsync(body, http.RequestAborted);
        }
    }

    /// <summary>Django's iri_to_uri for a Location built from stored values: bytes outside printable ASCII percent-encoded.</summary>
    private static string IriToUri(string value)
    {
        if (value.All(c => c is > ' ' and < (char)0x7f))
        {
            return value;
        }
        var builder = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            builder.Append(b is > 0x20 and < 0x7f ? ((char)b).ToString() : "%" + b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
        }
        return builder.ToString();
    }

    /// <summary>Waits, unless the client gives up first (then nothing is written). True when the wait ran its course.</summary>
    private static async Task<bool> DelayAsync(TimeSpan delay, CancellationToken aborted)
    {
        try
        {
            await Task.Delay(delay, aborted);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
