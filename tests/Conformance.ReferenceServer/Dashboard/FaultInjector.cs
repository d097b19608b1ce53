using System.Text.Json.Nodes;
using Conformance.ReferenceServer.Dashboard.Http;
using Conformance.ReferenceServer.Hosting;

namespace Conformance.ReferenceServer.Dashboard;

/// <summary>
/// The one place where deliberate contract violations are applied to a finished view answer, so the
/// self-tests can prove the suite notices them. Only successful (2xx) answers are touched;
/// <see cref="Fault.AcceptBadKey"/> lives in authentication, where it has to act.
/// </summary>
internal static class FaultInjector
{
    public static DashboardResponse Apply(DashboardResponse response, string endpointId, FaultPlan faults)
    {
        if (response.Status is < 200 or > 299 || !response.FromView)
        {
            return response;
        }
        if (response.Json is not null && faults.IsActive(Fault.DropRequiredField, endpointId))
        {
            response = response with { Json = DropFirstProperty(response.Json) };
        }
        if (response.Json is not null && faults.IsActive(Fault.WrongContentType, endpointId))
        {
            response = response with { ContentType = "text/plain" };
        }
        if (faults.IsActive(Fault.WrongSuccessStatus, endpointId))
        {
            response = response with { Status = 299 };
        }
        return response;
    }

    /// <summary>Removes the first property of the object, or of the first array item that is an object.</summary>
    private static JsonNode DropFirstProperty(JsonNode json)
    {
        var copy = json.DeepClone();
        var target = copy switch
        {
            JsonObject obj => obj,
            JsonArray { Count: > 0 } array => array[0] as JsonObject,
            _ => null,
        };
        if (target is { Count: > 0 })
        {
            target.Remove(target.First().Key);
        }
        return copy;
    }
}
