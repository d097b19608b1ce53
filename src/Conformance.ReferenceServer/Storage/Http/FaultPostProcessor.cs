using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Conformance.ReferenceServer.Hosting;
using Route = Conformance.ReferenceServer.Storage.Routes.Route;
using Conformance.ReferenceServer.Storage.Tastypie;

namespace Conformance.ReferenceServer.Storage.Http;

/// <summary>
/// The one place where the Storage Service's deliberate contract deviations (<see cref="Fault"/>) are
/// decided. The router hands every finished reply through <see cref="Apply"/> (success faults touch
/// successful answers only: 2xx, or the redirect that is location/default/'s success), asks here
/// before its 405 and slash redirect, and looks up <see cref="CredentialFaults"/> for the
/// authenticator, because those change a decision rather than a response. Transport faults are
/// marked on the reply (<see cref="Reply.Delay"/>, <see cref="Reply.DropConnection"/>) and carried out
/// by the writer.
/// </summary>
internal static partial class FaultPostProcessor
{
    /// <summary>What <see cref="Fault.HtmlErrorPage"/> serves: a proxy's or Django's HTML error page instead of the API's JSON.</summary>
    public const string HtmlErrorPage = "<!DOCTYPE html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\"><title>Error</title></head>\n<body><h1>Something went wrong</h1><p>The request could not be completed.</p></body>\n</html>\n";

    public static Reply Apply(Reply reply, string? endpointId, ReferenceServerOptions options)
    {
        if (endpointId is null)
        {
            return reply;
        }

        bool On(Fault fault) => options.Faults.IsActive(fault, endpointId);
        if (reply.Kind == ReplyKind.AuthFailure)
        {
            if (On(Fault.ForbiddenInsteadOfUnauthorized))
            {
                reply.Status = 403;
            }

            if (On(Fault.MissingWwwAuthenticate))
            {
                reply.Headers.RemoveAll(h => h.Key.Equals("WWW-Authenticate", StringComparison.OrdinalIgnoreCase));
            }

            return reply;
        }

        if (reply.Kind != ReplyKind.View)
        {
            return reply;
        }

        if (reply.Status is < 200 or > 299 && !reply.IsNon2xxSuccess)
        {
            if (reply.Status == 403 && On(Fault.UnauthorizedInsteadOfForbidden))
            {
                reply.Status = 401;
            }

            return reply.Status >= 400 && IsJson(reply) && On(Fault.HtmlErrorPage) ? AsHtmlError(reply) : reply;
        }

        if (On(Fault.ServerErrorOnValidRequest))
        {
            return CannedServerError(reply);
        }

        if (reply.IsJsonModel)
        {
            EditModel(reply.Data, endpointId, options);
        }

        var json = IsJson(reply);
        if (On(Fault.WrongContentType) && (json || !string.IsNullOrEmpty(reply.ContentType)))
        {
            // JSON becomes text; a download loses the type its file extension gives it.
            reply.ContentType = json ? "text/plain" : "application/octet-stream";
        }

        if (json && On(Fault.MalformedJson))
        {
            ToRaw(reply, FaultMutations.Truncate(ReplyWriter.Body(reply)));
        }

        if (On(Fault.EmptyBody))
        {
            ToRaw(reply, []);
        }

        if (On(Fault.MissingContentType))
        {
            ToRaw(reply, ReplyWriter.Body(reply));
            reply.ContentType = null;
        }

        if (On(Fault.WrongSuccessStatus))
        {
            reply.Status = 299;
        }

        reply.Delay = On(Fault.SlowResponse) ? options.SlowResponseDelay : TimeSpan.Zero;
        reply.DropConnection = On(Fault.DropConnection);
        return reply;
    }

    /// <summary><see cref="Fault.MethodCheckAfterAuth"/>: authenticate before method_check.</summary>
    public static bool ChecksMethodAfterAuth(Route route, FaultPlan faults) =>
        faults.IsActiveForAny(Fault.MethodCheckAfterAuth, EndpointIds(route));

    /// <summary>method_check's 405 (body and Allow list the allowed methods).</summary>
    public static Reply ApplyToMethodNotAllowed(Reply reply, Route route, FaultPlan faults)
    {
        reply.Kind = ReplyKind.MethodNotAllowed;
        if (faults.IsActiveForAny(Fault.MissingAllowHeader, EndpointIds(route)))
        {
            reply.Headers.RemoveAll(h => h.Key.Equals("Allow", StringComparison.OrdinalIgnoreCase));
        }

        return reply;
    }

