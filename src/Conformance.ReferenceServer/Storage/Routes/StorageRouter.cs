using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Conformance.ReferenceServer.Storage.Routes;

/// <summary>
/// The emulated Django + tastypie request cycle. Custom routing (instead of minimal APIs) because the
/// order is the contract: login middleware, URL resolution with APPEND_SLASH, then for tastypie views
/// method check (OPTIONS 200 / 405) before authentication (401), then the view inside wrap_view's
/// error handling. Faults are applied afterwards in one place.
/// </summary>
internal sealed class StorageRouter(StorageState state, ReferenceServerOptions options)
{
    private readonly IReadOnlyList<Route> _routes = StorageRoutes.Build(state.Version);

    public async Task HandleAsync(HttpContext http)
    {
        if (GunicornLimits.RejectRequestLine(http) is { } tooLong)
        {
            await ReplyWriter.WriteAsync(http, tooLong);
            return;
        }
        var request = await StorageRequest.ReadAsync(http);
        var (reply, endpointId) = Dispatch(request);
        reply = FaultInjector.Apply(reply, ServiceHalf.StorageService, endpointId, options);
        // LocaleMiddleware, the session middleware and XFrameOptionsMiddleware touch every response.
        await ReplyWriter.WriteAsync(http, reply.WithHeader("Vary", "Accept-Language").WithHeader("Vary", "Cookie")
            .WithHeader("Content-Language", "en").WithHeader("X-Frame-Options", "SAMEORIGIN"));
    }

    private (Reply Reply, string? EndpointId) Dispatch(StorageRequest request)
    {
        // LoginRequiredMiddleware exempts only paths under "api/" (so "/api" itself redirects).
        if (!request.Path.StartsWith("/api/", StringComparison.Ordinal))
        {
            return (Reply.Empty(302).WithHeader("Location", "/login/?next=" + QuoteKeepingSlashes(RawTarget(request))) with { Source = ReplySource.Django }, null);
        }
        var apiPath = request.Path["/api/".Length..];
        if (Resolve(apiPath) is not var (route, match))
        {
            // CommonMiddleware APPEND_SLASH: a 404 whose slash-terminated path resolves becomes a 301.
            if (!request.Path.EndsWith('/') && Resolve(apiPath + "/") is { } slashed && !FaultInjector.SuppressesSlashRedirect(slashed.Route.EndpointIds, options.Faults))
            {
                // request.get_full_path(force_append_slash=True): escape_uri_path quotes ';' and '=' (%3B, %3D).
                var target = RawTarget(request);
                var query = target.IndexOf('?', StringComparison.Ordinal);
                var path = query < 0 ? target : target[..query];
                var rawQuery = query < 0 ? "" : target[(query + 1)..];
                var location = DjangoUri.EscapeUriPath(path) + "/" + (rawQuery.Length > 0 ? "?" + DjangoUri.IriToUri(rawQuery) : "");
                return (Reply.Empty(301).WithHeader("Location", location) with { Source = ReplySource.Django }, null);
            }
            return (Reply.Text(404, "<h1>Not Found</h1><p>The requested resource was not found on this server.</p>") with { Source = ReplySource.Django }, null);
        }
        var context = new ApiContext { Request = request, State = state, Match = match, ApiVersion = route.ApiVersion };
        return route.Kind switch
        {
            RouteKind.Root => (RunRoot(route, context), route.For(request.Method)?.EndpointId),
            RouteKind.PlainView => (Locked(route.For(request.Method)!.Value.Handler, context), route.For(request.Method)?.EndpointId),
            RouteKind.Sword => (WrapView(route.For(request.Method)!.Value.Handler, context), route.For(request.Method)?.EndpointId),
            _ => RunTastypie(route, context),
        };
    }

    private (Route Route, Match Match)? Resolve(string apiPath)
    {
        foreach (var route in _routes)
        {
            var match = route.Pattern.Match(apiPath);
            if (match.Success)
            {
                return (route, match);
            }
        }
        return null;
    }

