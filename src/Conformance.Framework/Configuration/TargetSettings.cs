namespace Conformance.Framework.Configuration;

/// <summary>
/// The resolved description of what to test, built once per run. With no URL configured the suite
/// runs against the embedded reference server (<see cref="IsEmbedded"/>).
/// </summary>
public sealed record TargetSettings
{
    public ServiceEndpoint? Archivematica { get; init; }

    public ServiceEndpoint? Storage { get; init; }

    public bool IsEmbedded { get; init; }

    public string StorageServiceVersion { get; init; } = "0.19.0";

    /// <summary>StorageServiceVersion was not set for a configured target: the preflight detects the release (<see cref="Targets.StorageRelease"/>).</summary>
    public bool DetectStorageServiceVersion { get; init; }

    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    public bool AllowWrites { get; init; }

    public bool AllowDestructive { get; init; }

    /// <summary>Hostile-input probes of write endpoints may be sent (on top of their tier's setting): a vulnerable server acts on them.</summary>
    public bool AllowHostileWrites { get; init; }

    /// <summary>Run endpoints that change objects the run did not create (<see cref="Endpoint.ChangesAll"/>).</summary>
    public bool AllowBulkChanges { get; init; }

    public bool DryRun { get; init; }

    public int MaxRetries { get; init; } = 2;

    /// <summary>Most requests with wrong credentials to send; null: no limit.</summary>
    public int? BadCredentialBudget { get; init; }

    public TlsSettings Tls { get; init; } = new();

    /// <summary>Pause between two status reads of an asynchronous operation (workflows).</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Most status reads per asynchronous operation (workflows).</summary>
    public int PollAttempts { get; init; } = 60;

    /// <summary>Longest wait for one asynchronous operation (workflows).</summary>
    public TimeSpan PollTimeout { get; init; } = TimeSpan.FromSeconds(300);

    /// <summary>File every request sent is appended to, secrets as placeholders (<see cref="Requests.RequestCapture"/>); null: none.</summary>
    public string? RequestLog { get; init; }

    /// <summary>Values for the catalogue's {placeholders}, e.g. "transfer-source-location".</summary>
    public IReadOnlyDictionary<string, string> Placeholders { get; init; } = new Dictionary<string, string>();

    public ServiceEndpoint? For(ServiceKind kind) => kind == ServiceKind.Archivematica ? Archivematica : Storage;

    /// <summary>True when no URL is configured: the caller should start the embedded reference server.</summary>
    public static bool WantsEmbedded(SettingsSource source) =>
        source.Get(Settings.ArchivematicaUrl) is null && source.Get(Settings.StorageServiceUrl) is null;

    /// <summary>Reads a configured (remote) target. Throws <see cref="ConfigurationException"/> with what to fix.</summary>
    public static TargetSettings FromSource(SettingsSource source)
    {
        var timeoutText = source.Get(Settings.RequestTimeoutSeconds)!;
        if (!double.TryParse(timeoutText, System.Globalization.CultureInfo.InvariantCulture, out var seconds) || seconds <= 0)
        {
            throw new ConfigurationException($"{Settings.RequestTimeoutSeconds.Name} ({Settings.RequestTimeoutSeconds.EnvironmentVariable}) must be a positive number of seconds, not '{timeoutText}'.");
        }

        var placeholders = new Dictionary<string, string>();
        AddPlaceholder(placeholders, "transfer-source-location", source.Get(Settings.TransferSourceLocation));
        AddPlaceholder(placeholders, "transfer-source-path", source.Get(Settings.TransferSourcePath));
        AddPlaceholder(placeholders, "arrange-path", source.Get(Settings.ArrangePath));
        AddPlaceholder(placeholders, "processing-config", source.Get(Settings.ProcessingConfig) ?? Settings.ProcessingConfig.Default);

        return new TargetSettings
        {
            Archivematica = ReadService(source, ServiceKind.Archivematica, Settings.ArchivematicaUrl, Settings.ArchivematicaUser, Settings.ArchivematicaApiKey),
            Storage = ReadService(source, ServiceKind.Storage, Settings.StorageServiceUrl, Settings.StorageServiceUser, Settings.StorageServiceApiKey) is { } storage
                ? storage with { Password = source.Get(Settings.StorageServicePassword) }
                : null,
            StorageServiceVersion = source.Get(Settings.StorageServiceVersion)!,
            DetectStorageServiceVersion = !source.IsConfigured(Settings.StorageServiceVersion),
            RequestTimeout = TimeSpan.FromSeconds(seconds),
            AllowWrites = source.GetFlag(Settings.AllowWrites),
            AllowDestructive = source.GetFlag(Settings.AllowDestructive),
            AllowHostileWrites = source.GetFlag(Settings.AllowHostileWrites),
            AllowBulkChanges = source.GetFlag(Settings.AllowBulkChanges),
            DryRun = source.GetFlag(Settings.DryRun),
            MaxRetries = source.GetInt(Settings.MaxRetries, min: 0, max: 10) ?? 2,
            BadCredentialBudget = source.GetInt(Settings.BadCredentialBudget, min: 0, max: int.MaxValue),
            Tls = new TlsSettings(source.Get(Settings.CaBundle), source.GetFlag(Settings.InsecureSkipTlsVerify)),
            Placeholders = placeholders,
            PollInterval = source.GetSeconds(Settings.PollIntervalSeconds),
            PollAttempts = source.GetInt(Settings.PollAttempts, min: 1, max: 10000) ?? 60,
            PollTimeout = source.GetSeconds(Settings.PollTimeoutSeconds),
            RequestLog = source.Get(Settings.RequestLog),
        };
    }

    private static void AddPlaceholder(Dictionary<string, string> placeholders, string name, string? value)
    {
        if (value is not null)
        {
            placeholders[name] = value;
        }
    }

    private static ServiceEndpoint? ReadService(SettingsSource source, ServiceKind kind, Setting url, Setting user, Setting key)
    {
        var urlText = source.Get(url);
        if (urlText is null)
        {
            return null;
        }

        if (!Uri.TryCreate(urlText, UriKind.Absolute, out var baseUrl) || (baseUrl.Scheme != Uri.UriSchemeHttp && baseUrl.Scheme != Uri.UriSchemeHttps))
        {
            throw new ConfigurationException($"{url.Name} ({url.EnvironmentVariable}) must be an absolute http(s) URL, not '{urlText}'.");
        }

        if (!string.IsNullOrEmpty(baseUrl.UserInfo) || baseUrl.Query.Contains("api_key", StringComparison.OrdinalIgnoreCase))
        {
            throw new ConfigurationException($"{url.Name} ({url.EnvironmentVariable}) must not carry credentials; set {user.EnvironmentVariable} and {key.EnvironmentVariable} instead.");
        }

        var userName = source.Get(user);
        var apiKey = source.Get(key);
        if (userName is null || apiKey is null)
        {
            throw new ConfigurationException($"{kind.DisplayName()} URL is set but credentials are missing: set {user.EnvironmentVariable} and {key.EnvironmentVariable} (or {user.Name} and {key.Name} in runsettings).");
        }

        return new ServiceEndpoint(kind, WithTrailingSlash(baseUrl), new Credentials(userName, apiKey));
    }

    // Paths in the catalogue start with "/api/...": keep any path prefix the instance is mounted under.
    private static Uri WithTrailingSlash(Uri url) =>
        url.AbsolutePath.EndsWith('/') ? url : new Uri(url.GetLeftPart(UriPartial.Path) + "/");
}
