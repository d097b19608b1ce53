using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Conformance.Framework.Arrangements;

/// <summary>
/// AIPs for uploaded-aip made from the one AIP the run's own ingest stored (completed-ingest): a
/// move_files copy of it into the run's scratch folder, registered under a new UUID. A copy of the
/// transfer source is no AIP to the real Storage Service: 0.19 answers 500 to registering any folder
/// (it checksums the folder as a file), 0.20 and later to a folder that is not a BagIt bag (no
/// tag manifest to checksum). A compressed AIP is a file, which every release registers; the
/// compression event its pointer file records goes with it, as the pipeline sends it.
/// </summary>
internal sealed partial class PipelineAipCopies(ConformanceSession session, Func<CancellationToken, Task<IReadOnlyDictionary<string, string>>> completedIngest)
{
    private const string CurrentlyProcessing = "ss.location.list?purpose=CP:objects[0].uuid";
    private const string PremisSchema = "http://www.loc.gov/premis/v3 http://www.loc.gov/standards/premis/v3/premis.xsd";

    private readonly SemaphoreSlim _sourceLock = new(1, 1);
    private Source? _source;
    private bool _looked;

    /// <summary>The run's pipeline-made AIP as the Storage Service lists it; null when it does not list it (a server whose pipeline stores nothing).</summary>
    public async Task<Source?> SourceAsync(ArrangementCalls calls, CancellationToken cancellationToken)
    {
        await _sourceLock.WaitAsync(cancellationToken);
        try
        {
            // Found or not listed, the answer holds for the run; a failure is asked again (the shared ingest answers at once).
            if (!_looked)
            {
                _source = await FindSourceAsync(calls, cancellationToken);
                _looked = true;
            }

            return _source;
        }
        finally
        {
            _sourceLock.Release();
        }
    }

    /// <summary>A fresh copy of <paramref name="source"/> registered as an AIP (fields: uuid, file).</summary>
    public async Task<IReadOnlyDictionary<string, string>> RegisterCopyAsync(ArrangementCalls calls, Source source, string store, JsonObject registration, CancellationToken cancellationToken)
    {
        var processing = await session.Discovery.ResolveAsync(CurrentlyProcessing, cancellationToken);
        var folder = $"{session.Scratch.Folder}/{session.Run.NextUnique()[session.Run.RunId.Length..]}";
        var copy = $"{folder}/{source.Name}" + (source.Compressed ? "" : "/");
        var body = new JsonObject
        {
            ["origin_location"] = source.Location,
            ["pipeline"] = registration["origin_pipeline"]?.GetValue<string>(),
            ["files"] = new JsonArray(new JsonObject { ["source"] = source.Path + (source.Compressed ? "" : "/"), ["destination"] = copy }),
        };
        await calls.PostJsonAsync("ss.location.move_files", $"/api/v2/location/{processing}/", body,
            $"copying the AIP the run's ingest stored ({source.Uuid}) into the run's scratch folder (move_files)", cancellationToken, 200);
        session.Ledger.RecordScratchCopy(calls.CreatedBy, processing, folder + "/");

        registration["origin_location"] = $"/api/v2/location/{processing}/";
        registration["origin_path"] = copy;
        registration["current_location"] = store;
        registration["current_path"] = source.Name;
        registration["size"] = source.Size;
        registration["aip_subtype"] = "Archival Information Package";
        if (source.CompressionDetail is { } detail)
        {
            registration["events"] = new JsonArray(CompressionEvent(detail));
        }

        var uuid = registration["uuid"]!.GetValue<string>();
        var package = await calls.PostJsonAsync("ss.file.create", "/api/v2/file/", registration,
            $"registering a copy of the AIP the run's ingest stored ({source.Uuid}) as a new AIP", cancellationToken, 201);
        return package["status"]?.GetValue<string>() is "UPLOADED"
            ? new Dictionary<string, string> { ["uuid"] = uuid, ["file"] = source.TopFile }
            : throw new UnresolvableException($"registering a copy of the AIP the run's ingest stored gave status '{package["status"]}', not UPLOADED");
    }

