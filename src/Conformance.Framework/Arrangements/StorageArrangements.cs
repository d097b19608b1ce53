using System.Text.Json.Nodes;

namespace Conformance.Framework.Arrangements;

/// <summary>
/// Storage Service preconditions made through its API, from the run's scratch copies only: an AIP
/// is a fresh scratch copy registered in an AIP-storage location (storing moves the copy, never the
/// transfer source); a SWORD deposit is a scratch copy registered as a deposit in a deposit location
/// the run creates over its own scratch folder.
/// </summary>
internal sealed partial class StorageArrangements(ConformanceSession session, PipelineAipCopies pipelineAips)
{
    private const string AipStorage = "ss.location.list?purpose=AS:objects[0].resource_uri";
    private const string Backlog = "ss.location.list?purpose=BL:objects[0].resource_uri";
    private const string CurrentlyProcessing = "ss.location.list?purpose=CP:objects[0]";

    private string? _backlogRefused;
    private readonly Lazy<Task<IReadOnlyDictionary<string, string>>> _depositLocation = new(() => CreateDepositLocationAsync(session));
    private readonly Lazy<Task<IReadOnlyDictionary<string, string>>> _aipStoreLocation = new(() => CreateAipStoreLocationAsync(session));

    /// <summary>
    /// uploaded-aip: an AIP with status UPLOADED (fields: uuid; file, a file of the package for extract_file): a copy
    /// of the AIP the run's own ingest stored (<see cref="PipelineAipCopies"/>), or, where the Storage Service does
    /// not list that AIP (a reference server whose pipeline stores nothing), a scratch copy of the transfer source.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, string>> UploadedAipAsync(CancellationToken cancellationToken)
    {
        var calls = new ArrangementCalls(session, "uploaded-aip");
        if (await pipelineAips.SourceAsync(calls, cancellationToken) is { } source)
        {
            var aipStore = await session.Discovery.ResolveAsync(AipStorage, cancellationToken);
            return await pipelineAips.RegisterCopyAsync(calls, source, aipStore,
                Registration(Guid.NewGuid().ToString(), "AIP", "", "", aipStore, ""), cancellationToken);
        }

        var copy = await session.Scratch.CopyAsync(calls.CreatedBy, cancellationToken);
        var file = await FirstFileAsync(calls, copy["location"], copy["path"], cancellationToken);
        var store = await session.Discovery.ResolveAsync(AipStorage, cancellationToken);
        var uuid = Guid.NewGuid().ToString();
        var package = await calls.PostJsonAsync("ss.file.create", "/api/v2/file/",
            Registration(uuid, "AIP", copy["location-uri"], copy["path"], store, session.Run.Unique("aip")), "registering a scratch copy as an AIP", cancellationToken, 201);
        return package["status"]?.GetValue<string>() is "UPLOADED"
            ? new Dictionary<string, string> { ["uuid"] = uuid, ["file"] = file }
            : throw new UnresolvableException($"registering a scratch copy as an AIP gave status '{package["status"]}', not UPLOADED");
    }

