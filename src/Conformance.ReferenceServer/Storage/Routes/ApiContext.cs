using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Conformance.ReferenceServer.Storage.Routes;

/// <summary>Everything a route handler needs: the request, the matched route values, the state and the API version.</summary>
internal sealed class ApiContext
{
    public required StorageRequest Request { get; init; }

    public required StorageState State { get; init; }

    public required Match Match { get; init; }

    /// <summary>"v1" or "v2": resource URIs inside bodies follow the version requested.</summary>
    public required string ApiVersion { get; init; }

    public StorageVersion Version => State.Version;

    /// <summary>Work a view does after the state lock is released (a call to another service), given the view's reply; its reply is the answer.</summary>
    public Func<Reply, Reply>? AfterUnlock { get; set; }

    public string Group(string name) => Match.Groups[name].Value;

    public string ListUri(string resource) => $"/api/{ApiVersion}/{resource}/";

    public string Uri(string resource, string id) => $"/api/{ApiVersion}/{resource}/{id}/";

    public ResourceDefinition Definition(string resource) => Definitions.For(resource, State, ApiVersion);

    public ListFilters Filters => new(name => Definitions.For(name, State, ApiVersion), Version);

    /// <summary>self.create_response: serialised in the negotiated format (a broken Accept raises BadRequest here).</summary>
    public Reply Respond(int status, JsonNode? data, bool resourceObject = false) =>
        Reply.Tastypie(status, data, FormatNegotiator.Determine(Request, Version), resourceObject);
}