    private async Task<Source?> FindSourceAsync(ArrangementCalls calls, CancellationToken cancellationToken)
    {
        IReadOnlyDictionary<string, string> ingest;
        try
        {
            ingest = await completedIngest(cancellationToken);
        }
        catch (UnresolvableException e)
        {
            throw new UnresolvableException("an AIP is registered as a copy of the one the run's own ingest stored (the Storage Service refuses a copy of the transfer source, which is no BagIt bag), and that ingest could not be made: " + e.Message);
        }

        var uuid = ingest["uuid"];
        var package = await calls.GetOrNullAsync("ss.file.detail", $"/api/v2/file/{uuid}/", "reading the AIP the run's ingest stored", cancellationToken);
        if (package is null)
        {
            return null;
        }

        var location = package["current_location"]?.GetValue<string>() ?? throw new UnresolvableException($"the Storage Service gave the AIP {uuid} no current_location");
        var path = package["current_path"]?.GetValue<string>()?.TrimEnd('/') ?? throw new UnresolvableException($"the Storage Service gave the AIP {uuid} no current_path");
        var name = path.Split('/')[^1];
        var suffix = ArchiveSuffix().Match(name);
        var compressed = suffix.Success;
        var top = compressed ? name[..^suffix.Length] : name;
        var detail = compressed ? await CompressionDetailAsync(calls, uuid, cancellationToken) : null;
        return new Source(uuid, location, path, name, compressed, package["size"]?.GetValue<long>() ?? 0, detail, $"{top}/bagit.txt");
    }

    /// <summary>The compression event's detail ("program=7z; algorithm=bzip2; version=...") from the AIP's pointer file.</summary>
    private static async Task<string> CompressionDetailAsync(ArrangementCalls calls, string uuid, CancellationToken cancellationToken)
    {
        var pointer = await calls.GetTextAsync("ss.file.pointer_file", $"/api/v2/file/{uuid}/pointer_file/", "reading the pointer file of the AIP the run's ingest stored", cancellationToken);
        return CompressionDetail().Match(pointer) is { Success: true } match
            ? System.Net.WebUtility.HtmlDecode(match.Groups[1].Value.Trim())
            : throw new UnresolvableException($"the pointer file of the AIP {uuid} records no compression event, so a copy of it cannot be registered as a compressed AIP");
    }

    /// <summary>A PREMIS compression event in the nested-list form the Storage Service reads (metsrw's premisrw data), as Archivematica's store_aip sends it.</summary>
    private static JsonArray CompressionEvent(string detail) => new(
        "event",
        new JsonObject { ["xsi:schema_location"] = PremisSchema, ["version"] = "3.0" },
        new JsonArray("event_identifier", new JsonArray("event_identifier_type", "UUID"), new JsonArray("event_identifier_value", Guid.NewGuid().ToString())),
        new JsonArray("event_type", "compression"),
        new JsonArray("event_date_time", DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss+00:00", System.Globalization.CultureInfo.InvariantCulture)),
        new JsonArray("event_detail_information", new JsonArray("event_detail", detail)),
        new JsonArray("event_outcome_information", new JsonArray("event_outcome", ""),
            new JsonArray("event_outcome_detail", new JsonArray("event_outcome_detail_note", "copied by the conformance suite"))));

    /// <summary>Whether a package path names an archive (a compressed package is one file).</summary>
    public static bool IsCompressed(string path) => ArchiveSuffix().IsMatch(path);

    [GeneratedRegex(@"(\.7z|\.tar\.gz|\.tar\.bz2|\.tar|\.zip|\.tgz)$")]
    private static partial Regex ArchiveSuffix();

    [GeneratedRegex(@"<premis:eventType>compression</premis:eventType>.*?<premis:eventDetail>(.*?)</premis:eventDetail>", RegexOptions.Singleline)]
    private static partial Regex CompressionDetail();

    /// <summary>The AIP copied: where the Storage Service keeps it, its file or folder name, and the file at its top that extract_file names.</summary>
    internal sealed record Source(string Uuid, string Location, string Path, string Name, bool Compressed, long Size, string? CompressionDetail, string TopFile);
}
