using System.Collections.Concurrent;
using Conformance.ReferenceServer.Hosting;
using Microsoft.AspNetCore.Http;

namespace Conformance.SelfTests;

/// <summary>One request as it passed through the proxy, and the answer that will go back (which a rule may replace).</summary>
public sealed record ProxiedAnswer(int Status, string ContentType, byte[] Bytes, IReadOnlyList<KeyValuePair<string, string>> Headers)
{
    public string Body => System.Text.Encoding.UTF8.GetString(Bytes);

    /// <summary>The same answer with another body (headers kept, Content-Length follows the new body).</summary>
    public ProxiedAnswer WithBody(string body) => this with { Bytes = System.Text.Encoding.UTF8.GetBytes(body) };

    public static ProxiedAnswer Json(string body, int status = 200) => new(status, "application/json", System.Text.Encoding.UTF8.GetBytes(body), []);

    public static ProxiedAnswer Html(string body, int status) => new(status, "text/html; charset=utf-8", System.Text.Encoding.UTF8.GetBytes(body), []);

    public static ProxiedAnswer ServerErrorPage() => Html("<!DOCTYPE html><html><body><h1>Server Error (500)</h1></body></html>", 500);
}

/// <summary>What a rule sees of a request.</summary>
public sealed record ProxiedRequest(string Method, string PathAndQuery, string Body, string? TestName);

/// <summary>
/// A loopback proxy in front of one service of a reference server: it forwards every request as it
/// is and lets a self-test break chosen answers (a status, a field, a list that leaves an object
/// out), so a workflow step or a probe meets a server that breaks exactly one promise. Rules see the
/// request and the real answer and return the answer to send (or null to keep it).
/// </summary>
public sealed class BreakingProxy : IAsyncDisposable
{
    private readonly StubServer _stub;
    private readonly HttpClient _client;
    private readonly ConcurrentQueue<Func<ProxiedRequest, ProxiedAnswer, ProxiedAnswer?>> _rules = new();

    private BreakingProxy(StubServer stub, HttpClient client)
    {
        _stub = stub;
        _client = client;
    }

    public Uri Url => _stub.Url;

    public static async Task<BreakingProxy> StartAsync(Uri target)
    {
        var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = target, Timeout = TimeSpan.FromSeconds(20) };
        BreakingProxy? proxy = null;
        var stub = await StubServer.StartAsync(context => proxy!.ForwardAsync(context));
        proxy = new BreakingProxy(stub, client);
        return proxy;
    }

    /// <summary>Adds a rule; the first rule that returns an answer decides.</summary>
    public void Break(Func<ProxiedRequest, ProxiedAnswer, ProxiedAnswer?> rule) => _rules.Enqueue(rule);

    private async Task ForwardAsync(HttpContext context)
    {
        var request = context.Request;
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer);
        var body = buffer.ToArray();
        var pathAndQuery = request.Path.ToUriComponent() + request.QueryString.ToUriComponent();
        using var message = new HttpRequestMessage(new HttpMethod(request.Method), pathAndQuery.TrimStart('/'));
        if (body.Length > 0 || request.ContentType is not null)
        {
            message.Content = new ByteArrayContent(body);
            if (request.ContentType is not null)
            {
                message.Content.Headers.TryAddWithoutValidation("Content-Type", request.ContentType);
            }
        }

        foreach (var header in request.Headers.Where(h => !h.Key.StartsWith("Content-", StringComparison.OrdinalIgnoreCase) && h.Key != "Host"))
        {
            message.Headers.TryAddWithoutValidation(header.Key, (IEnumerable<string>)header.Value);
        }

        using var response = await _client.SendAsync(message);
        var answer = new ProxiedAnswer(
            (int)response.StatusCode,
            response.Content.Headers.ContentType?.ToString() ?? "",
            await response.Content.ReadAsByteArrayAsync(),
            response.Headers.Concat(response.Content.Headers)
                .Where(h => h.Key is not ("Transfer-Encoding" or "Content-Type" or "Content-Length"))
                .SelectMany(h => h.Value.Select(v => new KeyValuePair<string, string>(h.Key, v))).ToList());
        var seen = new ProxiedRequest(request.Method, pathAndQuery, System.Text.Encoding.UTF8.GetString(body), request.Headers[SuiteInfo.TestNameHeader].FirstOrDefault());
        foreach (var rule in _rules)
        {
            if (rule(seen, answer) is { } replaced)
            {
                answer = replaced;
                break;
            }
        }

        context.Response.StatusCode = answer.Status;
        foreach (var (name, value) in answer.Headers)
        {
            context.Response.Headers.Append(name, value);
        }

        if (answer.ContentType.Length > 0)
        {
            context.Response.ContentType = answer.ContentType;
        }

        context.Response.ContentLength = answer.Bytes.Length;
        await context.Response.Body.WriteAsync(answer.Bytes);
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _stub.DisposeAsync();
    }
}

/// <summary>A reference server with a breaking proxy in front of each service, and a suite session that goes through the proxies.</summary>
public sealed class ProxiedTarget : IAsyncDisposable
{
    private readonly Target _target;

    private ProxiedTarget(ReferenceServerHost host, BreakingProxy dashboard, BreakingProxy storage, Target target)
    {
        Host = host;
        Dashboard = dashboard;
        Storage = storage;
        _target = target;
    }

    public ReferenceServerHost Host { get; }

    public BreakingProxy Dashboard { get; }

    public BreakingProxy Storage { get; }

    public ConformanceSession Session => _target.Session;

    public static async Task<ProxiedTarget> StartAsync(string archivematicaVersion = "1.13.2", int pollAttempts = 40, KnownDeviations? deviations = null)
    {
        var host = await ReferenceServerHost.StartAsync(new ReferenceServerOptions { ApiKey = "selftest-key-0123456789", ArchivematicaVersion = archivematicaVersion });
        var dashboard = await BreakingProxy.StartAsync(host.ArchivematicaUrl);
        var storage = await BreakingProxy.StartAsync(host.StorageServiceUrl);
        var settings = new TargetSettings
        {
            RequestTimeout = TimeSpan.FromSeconds(10),
            PollInterval = TimeSpan.Zero,
            PollAttempts = pollAttempts,
            PollTimeout = TimeSpan.FromSeconds(20),
        };
        var target = await new TargetFactory(ReferenceTarget.Catalogue, ReferenceTarget.Schemas, deviations)
            .ReferenceServerAsync(host, settings, via: (dashboard.Url, storage.Url), owned: false);
        if (target.PreflightFailure is { } problem)
        {
            throw new InvalidOperationException("The proxied reference server failed its preflight:\n" + problem);
        }

        return new ProxiedTarget(host, dashboard, storage, target);
    }

    public async ValueTask DisposeAsync()
    {
        await _target.DisposeAsync();
        await Dashboard.DisposeAsync();
        await Storage.DisposeAsync();
        await Host.DisposeAsync();
    }
}
