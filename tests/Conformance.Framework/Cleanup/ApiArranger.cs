using System.Text.Json.Nodes;
using Conformance.Framework.Cases;
using Conformance.Framework.Catalogue;
using Conformance.Framework.Configuration;
using Conformance.Framework.Http;

namespace Conformance.Framework.Cleanup;

/// <summary>
/// Arrangements any target offers through its own API, on top of the target's own arranger: a
/// scratch copy of the transfer source (<see cref="ScratchArea"/>), and an uploaded AIP registered
/// from a scratch copy when the target's arranger cannot make one. Write cases that act on a package
/// act on one of these, never on a package the run did not create.
/// </summary>
public sealed class ApiArranger(ConformanceSession session, IArranger target) : IArranger
{
    public const string UploadedAip = "uploaded-aip";

    private const string AipStorage = "ss.location.list?purpose=AS:objects[0].resource_uri";

    public async Task<IReadOnlyDictionary<string, string>> ArrangeAsync(string arrangement, CancellationToken cancellationToken = default)
    {
        if (arrangement == ScratchArea.Arrangement)
        {
            return await session.Scratch.CopyAsync("arrangement " + arrangement, cancellationToken);
        }

        try
        {
            return await target.ArrangeAsync(arrangement, cancellationToken);
        }
        catch (UnresolvableException) when (arrangement == UploadedAip)
        {
            return await RegisterAipAsync(cancellationToken);
        }
    }

    /// <summary>Registers a scratch copy as an AIP in the first AIP storage location (storing moves the copy, never the transfer source).</summary>
    private async Task<IReadOnlyDictionary<string, string>> RegisterAipAsync(CancellationToken cancellationToken)
    {
        var copy = await session.Scratch.CopyAsync("arrangement " + UploadedAip, cancellationToken);
        var store = await session.Discovery.ResolveAsync(AipStorage, cancellationToken);
        var uuid = Guid.NewGuid().ToString();
        var pipeline = session.Settings.Placeholders.GetValueOrDefault("pipeline-uuid") ?? session.DiscoveredPlaceholders.GetValueOrDefault("pipeline-uuid");
        var body = new JsonObject
        {
            ["uuid"] = uuid,
            ["origin_pipeline"] = $"/api/v2/pipeline/{pipeline}/",
            ["origin_location"] = copy["location-uri"],
            ["origin_path"] = copy["path"],
            ["current_location"] = store,
            ["current_path"] = $"conformance-{session.Run.NextUnique()}",
            ["package_type"] = "AIP",
            ["size"] = 0,
            ["events"] = new JsonArray(),
            ["agents"] = new JsonArray(),
        };
        var endpoint = session.Catalogue["ss.file.create"];
        var plan = new RequestPlan { Method = "POST", Path = "/api/v2/file/", Body = body.ToJsonString(), ContentType = "application/json" };
        var exchange = await session.Client(ServiceKind.Storage)!.SendAsync(plan, AuthMode.Header, "arrangement " + UploadedAip, cancellationToken);
        await session.AfterWriteAsync("arrangement " + UploadedAip, endpoint, Tier.Mutating, exchange, cancellationToken);
        return exchange.Status == 201
            ? new Dictionary<string, string> { ["uuid"] = uuid }
            : throw new UnresolvableException($"an uploaded AIP could not be registered from a scratch copy: POST /api/v2/file/ answered {exchange.TransportError ?? exchange.Status.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
    }
}
