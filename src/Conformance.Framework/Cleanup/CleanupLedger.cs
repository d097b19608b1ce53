using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Conformance.Framework.Cleanup;

/// <summary>Something the run created on the target, and what became of it at the end of the run.</summary>
public sealed record LedgerEntry(string Service, string CreatedBy, string Endpoint, string? Identifier, string? Location)
{
    public const string NotCleaned = "not cleaned: ";

    public string Outcome { get; set; } = NotCleaned + LeftBecause.Default;

    public bool IsLeftover => Outcome.StartsWith(NotCleaned, StringComparison.Ordinal);
}

/// <summary>
/// Records everything the run creates: every accepted write of a case, a hostile probe, a workflow
/// step or an arrangement (identifiers in 2xx answers or in the request, Location headers), and
/// every scratch copy. At the end of the run it removes, hides or requests deletion of each where
/// the API allows, and says of every other one why it is left. Everything a run creates carries the
/// run id (names, descriptions, scratch paths), so leftovers can be found by it. Thread-safe.
/// </summary>
public sealed class CleanupLedger
{
    public const string ScratchCopyEndpoint = "scratch-copy";

    private static readonly string[] IdentifierFields = ["uuid", "id", "reingest_uuid"];

    // Endpoints whose answer names a new transfer (by uuid): the dashboard can hide it once it is done.
    private static readonly HashSet<string> CreatesTransfer = ["am.transfer.approve", "am.v2beta.package.post", "am.transfer.reingest"];

    // Endpoints that register a package under the uuid of the request body.
    private static readonly HashSet<string> RegistersPackage = ["ss.file.create", "ss.file.create_async"];

    // Endpoints that change or read an object the run already has, and create nothing.
    private static readonly HashSet<string> ActsOnly = ["ss.file.move", "ss.file.reindex", "ss.file.check_fixity", "ss.file.post_store_callback", "am.ingest.reingest_approve", "am.filesystem.metadata.post"];

    // Endpoints that copy the request's files[].destination into a location.
    private static readonly HashSet<string> CopiesFiles = ["ss.location.move_files", "ss.location.async_move"];

    private readonly ConcurrentQueue<LedgerEntry> _entries = new();
    private readonly ConcurrentDictionary<string, byte> _seen = new(StringComparer.Ordinal);

    public IReadOnlyList<LedgerEntry> Entries => _entries.ToArray();

    public int Leftovers => _entries.Count(e => e.IsLeftover);

    public void Record(ConformanceCase c, Exchange exchange) => Record(c.Name, c.Endpoint, c.Tier, exchange);

    /// <summary>Records what an accepted write created (nothing for reads, refusals, deletions).</summary>
    public void Record(string createdBy, Endpoint endpoint, Tier tier, Exchange exchange)
    {
        // A registration that failed with a server error may have stored the package before failing.
        var accepted = exchange.Status is >= 200 and < 300 || (RegistersPackage.Contains(endpoint.Id) && exchange.Status >= 500);
        if (tier == Tier.ReadOnly || exchange.TransportError is not null || !accepted
            || endpoint.Method is "DELETE" or "PUT" or "PATCH" || ActsOnly.Contains(endpoint.Id))
        {
            return;
        }

        var identifier = RegistersPackage.Contains(endpoint.Id) ? IdentifierIn(exchange.RequestBody)
            : CopiesFiles.Contains(endpoint.Id) ? DestinationsIn(exchange.RequestBody)
            : IdentifierIn(exchange.Body) ?? PathIn(exchange.Body);
        var location = exchange.Header("Location");
        if ((identifier is not null || location is not null) && _seen.TryAdd($"{endpoint.Id} {identifier} {location}", 0))
        {
            _entries.Enqueue(new LedgerEntry(endpoint.Service.CatalogueName(), createdBy, endpoint.Id, identifier, location)
            {
                Outcome = LedgerEntry.NotCleaned + LeftBecause.For(endpoint.Id),
            });
        }
    }

    /// <summary>Records a scratch copy: a folder in the currently-processing location.</summary>
    public void RecordScratchCopy(string createdBy, string locationUuid, string path) =>
        _entries.Enqueue(new LedgerEntry(ServiceKind.Storage.CatalogueName(), createdBy, ScratchCopyEndpoint, path, $"/api/v2/location/{locationUuid}/")
        {
            Outcome = LedgerEntry.NotCleaned + LeftBecause.ScratchCopy,
        });

