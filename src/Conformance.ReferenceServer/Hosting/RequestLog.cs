using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Conformance.ReferenceServer.Hosting;

/// <summary>
/// Counts every request both services receive and, with <c>--request-log FILE</c>, writes each one
/// as a JSON line (time, origin, method, raw target, headers, body, answer status), so the
/// benchmark (bench/) can count what the suite sent and replay exactly that. The file holds the
/// credentials as sent: it is for loopback benchmarking, written only when asked for.
/// </summary>
public sealed class RequestLog : IDisposable
{
    private readonly StreamWriter? _writer;
    private readonly Lock _gate = new();
    private long _count;

    public RequestLog(string? path)
    {
        if (path is not null)
        {
            _writer = new StreamWriter(path, append: true) { AutoFlush = true };
        }
    }

    /// <summary>Requests received so far, by both services.</summary>
    public long Count => Interlocked.Read(ref _count);

    /// <summary>The first middleware of each service: sees the request exactly as it arrived.</summary>
    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        Interlocked.Increment(ref _count);
        if (_writer is null)
        {
            await next(context);
            return;
        }

        var started = DateTimeOffset.UtcNow;
        var stopwatch = Stopwatch.StartNew();
        var request = context.Request;
        request.EnableBuffering();
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, context.RequestAborted);
        request.Body.Position = 0;
        await next(context);
        var entry = new Entry(
            started.ToUnixTimeMilliseconds() / 1000.0,
            stopwatch.Elapsed.TotalMilliseconds,
            $"{request.Scheme}://{request.Host}",
            request.Method,
            context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? request.Path + request.QueryString,
            request.Headers.SelectMany(h => h.Value.Select(v => new[] { h.Key, v ?? string.Empty })).ToList(),
            buffer.Length == 0 ? null : Convert.ToBase64String(buffer.GetBuffer(), 0, (int)buffer.Length),
            context.Response.StatusCode);
        var line = JsonSerializer.Serialize(entry, RequestLogJson.Default.Entry);
        lock (_gate)
        {
            _writer.WriteLine(line);
        }
    }

    public void Dispose() => _writer?.Dispose();

    /// <summary>One request. <c>Time</c> is Unix seconds when it arrived; <c>Body</c> is base64.</summary>
    public sealed record Entry(double Time, double Milliseconds, string Origin, string Method, string Target, List<string[]> Headers, string? Body, int Status);
}

[System.Text.Json.Serialization.JsonSerializable(typeof(RequestLog.Entry))]
[System.Text.Json.Serialization.JsonSourceGenerationOptions(PropertyNamingPolicy = System.Text.Json.Serialization.JsonKnownNamingPolicy.CamelCase)]
internal sealed partial class RequestLogJson : System.Text.Json.Serialization.JsonSerializerContext;
