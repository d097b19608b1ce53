using Conformance.ReferenceServer.Hosting;

namespace Conformance.Framework.Targets;

/// <summary>
/// The one place a target is built: the embedded reference server, a configured URL, or a
/// reference server reached through something in front of it (a proxy). The suite, the self-tests
/// and the benchmark all ask it, so a session is always built and preflighted the same way.
/// </summary>
public sealed class TargetFactory(EndpointCatalogue catalogue, SchemaRegistry schemas, KnownDeviations? knownDeviations = null, RunContext? run = null)
{
    private readonly RunContext _run = run ?? new RunContext();

    /// <summary>
    /// What the suite runs against: the configured instance, or, when no URL is set, the embedded
    /// reference server (two instances: one for reads, one for writes). Throws
    /// <see cref="ConfigurationException"/> with what to fix.
    /// </summary>
    public async Task<Target> FromSettingsAsync(SettingsSource source)
    {
        if (!TargetSettings.WantsEmbedded(source))
        {
            return await ConfiguredAsync(TargetSettings.FromSource(source));
        }

        var settings = TargetSettings.FromSource(source) with
        {
            // The embedded server moves a unit on at each status read: polls need no pause.
            PollInterval = source.IsConfigured(Settings.PollIntervalSeconds) ? source.GetSeconds(Settings.PollIntervalSeconds) : TimeSpan.FromMilliseconds(20),
        };
        var reads = await ReferenceServerHost.StartAsync(EmbeddedOptions(source));
        var writes = await ReferenceServerHost.StartAsync(EmbeddedOptions(source));
        var read = Session(OnReferenceServer(settings, reads), new EmbeddedArranger(reads));
        var write = Session(OnReferenceServer(settings, writes), new EmbeddedArranger(writes));
        return await PreflightAsync(new Target { Session = read, WriteSession = write, Started = [reads, writes] });
    }

    /// <summary>A target configured by URL (nothing is started; preconditions are arranged through the API).</summary>
    public Task<Target> ConfiguredAsync(TargetSettings settings)
    {
        var session = Session(settings, new NoArranger());
        return PreflightAsync(new Target { Session = session, WriteSession = session });
    }

    /// <summary>
    /// A running reference server as an embedded target (arranged in-process, everything allowed),
    /// reached directly or at <paramref name="via"/> (a proxy in front of each service). With
    /// <paramref name="owned"/> the target stops the server when it is disposed.
    /// </summary>
    public Task<Target> ReferenceServerAsync(ReferenceServerHost host, TargetSettings settings, (Uri Dashboard, Uri Storage)? via = null, bool owned = true)
    {
        var session = Session(OnReferenceServer(settings, host, via), new EmbeddedArranger(host));
        return PreflightAsync(new Target { Session = session, WriteSession = session, Started = owned ? [host] : [] });
    }

    /// <summary><paramref name="settings"/> pointed at a reference server: its endpoints, its credentials, its placeholder values.</summary>
    public static TargetSettings OnReferenceServer(TargetSettings settings, ReferenceServerHost host, (Uri Dashboard, Uri Storage)? via = null, bool embedded = true) => settings with
    {
        IsEmbedded = embedded,
        Archivematica = new(ServiceKind.Archivematica, via?.Dashboard ?? host.ArchivematicaUrl, new Credentials(host.Options.User, host.Options.ApiKey)),
        Storage = new(ServiceKind.Storage, via?.Storage ?? host.StorageServiceUrl, new Credentials(host.Options.User, host.Options.ApiKey)) { Password = host.Options.Password },
        StorageServiceVersion = host.Options.StorageServiceVersion,
        DetectStorageServiceVersion = false,
        Placeholders = ReferencePlaceholders,
    };

    /// <summary>The reference server's own values for the catalogue's placeholders (ReferenceData).</summary>
    public static IReadOnlyDictionary<string, string> ReferencePlaceholders { get; } = new Dictionary<string, string>
    {
        ["pipeline-uuid"] = ReferenceData.PipelineUuid,
        ["transfer-source-location"] = ReferenceData.TransferSourceLocationUuid,
        ["transfer-source-path"] = ReferenceData.TransferSourcePath,
        ["arrange-path"] = ReferenceData.ArrangePath,
    };

    private ConformanceSession Session(TargetSettings settings, IArranger arranger) =>
        new(settings, catalogue, schemas, arranger, _run, knownDeviations);

    /// <summary>The preflight on each session (both services at once); a dry run sends nothing, not even this.</summary>
    private static async Task<Target> PreflightAsync(Target target)
    {
        if (target.Settings.DryRun)
        {
            return target;
        }

        foreach (var session in target.Sessions)
        {
            if (await PreflightCheck.RunAsync(session) is { } failure)
            {
                return target with { PreflightFailure = failure };
            }
        }

        return target;
    }

    /// <summary>The embedded server: free loopback ports, a fresh API key and password per instance unless a key is configured.</summary>
    private static ReferenceServerOptions EmbeddedOptions(SettingsSource source) => new()
    {
        ApiKey = source.Get(Settings.EmbeddedApiKey) ?? RandomSecret(),
        Password = RandomSecret(),
        ArchivematicaVersion = source.Get(Settings.EmbeddedArchivematicaVersion)!,
        StorageServiceVersion = source.Get(Settings.StorageServiceVersion)!,
    };

    private static string RandomSecret() => Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(20)).ToLowerInvariant();
}