    /// <summary>method_check (OPTIONS answers, unknown methods 405, both before auth), then authentication, then the view.</summary>
    private (Reply, string?) RunTastypie(Route route, ApiContext context)
    {
        var request = context.Request;
        if (route.HonoursMethodOverride && request.Header("X-HTTP-Method-Override") is { Length: > 0 } overridden)
        {
            request.Method = overridden.ToUpperInvariant();
        }
        var method = request.Method.ToLowerInvariant();
        if (method == "options")
        {
            return (Reply.Text(200, route.Allows).WithHeader("Allow", route.Allows), null);
        }
        if (!route.Allowed.Contains(method) || route.For(method) is not var (endpointId, handler))
        {
            if (FaultInjector.ChecksMethodAfterAuth(route.EndpointIds, options.Faults) && !StorageAuthenticator.IsAuthenticated(request, options, CredentialFaults.None))
            {
                return (StorageAuthenticator.Unauthorized(), null);
            }
            var notAllowed = Reply.Text(405, route.Allows).WithHeader("Allow", route.Allows) with { Source = ReplySource.MethodNotAllowed };
            return (FaultInjector.ApplyToMethodNotAllowed(notAllowed, route.EndpointIds, options.Faults), null);
        }
        if (!StorageAuthenticator.IsAuthenticated(request, options, CredentialFaults.For(options.Faults, endpointId)))
        {
            return (StorageAuthenticator.Unauthorized(), endpointId);
        }
        return (WrapView(handler, context), endpointId);
    }

    /// <summary>Api.wrap_view around top_level: a BadRequest (broken Accept) becomes an empty 400.</summary>
    private Reply RunRoot(Route route, ApiContext context)
    {
        try
        {
            return Locked(route.For(context.Request.Method)!.Value.Handler, context);
        }
        catch (TastypieBadRequestException)
        {
            return Reply.Empty(400);
        }
    }

    /// <summary>
    /// Resource.wrap_view: normal responses get Vary: Accept (and Cache-Control: no-cache for GET 200);
    /// BadRequest/ApiFieldError and ValidationError become 400 {"error": "..."} (sanitized: HTML-escaped, a
    /// ValidationError's message list as its Python repr); anything else is the
    /// canned error (404 for not-found exceptions, 415 for unreadable bodies, 500 otherwise).
    /// </summary>
    private Reply WrapView(Func<ApiContext, Reply> handler, ApiContext context)
    {
        var request = context.Request;
        try
        {
            var reply = Locked(handler, context).WithHeader("Vary", "Accept");
            return request.Method == "GET" && reply.Status == 200 ? reply.WithHeader("Cache-Control", "no-cache") : reply;
        }
        catch (TastypieBadRequestException e)
        {
            return Reply.Tastypie(400, new JsonObject { ["error"] = TastypieSanitizer.Sanitize(e.Message) }, FormatNegotiator.DetermineOrDefault(request, state.Version));
        }
        catch (DjangoValidationException e)
        {
            return Reply.Tastypie(400, new JsonObject { ["error"] = TastypieSanitizer.Sanitize(e.Messages) }, FormatNegotiator.DetermineOrDefault(request, state.Version));
        }
        catch (TastypieNotFoundException)
        {
            return Canned(404, request);
        }
        catch (UnsupportedDeserializationException)
        {
            return Canned(415, request);
        }
#pragma warning disable CA1031 // tastypie turns every unexpected exception into the canned 500 answer.
        catch (Exception)
#pragma warning restore CA1031
        {
            return Canned(500, request);
        }
    }

    private Reply Locked(Func<ApiContext, Reply> handler, ApiContext context)
    {
        Reply reply;
        lock (state.Gate)
        {
            reply = handler(context);
        }
        return context.AfterUnlock is { } then ? then(reply) : reply;
    }

    private Reply Canned(int status, StorageRequest request) =>
        Reply.Tastypie(status, new JsonObject { ["error_message"] = "Sorry, this request could not be processed. Please try again later." },
            FormatNegotiator.DetermineOrDefault(request, state.Version));

    private static string RawTarget(StorageRequest request) =>
        request.Context.Features.Get<IHttpRequestFeature>()?.RawTarget is { Length: > 0 } raw ? raw : request.Path + request.RawQuery;

    private static string QuoteKeepingSlashes(string text) =>
        QueryDict.QuotePlus(text).Replace("%2F", "/", StringComparison.Ordinal);
}
