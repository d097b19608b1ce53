using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Conformance.Framework.Cases;
using Conformance.Framework.Catalogue;
using Conformance.Framework.Configuration;
using Conformance.Framework.Http;

namespace Conformance.Framework.Cleanup;

/// <summary>Something a write test created on the target, and what became of it at the end of the run.</summary>
public sealed record LedgerEntry(string Service, string CreatedBy, string Endpoint, string? Identifier, string? Location)
{
    public string Outcome { get; set; } = "not cleaned: the API offers no way to remove it";
}

/// <summary>
/// Records what write tests create (identifiers in 2xx answers, Location headers); at the end of the
/// run hides what the API allows (dashboard transfers and ingests) and reports the rest. Everything a
/// run creates carries the run id (names use {unique} or {run}), so leftovers can be found by it.
/// Thread-safe.
/// </summary>
public sealed class CleanupLedger
{
    private static readonly string[] IdentifierFields = ["uuid", "id", "reingest_uuid"];

    // Endpoints whose answer names a new transfer (by uuid): the dashboard can hide it once it is done.
    private static readonly HashSet<string> CreatesTransfer = ["am.transfer.approve", "am.v2beta.package.post", "am.transfer.reingest"];

    private readonly ConcurrentQueue<LedgerEntry> _entries = new();

    public IReadOnlyList<LedgerEntry> Entries => _entries.ToArray();

    public void Record(ConformanceCase c, Exchange exchange)
    {
        if (c.Tier == Tier.ReadOnly || exchange.TransportError is not null || exchange.Status is < 200 or >= 300 || c.Endpoint.Method == "DELETE")
        {
            return;
        }

        var identifier = IdentifierIn(exchange.Body);
        var location = exchange.Header("Location");
        if (identifier is not null || location is not null)
        {
            _entries.Enqueue(new LedgerEntry(c.Endpoint.Service.CatalogueName(), c.Name, c.Endpoint.Id, identifier, location));
        }
    }

    /// <summary>Hides the transfers this run created where the dashboard allows it; marks every entry with its outcome.</summary>
    public async Task CleanUpAsync(ConformanceSession session, CancellationToken cancellationToken = default)
    {
        var dashboard = session.Client(ServiceKind.Archivematica);
        foreach (var entry in _entries)
        {
            if (dashboard is null || entry.Identifier is null || !CreatesTransfer.Contains(entry.Endpoint))
            {
                continue;
            }

            var plan = new RequestPlan { Method = "DELETE", Path = $"/api/transfer/{Uri.EscapeDataString(entry.Identifier)}/delete/" };
            var exchange = await dashboard.SendAsync(plan, AuthMode.Header, "cleanup: " + entry.CreatedBy, cancellationToken);
            entry.Outcome = exchange.Status == 200 ? "hidden (DELETE /api/transfer/<uuid>/delete/)"
                : exchange.TransportError is not null ? $"not cleaned: {exchange.TransportError}"
                : $"not cleaned: hiding answered {exchange.Status} (a transfer can be hidden only once it is done)";
        }
    }

    public string ToJson() => new JsonArray(_entries.Select(e => (JsonNode)new JsonObject
    {
        ["service"] = e.Service,
        ["endpoint"] = e.Endpoint,
        ["created_by"] = e.CreatedBy,
        ["identifier"] = e.Identifier,
        ["location"] = e.Location,
        ["outcome"] = e.Outcome,
    }).ToArray()).ToJsonString(new JsonSerializerOptions { WriteIndented = true });

    private static string? IdentifierIn(string body)
    {
        try
        {
            return JsonNode.Parse(body) is JsonObject obj
                ? IdentifierFields.Select(f => obj[f]).OfType<JsonValue>().Select(v => v.ToString()).FirstOrDefault()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
