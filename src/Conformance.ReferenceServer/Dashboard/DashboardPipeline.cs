using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Conformance.ReferenceServer.Dashboard;

/// <summary>
/// Handles every dashboard request in the order Django does (auth.md 2.1): URL resolution with
/// APPEND_SLASH (404 page or 301), then the view decorator's method check (405, before auth), then
/// API-key authentication (403), then the view, whose answer gets the X-Archivematica-* headers.
/// Not ASP.NET routing: Django's unanchored regexes and check order have to be reproduced exactly.
/// </summary>
internal sealed class DashboardPipeline(DashboardState state, ReferenceServerOptions options)
{
    private readonly RouteTable _routes = new(new ArchivematicaVersion(options.ArchivematicaVersion));

    public async Task HandleAsync(HttpContext context)
    {
        if (GunicornLimits.RejectRequestLine(context) is { } tooLong)
        {
            await ReplyWriter.WriteAsync(context, tooLong);
            return;
        }

        var answer = await AnswerAsync(context);
        // LocaleMiddleware and the session middleware touch every response.
        await ReplyWriter.WriteAsync(context, answer.WithHeader("Vary", "Accept-Language, Cookie").WithHeader("Content-Language", "en"));
    }

    private async Task<Reply> AnswerAsync(HttpContext context)
    {
        var request = context.Request;
        var path = RequestPath(request);
        var method = request.Method.ToUpperInvariant();
        var resolved = _routes.Resolve(path);
        if (resolved is null)
        {
            return !path.EndsWith('/') && _routes.Resolve(path + "/") is { } slashed
                && !FaultInjector.SuppressesSlashRedirect(EndpointIds(slashed.Route, slashed.Match), options.Faults)
                ? RedirectWithSlash(request, path)
                : DashboardReply.NotFoundPage();
        }

        var (route, match) = resolved.Value;
        var endpointId = route.EndpointId(match, method);
        if (!route.AllowedMethods.Contains(method))
        {
            var routeIds = EndpointIds(route, match);
            if (FaultInjector.ChecksMethodAfterAuth(routeIds, options.Faults)
                && !ApiKeyAuthentication.IsAuthenticated(request, await ReadFormAsync(request, method), options, CredentialFaults.For(options.Faults, endpointId)))
            {
                return AuthFailure(endpointId);
            }

            var notAllowed = Reply.Empty(405).WithHeader("Allow", string.Join(", ", route.AllowedMethods)) with { Source = ReplySource.MethodNotAllowed };
            return FaultInjector.ApplyToMethodNotAllowed(notAllowed, routeIds, options.Faults);
        }

        var body = await ReadBodyAsync(request);
        var form = await ReadFormAsync(request, method);
        if (!ApiKeyAuthentication.IsAuthenticated(request, form, options, CredentialFaults.For(options.Faults, endpointId)))
        {
            return AuthFailure(endpointId);
        }

        var viewRequest = new DashboardRequest
        {
            Http = context,
            Route = match,
            EndpointId = endpointId,
            State = state,
            Options = options,
            Body = body,
            Form = form,
        };
        Reply answer;
        try
        {
            answer = route.Handler(viewRequest);
        }
#pragma warning disable CA1031 // Like Django with DEBUG off: any exception escaping a view becomes the 500 page.
        catch (Exception)
#pragma warning restore CA1031
        {
            answer = DashboardReply.ServerErrorPage();
        }

        if (answer.Source == ReplySource.View)
        {
            answer = FaultInjector.WithPipelineHeaders(answer, options);
        }

        return FaultInjector.Apply(answer, ServiceHalf.Dashboard, endpointId, options);
    }

    private Reply AuthFailure(string endpointId) => FaultInjector.Apply(
        DashboardReply.JsonBody(new JsonObject { ["message"] = "API key not valid.", ["error"] = true }, 403) with { Source = ReplySource.AuthFailure },
        ServiceHalf.Dashboard,
        endpointId,
        options);

    /// <summary>Every endpoint id a route serves (one per allowed method), for faults switched on per route.</summary>
    private static List<string> EndpointIds(DashboardRoute route, System.Text.RegularExpressions.Match match) =>
        route.AllowedMethods.Select(m => route.EndpointId(match, m)).Distinct().ToList();

    /// <summary>CommonMiddleware's APPEND_SLASH: 301 to the same path plus "/", query string kept.</summary>
    private static Reply RedirectWithSlash(HttpRequest request, string path) =>
        Reply.Empty(301).WithHeader("Location", request.PathBase.Add(new PathString(path)).ToUriComponent() + "/" + request.QueryString.ToUriComponent())
            with { Source = ReplySource.Django };

    /// <summary>The decoded path as Django sees it (a NUL included: <see cref="Hosting.NulPath"/>).</summary>
    private static string RequestPath(HttpRequest request) => request.Path.Value ?? "/";

    /// <summary>Django parses the body as a form when the media type is exactly this one (<c>cgi.parse_header</c>, case kept).</summary>
    private static bool IsUrlencoded(string? contentType) =>
        contentType?.Split(';')[0].Trim() == "application/x-www-form-urlencoded";

    private static async Task<byte[]> ReadBodyAsync(HttpRequest request)
    {
        request.EnableBuffering();
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer);
        request.Body.Position = 0;
        return buffer.ToArray();
    }

    private static async Task<IFormCollection> ReadFormAsync(HttpRequest request, string method)
    {
        if (method != "POST" || !request.HasFormContentType)
        {
            return FormCollection.Empty;
        }

        if (IsUrlencoded(request.ContentType))
        {
            return DjangoUrlencodedForm.Parse(await ReadBodyAsync(request));
        }

        request.EnableBuffering();
        try
        {
            var form = await request.ReadFormAsync();
            request.Body.Position = 0;
            return form;
        }
        catch (InvalidDataException)
        {
            return FormCollection.Empty;
        }
    }
}
