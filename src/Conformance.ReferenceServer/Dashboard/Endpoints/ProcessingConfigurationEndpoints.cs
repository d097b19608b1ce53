using System.Text.Json.Nodes;

namespace Conformance.ReferenceServer.Dashboard.Endpoints;

/// <summary><c>processing-configuration/{name}</c> (GET, DELETE) and the list.</summary>
internal static class ProcessingConfigurationEndpoints
{
    /// <summary>
    /// The name is whatever <c>\w{1,16}</c> matched (longer names truncated, a hyphen ends it).
    /// GET needs an Accept header that is exactly <c>*/*</c> or mentions xml (else 415, also when absent)
    /// and serves <c>text/xml</c>; the built-ins are regenerated when missing.
    /// </summary>
    public static Reply Single(DashboardRequest request)
    {
        var name = request.RouteValue("name");
        var notFound = DashboardReply.JsonBody(new JsonObject
        {
            ["success"] = false,
            ["error"] = $"No such processing config \"{name}\".",
        }, 404);

        if (request.Method == "DELETE")
        {
            return request.State.Locked(data => data.ProcessingConfigs.Remove(name)
                ? DashboardReply.JsonBody(new JsonObject { ["success"] = true })
                : notFound);
        }

        var accept = (request.Header("Accept") ?? "").ToLowerInvariant();
        if (accept != "*/*" && !accept.Contains("xml", StringComparison.Ordinal))
        {
            return Reply.Empty(415);
        }
        return request.State.Locked(data =>
        {
            if (data.ProcessingConfigs.TryGetValue(name, out var content))
            {
                return DashboardReply.Xml(content);
            }
            if (ProcessingConfigs.BuiltIn(name) is { } builtIn)
            {
                data.ProcessingConfigs[name] = builtIn;
                return DashboardReply.Xml(builtIn);
            }
            return notFound;
        });
    }

    public static Reply List(DashboardRequest request) => request.State.Locked(data =>
    {
        var names = new JsonArray();
        foreach (var name in data.ProcessingConfigs.Keys.Order(StringComparer.Ordinal))
        {
            names.Add(name);
        }
        return DashboardReply.JsonBody(new JsonObject { ["processing_configurations"] = names });
    });
}