    /// <summary>
    /// Hides the transfers this run created where the dashboard allows it, requests deletion of the
    /// packages it registered where the Storage Service allows it; marks every entry with its outcome.
    /// </summary>
    public async Task CleanUpAsync(ConformanceSession session, CancellationToken cancellationToken = default)
    {
        foreach (var entry in _entries.Where(e => e.Identifier is not null))
        {
            if (CreatesTransfer.Contains(entry.Endpoint) && session.Client(ServiceKind.Archivematica) is { } dashboard)
            {
                entry.Outcome = await HideTransferAsync(dashboard, entry, cancellationToken);
            }
            else if (RegistersPackage.Contains(entry.Endpoint) && session.Client(ServiceKind.Storage) is { } storage)
            {
                entry.Outcome = await RequestDeletionAsync(session, storage, entry, cancellationToken);
            }
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

    private static async Task<string> HideTransferAsync(ServiceClient dashboard, LedgerEntry entry, CancellationToken cancellationToken)
    {
        var plan = new RequestPlan { Method = "DELETE", Path = $"/api/transfer/{Uri.EscapeDataString(entry.Identifier!)}/delete/" };
        var exchange = await dashboard.SendAsync(plan, AuthMode.Header, "cleanup: " + entry.CreatedBy, cancellationToken);
        return exchange.Status == 200 ? "hidden (DELETE /api/transfer/<uuid>/delete/)"
            : exchange.TransportError is not null ? LedgerEntry.NotCleaned + exchange.TransportError
            : $"{LedgerEntry.NotCleaned}hiding answered {exchange.Status} (a transfer can be hidden only once it is done)";
    }

    /// <summary>A deletion request (an administrator approves it in the Storage Service); the API deletes nothing itself.</summary>
    private static async Task<string> RequestDeletionAsync(ConformanceSession session, ServiceClient storage, LedgerEntry entry, CancellationToken cancellationToken)
    {
        var pipeline = session.Placeholder("pipeline-uuid");
        var body = new JsonObject { ["event_reason"] = $"conformance {session.Run.RunId}: cleanup of what the run registered", ["pipeline"] = pipeline, ["user_id"] = 1, ["user_email"] = "conformance@example.invalid" };
        var plan = new RequestPlan { Method = "POST", Path = $"/api/v2/file/{Uri.EscapeDataString(entry.Identifier!)}/delete_aip/", Body = body.ToJsonString(), ContentType = "application/json" };
        var exchange = await storage.SendAsync(plan, AuthMode.Header, "cleanup: " + entry.CreatedBy, cancellationToken);
        return exchange.Status switch
        {
            202 => "deletion requested (POST /api/v2/file/<uuid>/delete_aip/); an administrator approves it in the Storage Service",
            200 when exchange.Body.Contains("already exists", StringComparison.Ordinal) => "deletion already requested (by the test that registered it)",
            405 => $"{LedgerEntry.NotCleaned}the Storage Service API cannot delete this package type (a DIP is deleted in the Storage Service UI)",
            404 => "nothing to clean: the package was never stored (404)",
            _ => exchange.TransportError is not null ? LedgerEntry.NotCleaned + exchange.TransportError
                : $"{LedgerEntry.NotCleaned}the deletion request answered {exchange.Status}",
        };
    }

    private static string? IdentifierIn(string? body) => FirstValue(body, IdentifierFields);

    private static string? DestinationsIn(string? body)
    {
        try
        {
            using var document = JsonDocument.Parse(body ?? "");
            return document.RootElement is { ValueKind: JsonValueKind.Object } root && root.TryGetProperty("files", out var files) && files.ValueKind == JsonValueKind.Array
                ? string.Join(", ", files.EnumerateArray().Where(f => f.ValueKind == JsonValueKind.Object && f.TryGetProperty("destination", out _)).Select(f => f.GetProperty("destination").ToString()))
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>start_transfer names what it made by path only.</summary>
    private static string? PathIn(string body) => FirstValue(body, ["path"]);

    /// <summary>
    /// The first of the fields a JSON object body has, as text. JsonDocument, not JsonNode: a probe's
    /// body may repeat a key, which JsonObject refuses.
    /// </summary>
    private static string? FirstValue(string? body, string[] fields)
    {
        try
        {
            using var document = JsonDocument.Parse(body ?? "");
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            foreach (var field in fields)
            {
                if (document.RootElement.TryGetProperty(field, out var value) && value.ValueKind is JsonValueKind.String or JsonValueKind.Number)
                {
                    return value.ToString();
                }
            }

            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
