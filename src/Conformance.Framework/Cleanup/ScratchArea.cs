using System.Text;
using System.Text.Json.Nodes;

namespace Conformance.Framework.Cleanup;

/// <summary>
/// Run-scoped scratch copies of the transfer source, made the way Archivematica makes them: the
/// Storage Service's move_files copies {transfer-source-path} into the currently-processing location,
/// under <c>tmp/conformance-&lt;run id&gt;/&lt;n&gt;/</c>. Every write that names a path works on one
/// of these, never on the transfer source: the real Storage Service stores a package by MOVING its
/// origin, so a registration from the transfer source would take the user's files away.
/// The transfer source is browsed before the first write and again after each write: a server whose
/// copy (move_files, start_transfer, package creation) moved it halts every further write of the run
/// (<see cref="HaltReason"/>).
/// </summary>
public sealed class ScratchArea(ConformanceSession session)
{
    public const string Arrangement = "scratch-copy";

    private const string CurrentlyProcessing = "ss.location.list?purpose=CP:objects[0].uuid";

    private readonly SemaphoreSlim _baselineLock = new(1, 1);
    private IReadOnlyList<string>? _baseline;
    private string? _haltReason;

    /// <summary>The run's scratch folder, relative to the currently-processing location.</summary>
    public string Folder => $"tmp/conformance-{session.Run.RunId}";

    /// <summary>Why writes were stopped (a copy took the transfer source away), or null.</summary>
    public string? HaltReason => Volatile.Read(ref _haltReason);