    /// <summary>backlog-transfer: a transfer in the backlog, status UPLOADED (fields: uuid).</summary>
    public async Task<IReadOnlyDictionary<string, string>> BacklogTransferAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _backlogRefused) is { } refused)
        {
            throw new UnresolvableException(refused);
        }

        var calls = new ArrangementCalls(session, "backlog-transfer");
        var copy = await session.Scratch.CopyAsync(calls.CreatedBy, cancellationToken);
        var backlog = await session.Discovery.ResolveAsync(Backlog, cancellationToken);
        var uuid = Guid.NewGuid().ToString();
        try
        {
            await calls.PostJsonAsync("ss.file.create", "/api/v2/file/",
                Registration(uuid, "transfer", copy["location-uri"], copy["path"], backlog, session.Run.Unique("backlog")), "registering a scratch copy as a transfer in the backlog", cancellationToken, 201);
        }
        catch (UnresolvableException e) when (e.Message.Contains(" answered 500", StringComparison.Ordinal))
        {
            // The Storage Service indexes a backlog transfer's files from the METS the pipeline writes; a copy of the transfer source has none.
            // Each refused registration leaves a package row behind, so the run does not try again.
            Volatile.Write(ref _backlogRefused, e.Message + " (the Storage Service reads the transfer METS the pipeline writes, metadata/submissionDocumentation, which a copy of {transfer-source-path} lacks; only a transfer the pipeline sent to the backlog can be registered there; not tried again in this run)");
            throw new UnresolvableException(_backlogRefused!);
        }
        return new Dictionary<string, string> { ["uuid"] = uuid };
    }

    /// <summary>deposit-location: a SWORD deposit location (purpose SD, in a FEDORA space) over the run's scratch folder (fields: uuid, resource_uri).</summary>
    public Task<IReadOnlyDictionary<string, string>> DepositLocationAsync() => _depositLocation.Value;

    /// <summary>sword-deposit: a deposit package holding a scratch copy, in the run's deposit location (fields: uuid).</summary>
    public async Task<IReadOnlyDictionary<string, string>> DepositAsync(CancellationToken cancellationToken)
    {
        var calls = new ArrangementCalls(session, "sword-deposit");
        var location = await DepositLocationAsync();
        var copy = await session.Scratch.CopyAsync(calls.CreatedBy, cancellationToken);
        // The copy is tmp/conformance-<run>/<n>/ of the currently-processing location; the deposit location is tmp/conformance-<run>/.
        var folder = copy["path"].TrimEnd('/').Split('/')[^1];
        var uuid = Guid.NewGuid().ToString();
        await calls.PostJsonAsync("ss.file.create", "/api/v2/file/",
            Registration(uuid, "deposit", location["resource_uri"], folder, location["resource_uri"], folder), "registering a scratch copy as a SWORD deposit", cancellationToken, 201);
        return new Dictionary<string, string> { ["uuid"] = uuid };
    }

    private static async Task<IReadOnlyDictionary<string, string>> CreateDepositLocationAsync(ConformanceSession session)
    {
        var calls = new ArrangementCalls(session, "deposit-location");
        var processing = await session.Discovery.ResolveAsync(CurrentlyProcessing + ".path", CancellationToken.None);
        var root = processing.TrimEnd('/');
        var space = await calls.PostJsonAsync("ss.space.create", "/api/v2/space/", new JsonObject
        {
            // A FEDORA space is where SWORD deposits live; its path is the currently-processing location's, so the
            // deposit location below is exactly the run's scratch folder and deposits are scratch copies.
            ["access_protocol"] = "FEDORA",
            ["path"] = root,
            ["staging_path"] = $"{root}/{session.Scratch.Folder}/fedora-staging",
            ["fedora_user"] = "conformance",
            ["fedora_password"] = "not-a-secret-" + session.Run.RunId,
            ["fedora_name"] = "conformance-" + session.Run.RunId,
        }, "creating a FEDORA space for SWORD deposits", CancellationToken.None, 201);
        return await CreateLocationAsync(session, calls, "SD", space["resource_uri"]?.GetValue<string>(), session.Scratch.Folder, "SWORD deposits");
    }

    /// <summary>
    /// aip-store-location: an AIP-storage location (purpose AS) over the run's scratch folder, in the
    /// currently-processing location's space, so a package the run moves there stays in scratch (fields: uuid).
    /// </summary>
    public Task<IReadOnlyDictionary<string, string>> AipStoreLocationAsync() => _aipStoreLocation.Value;

    /// <summary>async-task: an asynchronous task of the Storage Service, a scratch copy made with location async_move (fields: id).</summary>
    public async Task<IReadOnlyDictionary<string, string>> AsyncTaskAsync(CancellationToken cancellationToken)
    {
        var copy = await session.Scratch.CopyAsync("arrangement async-task", cancellationToken, asynchronous: true);
        var id = AsyncId().Match(copy["task"]);
        return id.Success
            ? new Dictionary<string, string> { ["id"] = id.Groups[1].Value }
            : throw new UnresolvableException($"location async_move answered 202 without a Location naming its task (/api/v2/async/<id>/): '{copy["task"]}'");
    }

    private static async Task<IReadOnlyDictionary<string, string>> CreateAipStoreLocationAsync(ConformanceSession session)
    {
        var calls = new ArrangementCalls(session, "aip-store-location");
        var space = await session.Discovery.ResolveAsync(CurrentlyProcessing + ".space", CancellationToken.None);
        var relative = await session.Discovery.ResolveAsync(CurrentlyProcessing + ".relative_path", CancellationToken.None);
        return await CreateLocationAsync(session, calls, "AS", space, $"{relative.TrimEnd('/')}/{session.Scratch.Folder}/aip-store", "AIP store in scratch");
    }

    /// <summary>A location of the run's pipeline (fields: uuid, resource_uri).</summary>
    private static async Task<IReadOnlyDictionary<string, string>> CreateLocationAsync(ConformanceSession session, ArrangementCalls calls, string purpose, string? space, string relativePath, string what)
    {
        var pipeline = session.Placeholder("pipeline-uuid");
        var location = await calls.PostJsonAsync("ss.location.create", "/api/v2/location/", new JsonObject
        {
            ["purpose"] = purpose,
            ["space"] = space,
            ["relative_path"] = relativePath,
            ["description"] = $"conformance run {session.Run.RunId}: {what}",
            ["pipeline"] = pipeline is null ? new JsonArray() : new JsonArray($"/api/v2/pipeline/{pipeline}/"),
        }, $"creating a location ({purpose}: {what})", CancellationToken.None, 201);
        return new Dictionary<string, string>
        {
            ["uuid"] = location["uuid"]?.GetValue<string>() ?? throw new UnresolvableException($"the new {purpose} location has no uuid"),
            ["resource_uri"] = location["resource_uri"]?.GetValue<string>() ?? throw new UnresolvableException($"the new {purpose} location has no resource_uri"),
        };
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"/api/v\d/async/(\d+)/?$")]
    private static partial System.Text.RegularExpressions.Regex AsyncId();

    /// <summary>The first file (not folder) at the top of a scratch copy, as the Storage Service browses it (v2: names in base64).</summary>
    private static async Task<string> FirstFileAsync(ArrangementCalls calls, string location, string path, CancellationToken cancellationToken)
    {
        var query = new KeyValuePair<string, string>("path", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(path)));
        var listing = await calls.SendAsync("ss.location.browse", new RequestPlan { Method = "GET", Path = $"/api/v2/location/{location}/browse/", Query = [query] },
            "browsing the scratch copy", [200], cancellationToken);
        var directories = listing["directories"]?.AsArray().Select(d => d?.GetValue<string>()).ToHashSet() ?? [];
        var file = listing["entries"]?.AsArray().Select(e => e?.GetValue<string>()).FirstOrDefault(e => e is not null && !directories.Contains(e))
            ?? throw new UnresolvableException($"the transfer source's copy has no file at its top ({{transfer-source-path}} holds only folders), so no file of the AIP can be named");
        return System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(file));
    }

    private JsonObject Registration(string uuid, string type, string origin, string originPath, string location, string path) => new()
    {
        ["uuid"] = uuid,
        ["origin_pipeline"] = session.Placeholder("pipeline-uuid") is { } pipeline ? $"/api/v2/pipeline/{pipeline}/" : null,
        ["origin_location"] = origin,
        ["origin_path"] = originPath,
        ["current_location"] = location,
        ["current_path"] = path,
        ["package_type"] = type,
        ["size"] = 0,
        ["events"] = new JsonArray(),
        ["agents"] = new JsonArray(),
    };

}
