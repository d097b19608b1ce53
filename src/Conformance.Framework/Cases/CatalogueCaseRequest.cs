
namespace Conformance.Framework.Cases;

/// <summary>A catalogue case's request: the endpoint's (or the variant's) template expanded, then bent as the case kind needs; one exchange, judged by <see cref="CaseVerifier"/>.</summary>
internal static class CatalogueCaseRequest
{
    public static async Task<Prepared> PrepareAsync(ConformanceCase c, ConformanceSession session, CancellationToken cancellationToken)
    {
        var endpoint = c.Endpoint;
        var client = session.Client(endpoint.Service)!;
        if (c.Mode == AuthMode.Basic && endpoint.Service == ServiceKind.Storage && client.Endpoint.Password is null)
        {
            return Prepared.Cannot($"not run: HTTP Basic needs the user's password; set {Settings.StorageServicePassword.Name} ({Settings.StorageServicePassword.EnvironmentVariable})");
        }

        var plan = await PlanAsync(c, session, cancellationToken);
        var line = $"{plan.Method} {client.Endpoint.BaseUrl.ToString().TrimEnd('/')}{plan.Path}{Query(plan)}  [{c.Tier.Name()}, auth {c.Mode}]";
        return Prepared.Ready(line, async (testName, ct) =>
        {
            var version = session.Version(endpoint.Service);
            var exchange = await client.SendAsync(plan, c.Mode, testName, ct);
            await session.AfterWriteAsync(testName, endpoint, c.Tier, exchange, ct);
            return async () =>
            {
                var results = await CaseVerifier.VerifyAsync(c, exchange, session.Catalogue.Services[endpoint.Service], version, plan.Path, session.Schemas);
                var verdict = new Verdict { Exchange = exchange, Results = results };
                return verdict with { KnownDeviations = session.KnownDeviations.Covering(c.Name, endpoint.Service, version, verdict) };
            };
        });
    }

    private static string Query(RequestPlan plan) =>
        plan.Query.Count == 0 ? "" : "?" + string.Join('&', plan.Query.Select(q => $"{q.Key}={Uri.EscapeDataString(q.Value)}"));

    private static async Task<RequestPlan> PlanAsync(ConformanceCase c, ConformanceSession session, CancellationToken cancellationToken)
    {
        var template = c.Kind switch
        {
            CaseKind.Variant => c.Variant!.Request,
            // A 405 probe needs only the route: nothing else is sent, so nothing else must resolve.
            CaseKind.WrongMethod => new RequestTemplate { PathParams = c.Endpoint.Request.PathParams, Arrange = c.Endpoint.Request.Arrange },
            _ => c.Endpoint.Request,
        };
        var forProbe = c.Kind == CaseKind.WrongMethod;
        var plan = await session.Expander.ExpandAsync(c.Endpoint, template, c.ApiVersion, forProbe, cancellationToken, sharedArrangement: !c.ActsOnItsObject);
        return c.Kind switch
        {
            CaseKind.Variant => plan with { Method = c.SentMethod },
            CaseKind.WrongMethod => plan with { Method = c.SentMethod, Form = null, Body = null, ContentType = null },
            CaseKind.MissingSlash => plan with { Path = plan.Path.TrimEnd('/') },
            _ => plan,
        };
    }
}
