using System.IO.Pipelines;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Conformance.ReferenceServer.Hosting;

/// <summary>
/// Lets a <c>%00</c> in a request path through, as gunicorn does (Django then decodes it to a NUL
/// in the path): Kestrel refuses such a request with an empty 400 before any application code runs,
/// and has no option to allow it. A connection middleware overwrites the path's <c>%00</c> with
/// <see cref="Marker"/> (<c>%0G</c>: an invalid escape Kestrel leaves as it is, the same length, so
/// the rewrite happens in place), and the first application middleware (<see cref="RestoreAsync"/>)
/// turns the marker back: a NUL in <see cref="HttpRequest.Path"/>, <c>%00</c> in the raw target.
/// A client that sends a literal <c>%0G</c> in a path (invalid; no probe does) is read as <c>%00</c>.
/// </summary>
internal static class NulPath
{
    public static ReadOnlySpan<byte> Marker => "%0G"u8;

    private const string MarkerText = "%0G";

    /// <summary>Rewrites the input of every connection of every endpoint (UseUrls' included); HTTP/1.1 only, as gunicorn.</summary>
    public static void ListenWithNulPaths(this KestrelServerOptions kestrel) => kestrel.ConfigureEndpointDefaults(endpoint =>
    {
        endpoint.Protocols = HttpProtocols.Http1;
        endpoint.Use(next => connection =>
        {
            var transport = connection.Transport;
            connection.Transport = new DuplexPipe(new NulPathPipeReader(transport.Input), transport.Output);
            return next(connection);
        });
    });

    /// <summary>
    /// The first middleware: the request as it arrived, a NUL where its path had <c>%00</c> (the
    /// request log and gunicorn's request-line limit read the raw target). PathBase stays empty: no
    /// application sets one.
    /// </summary>
    public static Task RestoreAsync(HttpContext context, RequestDelegate next)
    {
        var request = context.Features.Get<IHttpRequestFeature>();
        var raw = request?.RawTarget ?? string.Empty;
        var pathLength = raw.IndexOf('?', StringComparison.Ordinal) is var query and >= 0 ? query : raw.Length;
        if (request is not null && raw.AsSpan(0, pathLength).IndexOf(MarkerText, StringComparison.Ordinal) >= 0)
        {
            request.RawTarget = string.Concat(raw[..pathLength].Replace(MarkerText, "%00", StringComparison.Ordinal), raw.AsSpan(pathLength));
            context.Request.Path = new PathString(context.Request.Path.Value?.Replace(MarkerText, "\0", StringComparison.Ordinal));
        }
        return next(context);
    }

    private sealed class DuplexPipe(PipeReader input, PipeWriter output) : IDuplexPipe
    {
        public PipeReader Input { get; } = input;

        public PipeWriter Output { get; } = output;
    }
}
