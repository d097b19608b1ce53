using System.Text;
using System.Text.Json.Nodes;

namespace Conformance.ReferenceServer.Hosting;

/// <summary>The half of the reference server an answer comes from, where a fault takes that half's form.</summary>
internal enum ServiceHalf
{
    Dashboard,
    StorageService,
}

/// <summary>
/// The one place where the deliberate contract violations (<see cref="Fault"/>) are applied to an
/// answer, for both halves. Each pipeline hands its finished answer through <see cref="Apply"/> (view
/// answers and the authentication failure) and asks here before its 405 and slash redirect; faults that
/// change the authentication decision itself are looked up with <see cref="CredentialFaults.For"/> and
/// consulted by the authenticators. Transport faults are marked on the answer
/// (<see cref="Reply.Delay"/>, <see cref="Reply.DropConnection"/>) and carried out by
/// <see cref="ReplyWriter"/>. Where a fault takes each half's form, <see cref="ServiceHalf"/> decides: the
/// service's 500 answer, which property is "first" (tastypie sorts keys), file downloads, tastypie's
/// pagination, the dashboard's X-Archivematica-* headers.
/// </summary>
internal static class FaultInjector
{
    /// <summary>What <see cref="Fault.HtmlErrorPage"/> serves: a proxy's or Django's HTML error page instead of the API's JSON.</summary>
    public const string HtmlErrorPage = """
        <!DOCTYPE html>
        <html lang="en">
        <head><meta charset="utf-8"><title>Error</title></head>
        <body><h1>Something went wrong</h1><p>The request could not be completed.</p></body>
        </html>

        """;

    /// <summary>What <see cref="Fault.DebugPageOnBadInput"/> serves: Django's DEBUG=True page, with a traceback and source paths.</summary>
    public const string DebugPage = """
        <!DOCTYPE html>
        <html lang="en"><head><title>ValueError at /api/transfer/status/</title></head>
        <body><h1>ValueError at /api/transfer/status/</h1>
        <pre>Traceback (most recent call last):
          File "/usr/lib/archivematica/dashboard/components/api/views.py", line 233, in status
            unit = models.Transfer.objects.get(uuid=unit_uuid)
        ValueError: badly formed hexadecimal UUID string</pre>
        <p>You're seeing this error because you have DEBUG = True in your Django settings file.</p>
        </body></html>

        """;

    /// <summary>
    /// A finished answer of <paramref name="half"/> for <paramref name="endpointId"/> (null: no endpoint,
    /// no faults). Success faults touch successful view answers only (2xx, or the redirect that is
    /// location/default/'s success); the bad-input faults 4xx view answers; <see cref="Fault.HtmlErrorPage"/> JSON errors.
    /// </summary>
    public static Reply Apply(Reply reply, ServiceHalf half, string? endpointId, ReferenceServerOptions options)
    {
        if (endpointId is null)
        {
            return reply;
        }

        var faults = new Switches(options.Faults, endpointId);
        return reply.Source switch
        {
            ReplySource.AuthFailure => ToAuthFailure(reply, half, faults, options),
            ReplySource.View when reply.Status is >= 200 and <= 299 || reply.IsNon2xxSuccess => ToSuccess(reply, half, faults, options),
            ReplySource.View => ToError(reply, half, faults),
            _ => reply,
        };
    }

    /// <summary><see cref="Fault.MethodCheckAfterAuth"/>: authenticate before the method check.</summary>
    public static bool ChecksMethodAfterAuth(IEnumerable<string> routeEndpointIds, FaultPlan faults) =>
        faults.IsActiveForAny(Fault.MethodCheckAfterAuth, routeEndpointIds);

    /// <summary>The method check's 405 with Allow.</summary>
    public static Reply ApplyToMethodNotAllowed(Reply reply, IEnumerable<string> routeEndpointIds, FaultPlan faults) =>
        faults.IsActiveForAny(Fault.MissingAllowHeader, routeEndpointIds) ? reply.WithoutHeader("Allow") : reply;

    /// <summary><see cref="Fault.NoSlashRedirect"/>: APPEND_SLASH does not redirect the slash-less path of this route.</summary>
    public static bool SuppressesSlashRedirect(IEnumerable<string> routeEndpointIds, FaultPlan faults) =>
        faults.IsActiveForAny(Fault.NoSlashRedirect, routeEndpointIds);

    /// <summary>The X-Archivematica-* headers every dashboard view answer carries (and, under a fault, the authentication failure).</summary>
    public static Reply WithPipelineHeaders(Reply reply, ReferenceServerOptions options) =>
        reply.WithHeader("X-Archivematica-Version", options.ArchivematicaVersion).WithHeader("X-Archivematica-ID", ReferenceData.PipelineUuid);

    /// <summary>The dashboard's 403 JSON or the Storage Service's 401 with WWW-Authenticate.</summary>
    private static Reply ToAuthFailure(Reply failure, ServiceHalf half, Switches faults, ReferenceServerOptions options)
    {
        if (failure.IsJson && faults.On(Fault.HtmlErrorPage))
        {
            failure = AsHtmlError(failure);
        }

        failure = SwapAuthStatus(failure, faults);
        if (faults.On(Fault.MissingWwwAuthenticate))
        {
            failure = failure.WithoutHeader("WWW-Authenticate");
        }

        return half == ServiceHalf.Dashboard && faults.On(Fault.VersionHeadersOnAuthFailure) ? WithPipelineHeaders(failure, options) : failure;
    }

