using System.Text.Json.Nodes;

namespace Conformance.ReferenceServer.Storage.Resources;

/// <summary>tastypie Api.top_level: /api/{v}/ lists every resource; no authentication, any method.</summary>
internal static class RootResource
{
    private static readonly string[] Names = ["async", "file", "location", "pipeline", "space"];

    /// <summary>?fullschema= is "falsy" only when absent, empty, false/False or none/None (string_to_python).</summary>
    public static Reply TopLevel(ApiContext ctx)
    {
        var full = ctx.Request.Query.Get("fullschema") is { Length: > 0 } flag && flag is not ("false" or "False" or "none" or "None");
        var data = new JsonObject();
        foreach (var name in Names)
        {
            data[name] = new JsonObject
            {
                ["list_endpoint"] = ctx.ListUri(name),
                ["schema"] = full ? SchemaBuilder.Build(ctx.Definition(name), ctx.ApiVersion) : $"/api/{ctx.ApiVersion}/{name}/schema/",
            };
        }
        return ctx.Respond(200, data);
    }
}
