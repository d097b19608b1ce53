using System.Text.RegularExpressions;

namespace Conformance.ReferenceServer.Dashboard.Routing;

internal delegate Reply EndpointHandler(DashboardRequest request);

/// <summary>
/// One entry of the API URLconf: the regex Django searches in the path after <c>/api/</c>, the
/// methods the view's <c>_api_endpoint</c> decorator allows, the catalogue id of the endpoint a
/// match stands for (some routes serve several ids), and the view.
/// </summary>
internal sealed record DashboardRoute(
    Regex Pattern,
    IReadOnlyList<string> AllowedMethods,
    Func<Match, string, string> EndpointId,
    EndpointHandler Handler);
