using System.Text.Json.Nodes;
using Conformance.ReferenceServer.Hosting;

namespace Conformance.ReferenceServer.Storage.Http;

/// <summary>
/// The one place where deliberate contract deviations (self-test faults) alter a finished response.
/// Only successful answers (2xx, or the redirect that is location/default/'s success) of the faulted endpoint are touched; AcceptBadKey is applied by the
/// authenticator because it changes the decision, not the response.
/// </summary>
internal static class FaultPostProcessor
{
    public static void Apply(Reply reply, string? endpointId, FaultPlan faults)
    {
        if (endpointId is null || (reply.Status is < 200 or > 299 && !reply.IsNon2xxSuccess))
        {
            return;
        }
        if (faults.IsActive(Fault.DropRequiredField, endpointId) && reply.IsJsonModel)
        {
            DropFirstProperty(reply.Data);
        }
        if (faults.IsActive(Fault.WrongContentType, endpointId) && IsJson(reply))
        {
            reply.ContentType = "text/plain";
        }
        if (faults.IsActive(Fault.WrongSuccessStatus, endpointId))
        {
            reply.Status = 299;
        }
    }

    private static bool IsJson(Reply reply) => reply.Style switch
    {
        BodyStyle.Tastypie => reply.ContentType is null && reply.Format == TastypieFormats.Json,
        _ => reply.ContentType is "application/json" or "application_json",
    };

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
}
