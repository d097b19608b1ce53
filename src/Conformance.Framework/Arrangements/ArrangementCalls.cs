using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Conformance.Framework.Arrangements;

/// <summary>
/// The requests an arrangement sends through the target's own API: with valid header credentials,
/// each write recorded in the cleanup ledger and checked against the transfer source like any write
/// of the run, and every refusal turned into a reason that says what the target did.
/// </summary>
internal sealed class ArrangementCalls(ConformanceSession session, string arrangement)
{
    public string CreatedBy { get; } = "arrangement " + arrangement;

    public async Task<JsonNode> SendAsync(string endpointId, RequestPlan plan, string what, int[] accepted, CancellationToken cancellationToken, bool json = true)
    {
        var exchange = await ExchangeAsync(endpointId, plan, what, accepted, cancellationToken);
        return json ? Json(exchange, plan, what) : new JsonObject();
    }

    /// <summary>A GET's JSON, or null when the service answers 404 (it does not know the object).</summary>
    public async Task<JsonNode?> GetOrNullAsync(string endpointId, string path, string what, CancellationToken cancellationToken)
    {
        var plan = new RequestPlan { Method = "GET", Path = path };
        var exchange = await ExchangeAsync(endpointId, plan, what, [200, 404], cancellationToken);
        return exchange.Status == 404 ? null : Json(exchange, plan, what);
    }

    /// <summary>A GET's body as text (a pointer file, a METS document).</summary>
    public async Task<string> GetTextAsync(string endpointId, string path, string what, CancellationToken cancellationToken) =>
        (await ExchangeAsync(endpointId, new RequestPlan { Method = "GET", Path = path }, what, [200], cancellationToken)).Body;

    private async Task<Exchange> ExchangeAsync(string endpointId, RequestPlan plan, string what, int[] accepted, CancellationToken cancellationToken)
    {
        var endpoint = session.Catalogue[endpointId];
        var client = session.Client(endpoint.Service)
            ?? throw new UnresolvableException($"{what} needs the {endpoint.Service.DisplayName()}, which is not configured");
        var exchange = await client.SendAsync(plan, AuthMode.Header, CreatedBy, cancellationToken);
        await session.AfterWriteAsync(CreatedBy, endpoint, endpoint.Tier, exchange, cancellationToken);
        return exchange.TransportError is null && accepted.Contains(exchange.Status)
            ? exchange
            : throw new UnresolvableException($"{what} failed: {exchange.Method} {plan.Path} answered {Answer(exchange)}");
    }

    private static JsonNode Json(Exchange exchange, RequestPlan plan, string what)
    {
        try
        {
            return JsonNode.Parse(exchange.Body) ?? new JsonObject();
        }
        catch (JsonException)
        {
            throw new UnresolvableException($"{what} failed: {exchange.Method} {plan.Path} answered {Answer(exchange)}, not JSON");
        }
    }

    public Task<JsonNode> GetAsync(string endpointId, string path, string what, CancellationToken cancellationToken) =>
        SendAsync(endpointId, new RequestPlan { Method = "GET", Path = path }, what, [200], cancellationToken);

    public Task<JsonNode> PostJsonAsync(string endpointId, string path, JsonObject body, string what, CancellationToken cancellationToken, params int[] accepted) =>
        SendAsync(endpointId, new RequestPlan { Method = "POST", Path = path, Body = body.ToJsonString(), ContentType = "application/json" }, what, accepted, cancellationToken);

    private static string Answer(Exchange exchange)
    {
        if (exchange.TransportError is { } error)
        {
            return error;
        }

        var body = exchange.Body.Length > 200 ? exchange.Body[..200] + "..." : exchange.Body;
        return $"{exchange.Status.ToString(CultureInfo.InvariantCulture)} {body}".TrimEnd();
    }
}
