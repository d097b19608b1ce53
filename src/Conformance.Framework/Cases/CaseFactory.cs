
namespace Conformance.Framework.Cases;

/// <summary>Turns the catalogue into test cases: each endpoint × auth mode, its variants, and derived probes.</summary>
public static class CaseFactory
{
    private static readonly string[] WrongMethodCandidates = ["PUT", "PATCH", "DELETE", "POST", "GET"];

    public static IEnumerable<ConformanceCase> All(EndpointCatalogue catalogue) =>
        catalogue.Endpoints.SelectMany(ForEndpoint).Concat(WrongMethodProbes(catalogue));

    public static IEnumerable<ConformanceCase> ForEndpoint(Endpoint endpoint)
    {
        foreach (var apiVersion in ApiVersions(endpoint))
        {
            foreach (var mode in AuthModes.All)
            {
                yield return new ConformanceCase(endpoint, CaseKind.Auth, mode, apiVersion);
            }

            foreach (var variant in endpoint.Cases)
            {
                yield return new ConformanceCase(endpoint, CaseKind.Variant, variant.Mode, apiVersion, variant, variant.Method);
            }

            if (endpoint.TrailingSlashRequired && endpoint.Method == "GET" && endpoint.Tier == Tier.ReadOnly)
            {
                yield return new ConformanceCase(endpoint, CaseKind.MissingSlash, AuthMode.Header, apiVersion);
            }
        }
    }

    /// <summary>One 405 probe per route (endpoints sharing a path share the probe).</summary>
    public static IEnumerable<ConformanceCase> WrongMethodProbes(EndpointCatalogue catalogue) =>
        catalogue.Endpoints
            .GroupBy(e => (e.Service, e.Path))
            .Select(g => g.First())
            .SelectMany(endpoint =>
            {
                var method = WrongMethodCandidates.FirstOrDefault(m => !endpoint.AllowedMethods.Contains(m));
                return method is null || endpoint.Auth == "session"
                    ? []
                    : ApiVersions(endpoint).Select(v => new ConformanceCase(endpoint, CaseKind.WrongMethod, AuthMode.NoCredentials, v, Method: method));
            });

    private static IEnumerable<string?> ApiVersions(Endpoint endpoint) =>
        endpoint.Path.Contains("{api_version}", StringComparison.Ordinal) ? ["v2", "v1"] : [null];
}
