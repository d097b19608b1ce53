using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;

namespace Conformance.ReferenceServer.Hosting;

/// <summary>One request as the server received it (credentials reduced to "were there any").</summary>
public sealed record ReceivedRequest(string Service, string Method, string PathAndQuery, bool HasAuthorizationHeader, bool HasQueryCredentials, string? TestName);

/// <summary>
/// Every request both services received, in order, in memory (credentials reduced to "were there
/// any"): lets a self-test prove from the server's side what the suite sent, e.g. that production
/// settings send nothing that writes. Thread-safe. (<see cref="RequestLog"/> counts and writes files.)
/// </summary>
public sealed class ReceivedRequests
{
    private readonly ConcurrentQueue<ReceivedRequest> _requests = new();

    public IReadOnlyList<ReceivedRequest> Requests => _requests.ToArray();

    internal void Attach(WebApplication app, string service) =>
        app.Use(async (context, next) =>
        {
            var request = context.Request;
            _requests.Enqueue(new ReceivedRequest(
                service,
                request.Method,
                request.Path + request.QueryString,
                request.Headers.Authorization.Count > 0,
                request.Query.ContainsKey("api_key"),
                request.Headers["X-Conformance-Test"].FirstOrDefault()));
            await next(context);
        });
}