    /// <summary>
    /// Makes a fresh copy; its fields: location (uuid), location-uri, path (relative to the location, ends in /).
    /// <paramref name="asynchronous"/>: with location async/ (async_move), which answers 202 at once; field task, its Location header.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, string>> CopyAsync(string createdBy, CancellationToken cancellationToken = default, bool asynchronous = false)
    {
        // A copy is a write: a read-only run (or a read-only case that names an arrangement) makes none.
        if (!session.Settings.IsEmbedded && !session.Settings.AllowWrites)
        {
            throw new UnresolvableException($"a scratch copy of the transfer source is a write; set {Settings.AllowWrites.Name}=true ({Settings.AllowWrites.EnvironmentVariable}=true) to make one on this target");
        }

        if (HaltReason is { } halted)
        {
            throw new UnresolvableException("writes were stopped for the rest of the run: " + halted);
        }

        var storage = session.Client(ServiceKind.Storage)
            ?? throw new UnresolvableException("a scratch copy needs the Storage Service (its move_files endpoint copies the transfer source)");
        var source = Placeholder("transfer-source-location", Settings.TransferSourceLocation);
        var sourcePath = Placeholder("transfer-source-path", Settings.TransferSourcePath).Trim('/');
        var pipeline = Placeholder("pipeline-uuid", null);
        var location = await session.Discovery.ResolveAsync(CurrentlyProcessing, cancellationToken);

        var before = await BaselineAsync(storage, source, sourcePath, cancellationToken);
        var path = $"{Folder}/{session.Run.NextUnique()[session.Run.RunId.Length..]}/";
        var body = new JsonObject
        {
            ["origin_location"] = $"/api/v2/location/{source}/",
            ["pipeline"] = $"/api/v2/pipeline/{pipeline}/",
            ["files"] = new JsonArray(new JsonObject { ["source"] = sourcePath + "/", ["destination"] = path }),
        };
        var (route, expected) = asynchronous ? ("async/", 202) : ("", 200);
        var plan = new RequestPlan { Method = "POST", Path = $"/api/v2/location/{location}/{route}", Body = body.ToJsonString(), ContentType = "application/json" };
        var exchange = await storage.SendAsync(plan, AuthMode.Header, $"scratch copy: {createdBy}", cancellationToken);
        if (exchange.TransportError is not null || exchange.Status != expected)
        {
            throw new UnresolvableException($"the scratch copy of {{transfer-source-path}} could not be made: POST /api/v2/location/<currently processing>/{route} ({(asynchronous ? "async_move" : "move_files")}) answered {exchange.TransportError ?? exchange.Status.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
        }

        session.Ledger.RecordScratchCopy(createdBy, location, path);
        if (await ChangedAsync(storage, source, sourcePath, before, cancellationToken) is { } change)
        {
            Halt($"the Storage Service's move_files changed the transfer source it was asked to copy ({change}); no further write was sent");
            throw new UnresolvableException(HaltReason!);
        }

        return new Dictionary<string, string> { ["location"] = location, ["location-uri"] = $"/api/v2/location/{location}/", ["path"] = path, ["task"] = exchange.Header("Location") ?? "" };
    }

    /// <summary>Takes the transfer source's listing before any write, when writes may name it; nothing when it is not configured or cannot be browsed.</summary>
    public async Task CaptureBaselineAsync(CancellationToken cancellationToken = default)
    {
        if (session.Client(ServiceKind.Storage) is not { } storage || TransferSource is not ({ } location, { } path))
        {
            return;
        }

        try
        {
            await BaselineAsync(storage, location, path, cancellationToken);
        }
        catch (UnresolvableException)
        {
            // Nothing to compare with: reported by the first write that needs a scratch copy.
        }
    }

    /// <summary>After a write: halts every further write when the transfer source no longer lists what it listed.</summary>
    public async Task WatchAsync(string testName, Exchange exchange, CancellationToken cancellationToken = default)
    {
        if (_baseline is not { } before || HaltReason is not null || exchange.TransportError is not null
            || session.Client(ServiceKind.Storage) is not { } storage || TransferSource is not ({ } location, { } path))
        {
            return;
        }

        if (await ChangedAsync(storage, location, path, before, cancellationToken) is { } change)
        {
            Halt($"after {testName} ({exchange.Method} {new Uri(exchange.Url).AbsolutePath} answered {exchange.Status}) the transfer source no longer lists what it listed before the run's first write ({change}); no further write was sent");
        }
    }

    /// <summary>Whether the transfer source still lists what it listed before the first copy (null: never copied, or unreadable).</summary>
    public async Task<bool?> TransferSourceUnchangedAsync(CancellationToken cancellationToken = default)
    {
        if (_baseline is null || session.Client(ServiceKind.Storage) is not { } storage || TransferSource is not ({ } location, { } path))
        {
            return null;
        }

        return await ChangedAsync(storage, location, path, _baseline, cancellationToken) is null;
    }

    /// <summary>What changed in the transfer source's listing, or null when nothing did.</summary>
    private static async Task<string?> ChangedAsync(ServiceClient storage, string location, string path, IReadOnlyList<string> before, CancellationToken cancellationToken)
    {
        IReadOnlyList<string> after;
        try
        {
            after = await BrowseAsync(storage, location, path, cancellationToken);
        }
        catch (UnresolvableException e)
        {
            return $"{path} can no longer be browsed: {e.Message}";
        }

        return after.SequenceEqual(before) ? null : $"{path}: before [{string.Join(", ", before)}], after [{string.Join(", ", after)}]";
    }

    /// <summary>The transfer-source location and the path in it (no slashes around), or null when either is not configured.</summary>
    private (string Location, string Path)? TransferSource =>
        session.Placeholder("transfer-source-location") is { } location && session.Placeholder("transfer-source-path") is { } path
            ? (location, path.Trim('/')) : null;

    private void Halt(string reason) => Interlocked.CompareExchange(ref _haltReason, reason, null);

    private async Task<IReadOnlyList<string>> BaselineAsync(ServiceClient storage, string location, string path, CancellationToken cancellationToken)
    {
        await _baselineLock.WaitAsync(cancellationToken);
        try
        {
            _baseline ??= await BrowseAsync(storage, location, path, cancellationToken);
            return _baseline;
        }
        finally
        {
            _baselineLock.Release();
        }
    }

    /// <summary>The entries browse lists at a path of a location, decoded, sorted; throws when they cannot be read or there are none.</summary>
    private static async Task<IReadOnlyList<string>> BrowseAsync(ServiceClient storage, string location, string path, CancellationToken cancellationToken)
    {
        var plan = new RequestPlan
        {
            Method = "GET",
            Path = $"/api/v2/location/{location}/browse/",
            Query = [new("path", Convert.ToBase64String(Encoding.UTF8.GetBytes(path)))],
        };
        var exchange = await storage.SendAsync(plan, AuthMode.Header, "scratch copy: browse the transfer source", cancellationToken);
        var entries = exchange.Status == 200 && ParseOrNull(exchange.Body)?["entries"] is JsonArray array
            ? array.Select(e => Decode(e?.GetValue<string>() ?? "")).Order(StringComparer.Ordinal).ToList()
            : null;
        return entries is { Count: > 0 } ? entries
            : throw new UnresolvableException($"the transfer source {{transfer-source-path}} could not be browsed before copying it (GET /api/v2/location/<transfer source>/browse/ answered {exchange.TransportError ?? exchange.Status.ToString(System.Globalization.CultureInfo.InvariantCulture)}{(entries is { Count: 0 } ? " with no entries" : "")})");
    }

    private string Placeholder(string name, Setting? setting) =>
        session.Placeholder(name) ?? throw new UnresolvableException(setting is null
            ? $"a scratch copy needs {{{name}}}, which was not learnt from the target"
            : $"a scratch copy needs {{{name}}}: set {setting.Name} ({setting.EnvironmentVariable})");

    private static JsonNode? ParseOrNull(string body)
    {
        try
        {
            return JsonNode.Parse(body);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private static string Decode(string base64)
    {
        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(base64));
        }
        catch (FormatException)
        {
            return base64;
        }
    }
}
