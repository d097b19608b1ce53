using System.Text.Json.Nodes;
using Conformance.ReferenceServer.Dashboard.Http;
using Conformance.ReferenceServer.Dashboard.Routing;
using Conformance.ReferenceServer.Hosting;
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
        var response = await AnswerAsync(context);
        await WriteAsync(context, response);
    }

    private async Task<DashboardResponse> AnswerAsync(HttpContext context)
    {
        var request = context.Request;
        var path = request.Path.Value ?? "/";
        var resolved = _routes.Resolve(path);
        if (resolved is null)
        {
            return !path.EndsWith('/') && _routes.Resolve(path + "/") is not null
                ? RedirectWithSlash(request)
                : DashboardResponse.NotFoundPage();
        }

        var (route, match) = resolved.Value;
        var method = request.Method.ToUpperInvariant();
        if (!route.AllowedMethods.Contains(method))
        {
            return DashboardResponse.Empty(405) with
            {
                FromView = false,
                Headers = new Dictionary<string, string> { ["Allow"] = string.Join(", ", route.AllowedMethods) },
            };
        }

        var endpointId = route.EndpointId(match, method);
        var body = await ReadBodyAsync(request);
        var form = method == "POST" && request.HasFormContentType ? await ReadFormAsync(request) : FormCollection.Empty;
        if (!ApiKeyAuthentication.IsAuthenticated(request, form, options, options.Faults.IsActive(Fault.AcceptBadKey, endpointId)))
        {
            return DashboardResponse.JsonBody(new JsonObject { ["message"] = "API key not valid.", ["error"] = true }, 403) with { FromView = false };
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
        DashboardResponse answer;
        try
        {
            answer = route.Handler(viewRequest);
        }
#pragma warning disable CA1031 // Like Django with DEBUG off: any exception escaping a view becomes the 500 page.
        catch (Exception)
#pragma warning restore CA1031
        {
            answer = DashboardResponse.ServerErrorPage();
        }
        return FaultInjector.Apply(answer, endpointId, options.Faults);
    }

    /// <summary>CommonMiddleware's APPEND_SLASH: 301 to the same path plus "/", query string kept.</summary>
    private static DashboardResponse RedirectWithSlash(HttpRequest request) =>
        DashboardResponse.Empty(301) with
        {
            FromView = false,
            Headers = new Dictionary<string, string>
            {
                ["Location"] = request.PathBase.Add(request.Path).ToUriComponent() + "/" + request.QueryString.ToUriComponent(),
            },
        };

    private static async Task<byte[]> ReadBodyAsync(HttpRequest request)
    {
        request.EnableBuffering();
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer);
        request.Body.Position = 0;
        return buffer.ToArray();
    }

    private static async Task<IFormCollection> ReadFormAsync(HttpRequest request)
    {
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

    private async Task WriteAsync(HttpContext context, DashboardResponse answer)
    {
        var response = context.Response;
        response.StatusCode = answer.Status;
        response.ContentType = answer.ContentType;
        foreach (var (name, value) in answer.Headers)
        {
            response.Headers[name] = value;
        }
        if (answer.FromView)
        {
            response.Headers["X-Archivematica-Version"] = options.ArchivematicaVersion;
            response.Headers["X-Archivematica-ID"] = ReferenceData.PipelineUuid;
        }
        // LocaleMiddleware and the session middleware touch every response.
        response.Headers.Vary = "Accept-Language, Cookie";
        response.Headers.ContentLanguage = "en";
        var bytes = answer.BodyBytes();
        response.ContentLength = bytes.Length;
        if (!HttpMethods.IsHead(context.Request.Method) && bytes.Length > 0)
        {
            await response.Body.WriteAsync(bytes);
        }
    }
}
