using Conformance.ReferenceServer.Hosting;

namespace Conformance.Tests;

/// <summary>The embedded default: the reference server started in-process on free loopback ports, with a fresh API key per run.</summary>
public static class EmbeddedTarget
{
    public static async Task<(ReferenceServerHost Host, TargetSettings Settings)> StartAsync(SettingsSource source)
    {
        var apiKey = source.Get(Settings.EmbeddedApiKey) ?? RandomSecret();
        var host = await ReferenceServerHost.StartAsync(new ReferenceServerOptions
        {
            ApiKey = apiKey,
            Password = RandomSecret(),
            ArchivematicaVersion = source.Get(Settings.EmbeddedArchivematicaVersion)!,
            StorageServiceVersion = source.Get(Settings.StorageServiceVersion)!,
        });
        var settings = TargetSettings.FromSource(source) with
        {
            IsEmbedded = true,
            Archivematica = DashboardEndpoint(host),
            Storage = StorageEndpoint(host),
            Placeholders = ReferencePlaceholders,
            // The embedded server moves a unit on at each status read: polls need no pause.
            PollInterval = source.IsConfigured(Settings.PollIntervalSeconds) ? source.GetSeconds(Settings.PollIntervalSeconds) : TimeSpan.FromMilliseconds(20),
        };
        return (host, settings);
    }

    /// <summary>The dashboard of a running reference server, with its user and key; reached at <paramref name="via"/> when it is behind a proxy.</summary>
    public static ServiceEndpoint DashboardEndpoint(ReferenceServerHost host, Uri? via = null) =>
        new(ServiceKind.Archivematica, via ?? host.ArchivematicaUrl, new Credentials(host.Options.User, host.Options.ApiKey));

    /// <summary>The Storage Service of a running reference server, with its user, key and Basic password; reached at <paramref name="via"/> when it is behind a proxy.</summary>
    public static ServiceEndpoint StorageEndpoint(ReferenceServerHost host, Uri? via = null) =>
        new(ServiceKind.Storage, via ?? host.StorageServiceUrl, new Credentials(host.Options.User, host.Options.ApiKey)) { Password = host.Options.Password };

    private static string RandomSecret() => Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(20)).ToLowerInvariant();

    public static IReadOnlyDictionary<string, string> ReferencePlaceholders { get; } = new Dictionary<string, string>
    {
        ["pipeline-uuid"] = ReferenceData.PipelineUuid,
        ["transfer-source-location"] = ReferenceData.TransferSourceLocationUuid,
        ["transfer-source-path"] = ReferenceData.TransferSourcePath,
        ["arrange-path"] = ReferenceData.ArrangePath,
    };
}
