using System.Text;
using System.Text.Json.Nodes;
using Conformance.ReferenceServer.Dashboard.Http;
using Conformance.ReferenceServer.Hosting;

namespace Conformance.ReferenceServer.Dashboard;

/// <summary>
/// The one place where the dashboard's deliberate contract violations (<see cref="Fault"/>) are
/// decided, so the self-tests can prove the suite notices them. The pipeline hands every answer it
/// builds through here: view answers (<see cref="Apply"/>), the authentication failure, the 405 and
/// the slash redirect. Faults that change the authentication decision itself are looked up with
/// <see cref="CredentialFaults.For"/> and consulted by <see cref="ApiKeyAuthentication"/>; transport
/// faults are marked on the answer (<see cref="DashboardResponse.Delay"/>,
/// <see cref="DashboardResponse.DropConnection"/>) and carried out by the writer.
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

    /// <summary>A finished view answer (X-Archivematica-* headers already on it). Success faults touch 2xx view answers only; <see cref="Fault.HtmlErrorPage"/> touches JSON error answers.</summary>
    public static DashboardResponse Apply(DashboardResponse response, string endpointId, ReferenceServerOptions options)
    {
        bool On(Fault fault) => options.Faults.IsActive(fault, endpointId);

        if (response.Status is >= 400 and < 500 && response.FromView)
        {
            if (On(Fault.ServerErrorOnBadInput))
            {
                return DashboardResponse.ServerErrorPage();
            }

            if (On(Fault.DebugPageOnBadInput))
            {
                return response with { Json = null, ContentType = DashboardResponse.HtmlType, Text = DebugPage };
            }
        }

        if (response.Status is < 200 or > 299 || !response.FromView)
        {
            return response.Status >= 400 && response.Json is not null && On(Fault.HtmlErrorPage) ? AsHtmlError(response) : response;
        }

        if (On(Fault.ServerErrorOnValidRequest))
        {
            return DashboardResponse.ServerErrorPage();
        }

        if (response.Json is not null)
        {
            response = response with { Json = EditJson(response.Json, endpointId, options) };
            if (On(Fault.WrongContentType))
            {
                response = response with { ContentType = "text/plain" };
            }

            if (On(Fault.MalformedJson))
            {
                response = response with { Json = null, Text = Encoding.UTF8.GetString(FaultMutations.Truncate(response.BodyBytes())) };
            }
        }

        if (On(Fault.EmptyBody))
        {
            response = response with { Json = null, Text = "" };
        }

        if (On(Fault.MissingContentType))
        {
            response = response with { ContentType = null };
        }

        if (On(Fault.MissingVersionHeader))
        {
            response = response.WithoutHeader("X-Archivematica-Version");
        }

        if (On(Fault.WrongSuccessStatus))
        {
            response = response with { Status = 299 };
        }

        return response with
        {
            Delay = On(Fault.SlowResponse) ? options.SlowResponseDelay : TimeSpan.Zero,
            DropConnection = On(Fault.DropConnection),
        };
    }

    /// <summary>The 403 {"message": "API key not valid.", "error": true} of tastypie's failed authentication.</summary>
    public static DashboardResponse ApplyToAuthFailure(DashboardResponse failure, string endpointId, ReferenceServerOptions options)
    {
        bool On(Fault fault) => options.Faults.IsActive(fault, endpointId);

        if (On(Fault.HtmlErrorPage))
        {
            failure = AsHtmlError(failure);
        }

        if (On(Fault.UnauthorizedInsteadOfForbidden))
        {
            failure = failure with { Status = 401 };
        }

        if (On(Fault.VersionHeadersOnAuthFailure))
        {
            failure = WithPipelineHeaders(failure, options);
        }

        return failure;
    }

    /// <summary><see cref="Fault.MethodCheckAfterAuth"/>: authenticate before the decorator's method check.</summary>
    public static bool ChecksMethodAfterAuth(IEnumerable<string> routeEndpointIds, FaultPlan faults) =>
        faults.IsActiveForAny(Fault.MethodCheckAfterAuth, routeEndpointIds);

    /// <summary>The decorator's empty 405 with Allow.</summary>
    public static DashboardResponse ApplyToMethodNotAllowed(DashboardResponse response, IEnumerable<string> routeEndpointIds, FaultPlan faults) =>
        faults.IsActiveForAny(Fault.MissingAllowHeader, routeEndpointIds) ? response.WithoutHeader("Allow") : response;

    /// <summary><see cref="Fault.NoSlashRedirect"/>: APPEND_SLASH does not redirect the slash-less path of this route.</summary>
    public static bool SuppressesSlashRedirect(IEnumerable<string> routeEndpointIds, FaultPlan faults) =>
        faults.IsActiveForAny(Fault.NoSlashRedirect, routeEndpointIds);

    /// <summary>The X-Archivematica-* headers every view answer carries (and, under a fault, the authentication failure).</summary>
    public static DashboardResponse WithPipelineHeaders(DashboardResponse response, ReferenceServerOptions options) =>
        response.WithHeader("X-Archivematica-Version", options.ArchivematicaVersion).WithHeader("X-Archivematica-ID", ReferenceData.PipelineUuid);

    /// <summary>The body faults, applied to a copy of the tree in this order: drop a field, change a type, break enums, echo the key.</summary>
    private static JsonNode EditJson(JsonNode json, string endpointId, ReferenceServerOptions options)
    {
        bool On(Fault fault) => options.Faults.IsActive(fault, endpointId);

        var copy = json.DeepClone();
        if (On(Fault.DropRequiredField))
        {
            DropFirstProperty(copy);
        }

        if (On(Fault.WrongFieldType))
        {
            FaultMutations.ChangeFirstFieldType(copy, alphabetical: false);
        }

        if (On(Fault.WrongEnumValue))
        {
            FaultMutations.ReplaceEnumValues(copy);
        }

        if (On(Fault.EchoApiKey))
        {
            FaultMutations.EchoKey(copy, options.ApiKey);
        }

        return copy;
    }

    private static DashboardResponse AsHtmlError(DashboardResponse response) =>
        response with { ContentType = DashboardResponse.HtmlType, Json = null, Text = HtmlErrorPage };

    /// <summary>Removes the first property of the object, or of the first array item that is an object.</summary>
    private static void DropFirstProperty(JsonNode json)
    {
        var target = json switch
        {
            JsonObject obj => obj,
            JsonArray { Count: > 0 } array => array[0] as JsonObject,
            _ => null,
        };
        if (target is { Count: > 0 })
        {
            target.Remove(target.First().Key);
        }
    }
}
