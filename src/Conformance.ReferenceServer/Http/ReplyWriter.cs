using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Conformance.ReferenceServer.Http;

/// <summary>
/// Writes a <see cref="Reply"/> of either half, after the half has added what its Django middleware
/// adds to every response (the Vary values a reply carries are merged into one header). Carries out
/// the transport faults the injector marked: the delay, and the connection dropped after half the body.
/// </summary>
internal static class ReplyWriter
{
    public static async Task WriteAsync(HttpContext http, Reply reply)
    {
        if (reply.Delay > TimeSpan.Zero && !await DelayAsync(reply.Delay, http.RequestAborted))
        {
            return;
        }

        var body = reply.Body();
        var response = http.Response;
        response.StatusCode = reply.Status;
        if (reply.ContentType is not null)
        {
            response.Headers.ContentType = reply.ContentType;
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
                response.Headers.Append(name, name.Equals("Location", StringComparison.OrdinalIgnoreCase) ? DjangoUri.IriToUri(value) : value);
            }
        }

        if (vary.Count > 0)
        {
            response.Headers.Vary = string.Join(", ", vary.Distinct(StringComparer.OrdinalIgnoreCase));
        }

        var bodyAllowed = reply.Status is not (204 or 304) and >= 200;
        if (bodyAllowed)
        {
            response.ContentLength = body.Length;
        }

        if (!bodyAllowed || body.Length == 0 || HttpMethods.IsHead(http.Request.Method))
        {
            return;
        }

        if (reply.DropConnection)
        {
            await response.Body.WriteAsync(body.AsMemory(0, FaultMutations.PartialLength(body.Length)), http.RequestAborted);
            await response.Body.FlushAsync(http.RequestAborted);
            http.Abort();
            return;
        }

        await response.Body.WriteAsync(body, http.RequestAborted);
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