    /// <summary><see cref="Fault.NoSlashRedirect"/>: APPEND_SLASH does not redirect the slash-less path of this route.</summary>
    public static bool SuppressesSlashRedirect(Route route, FaultPlan faults) =>
        faults.IsActiveForAny(Fault.NoSlashRedirect, EndpointIds(route));

    /// <summary>Every endpoint id a route serves.</summary>
    private static IEnumerable<string> EndpointIds(Route route) => route.Methods.Values.Select(m => m.EndpointId);

    /// <summary>Body-model faults in this order: drop a field, change a type, break enums, echo the key, then the pagination faults.</summary>
    private static void EditModel(JsonNode? data, string endpointId, ReferenceServerOptions options)
    {
        bool On(Fault fault) => options.Faults.IsActive(fault, endpointId);
        if (On(Fault.DropRequiredField))
        {
            DropFirstProperty(data);
        }

        if (On(Fault.WrongFieldType))
        {
            FaultMutations.ChangeFirstFieldType(data, alphabetical: true);
        }

        if (On(Fault.WrongEnumValue))
        {
            FaultMutations.ReplaceEnumValues(data);
        }

        if (On(Fault.EchoApiKey))
        {
            FaultMutations.EchoKey(data, options.ApiKey);
        }

        if (data is JsonObject { } list && list["meta"] is JsonObject meta)
        {
            Paginate(meta, On(Fault.PaginationWrongTotalCount), On(Fault.PaginationNextLoops), On(Fault.PaginationNextSkipsPage));
        }
    }

    /// <summary>The pagination faults on a tastypie list's meta: total_count + 1; next back to offset 0; next one page further.</summary>
    public static void Paginate(JsonObject meta, bool wrongTotalCount, bool nextLoops, bool nextSkipsPage)
    {
        if (wrongTotalCount && AsLong(meta["total_count"]) is { } count)
        {
            meta["total_count"] = count + 1;
        }

        if (meta["next"] is not JsonValue nextValue || !nextValue.TryGetValue<string>(out var next))
        {
            return;
        }

        if (nextLoops)
        {
            next = Offset().Replace(next, "offset=0");
        }

        if (nextSkipsPage && AsLong(meta["limit"]) is { } limit)
        {
            next = Offset().Replace(next, m => "offset=" + (long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) + limit).ToString(CultureInfo.InvariantCulture));
        }

        meta["next"] = next;
    }

    /// <summary>An integer node's value, whatever CLR type it was built from.</summary>
    private static long? AsLong(JsonNode? node) =>
        node is JsonValue value && long.TryParse(value.ToJsonString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) ? number : null;

    private static bool IsJson(Reply reply) => reply.Style switch
    {
        BodyStyle.Tastypie => reply.ContentType is null && reply.Format == TastypieFormats.Json,
        _ => reply.ContentType is "application/json" or "application_json",
    };

    /// <summary>The reply becomes raw bytes, keeping the Content-Type it would have had.</summary>
    private static void ToRaw(Reply reply, byte[] bytes)
    {
        reply.ContentType = ReplyWriter.ContentType(reply);
        reply.Style = BodyStyle.Raw;
        reply.Data = null;
        reply.Bytes = bytes;
    }

    private static Reply AsHtmlError(Reply reply)
    {
        ToRaw(reply, Encoding.UTF8.GetBytes(HtmlErrorPage));
        reply.ContentType = Reply.HtmlUtf8;
        return reply;
    }

    /// <summary>tastypie's canned 500 (what wrap_view answers for an unexpected exception), keeping the reply's headers.</summary>
    private static Reply CannedServerError(Reply reply)
    {
        var error = Reply.Tastypie(500, new JsonObject { ["error_message"] = "Sorry, this request could not be processed. Please try again later." }, TastypieFormats.Json);
        error.Headers.AddRange(reply.Headers);
        return error;
    }

    /// <summary>Removes the alphabetically first property of an object body (of each object, for an array body).</summary>
    private static void DropFirstProperty(JsonNode? data)
    {
        switch (data)
        {
            case JsonObject obj when obj.Count > 0:
                obj.Remove(obj.Select(p => p.Key).Order(StringComparer.Ordinal).First());
                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    DropFirstProperty(item as JsonObject);
                }

                break;
        }
    }

    [GeneratedRegex(@"(?<=[?&])offset=(\d+)")]
    private static partial Regex Offset();
}