    /// <summary>A view's 4xx/5xx (or other non-success) answer.</summary>
    private static Reply ToError(Reply reply, ServiceHalf half, Switches faults)
    {
        if (reply.Status is >= 400 and < 500)
        {
            if (faults.On(Fault.ServerErrorOnBadInput))
            {
                return ServerError(reply, half);
            }

            if (faults.On(Fault.DebugPageOnBadInput))
            {
                return reply.WithRawBody(Encoding.UTF8.GetBytes(DebugPage)) with { ContentType = Reply.HtmlUtf8 };
            }
        }

        reply = SwapAuthStatus(reply, faults);
        return reply.Status >= 400 && reply.IsJson && faults.On(Fault.HtmlErrorPage) ? AsHtmlError(reply) : reply;
    }

    /// <summary>A successful view answer: the status, body, header and transport faults, in this order.</summary>
    private static Reply ToSuccess(Reply reply, ServiceHalf half, Switches faults, ReferenceServerOptions options)
    {
        if (faults.On(Fault.ServerErrorOnValidRequest))
        {
            return ServerError(reply, half);
        }

        if (reply.IsJsonModel)
        {
            reply = reply with { Data = EditModel(reply.Data, half, faults, options) };
        }

        var json = reply.IsJson;
        if (faults.On(Fault.WrongContentType))
        {
            // JSON becomes text; a Storage Service download loses the type its file extension gives it.
            var download = half == ServiceHalf.StorageService && reply.Style != BodyStyle.Tastypie && !string.IsNullOrEmpty(reply.ContentType);
            reply = json ? reply with { ContentType = "text/plain" } : download ? reply with { ContentType = "application/octet-stream" } : reply;
        }

        if (json && faults.On(Fault.MalformedJson))
        {
            reply = reply.WithRawBody(FaultMutations.Truncate(reply.Body()));
        }

        if (faults.On(Fault.EmptyBody))
        {
            reply = reply.WithRawBody([]);
        }

        if (faults.On(Fault.MissingContentType))
        {
            reply = reply with { ContentType = null };
        }

        if (faults.On(Fault.MissingVersionHeader))
        {
            reply = reply.WithoutHeader("X-Archivematica-Version");
        }

        if (faults.On(Fault.WrongSuccessStatus))
        {
            reply = reply with { Status = 299 };
        }

        return reply with
        {
            Delay = faults.On(Fault.SlowResponse) ? options.SlowResponseDelay : TimeSpan.Zero,
            DropConnection = faults.On(Fault.DropConnection),
        };
    }

    /// <summary>The body faults, on a copy of the model in this order: drop a field, change a type, break enums, echo the key, then tastypie's pagination.</summary>
    private static JsonNode? EditModel(JsonNode? data, ServiceHalf half, Switches faults, ReferenceServerOptions options)
    {
        var bodyFaults = new[] { Fault.DropRequiredField, Fault.WrongFieldType, Fault.WrongEnumValue, Fault.EchoApiKey, Fault.PaginationWrongTotalCount, Fault.PaginationNextLoops, Fault.PaginationNextSkipsPage };
        if (data is null || !bodyFaults.Any(faults.On))
        {
            return data;
        }

        // tastypie serialises keys sorted, so its "first" property is the alphabetically first, of every object of a list.
        var tastypie = half == ServiceHalf.StorageService;
        var copy = data.DeepClone();
        if (faults.On(Fault.DropRequiredField))
        {
            FaultMutations.DropFirstProperty(copy, alphabetical: tastypie);
        }

        if (faults.On(Fault.WrongFieldType))
        {
            FaultMutations.ChangeFirstFieldType(copy, alphabetical: tastypie);
        }

        if (faults.On(Fault.WrongEnumValue))
        {
            FaultMutations.ReplaceEnumValues(copy);
        }

        if (faults.On(Fault.EchoApiKey))
        {
            FaultMutations.EchoKey(copy, options.ApiKey);
        }

        if (tastypie && copy is JsonObject { } list && list["meta"] is JsonObject meta)
        {
            FaultMutations.Paginate(meta, faults.On(Fault.PaginationWrongTotalCount), faults.On(Fault.PaginationNextLoops), faults.On(Fault.PaginationNextSkipsPage));
        }

        return copy;
    }

    /// <summary>
    /// The authentication status the contract does not give: the Storage Service's 401 as 403
    /// (<see cref="Fault.ForbiddenInsteadOfUnauthorized"/>); a 403 (the dashboard's failure, the SWORD
    /// permission error) as 401 (<see cref="Fault.UnauthorizedInsteadOfForbidden"/>).
    /// </summary>
    private static Reply SwapAuthStatus(Reply reply, Switches faults) => reply.Status switch
    {
        401 when reply.Source == ReplySource.AuthFailure && faults.On(Fault.ForbiddenInsteadOfUnauthorized) => reply with { Status = 403 },
        403 when faults.On(Fault.UnauthorizedInsteadOfForbidden) => reply with { Status = 401 },
        _ => reply,
    };

    /// <summary>The service's own 500: the dashboard's HTML page; tastypie's canned JSON error, keeping the answer's headers.</summary>
    private static Reply ServerError(Reply reply, ServiceHalf half) => half switch
    {
        ServiceHalf.Dashboard => DashboardReply.ServerErrorPage(),
        _ => Reply.Tastypie(500, new JsonObject { ["error_message"] = "Sorry, this request could not be processed. Please try again later." }, TastypieFormats.Json)
            with { Headers = reply.Headers },
    };

    private static Reply AsHtmlError(Reply reply) => reply.WithRawBody(Encoding.UTF8.GetBytes(HtmlErrorPage)) with { ContentType = Reply.HtmlUtf8 };

    /// <summary>Which faults are on for one endpoint.</summary>
    private readonly record struct Switches(FaultPlan Plan, string EndpointId)
    {
        public bool On(Fault fault) => Plan.IsActive(fault, EndpointId);
    }
}
