namespace Conformance.Framework.Configuration;

/// <summary>
/// One configuration parameter: its runsettings name (TestRunParameters), the environment variable
/// that overrides it, its default and its meaning. The README table lists exactly these.
/// </summary>
public sealed record Setting(string Name, string EnvironmentVariable, string? Default, string Meaning, bool IsSecret = false);

public static class Settings
{
    public static readonly Setting ArchivematicaUrl = new("ArchivematicaUrl", "ARCHIVEMATICA_URL", null,
        "Dashboard base URL, e.g. https://am.example.org. Leave both URLs empty to run against the embedded reference server.");
    public static readonly Setting ArchivematicaUser = new("ArchivematicaUser", "ARCHIVEMATICA_USER", null, "Dashboard user name.");
    public static readonly Setting ArchivematicaApiKey = new("ArchivematicaApiKey", "ARCHIVEMATICA_API_KEY", null, "Dashboard API key (never printed).", IsSecret: true);
    public static readonly Setting StorageServiceUrl = new("StorageServiceUrl", "STORAGE_SERVICE_URL", null,
        "Storage Service base URL, e.g. https://ss.example.org:8000. Empty: its tests are reported as not run.");
    public static readonly Setting StorageServiceUser = new("StorageServiceUser", "STORAGE_SERVICE_USER", null, "Storage Service user name.");
    public static readonly Setting StorageServiceApiKey = new("StorageServiceApiKey", "STORAGE_SERVICE_API_KEY", null, "Storage Service API key (never printed).", IsSecret: true);
    public static readonly Setting StorageServicePassword = new("StorageServicePassword", "STORAGE_SERVICE_PASSWORD", null,
        "The Storage Service user's password, to test HTTP Basic auth (never printed). Empty: those tests are inconclusive.", IsSecret: true);
    public static readonly Setting StorageServiceVersion = new("StorageServiceVersion", "STORAGE_SERVICE_VERSION", "0.19.0",
        "Storage Service release to expect (it announces none). Empty: detected at preflight from what it serves (README, Versions); the embedded server emulates this release.");
    public static readonly Setting RequestTimeoutSeconds = new("RequestTimeoutSeconds", "REQUEST_TIMEOUT_SECONDS", "30", "Per-request timeout in seconds.");
    public static readonly Setting AllowWrites = new("AllowWrites", "ALLOW_WRITES", "false",
        "Run mutating tests (they create and hide data) against a configured target. Always on for the embedded server.");
    public static readonly Setting AllowDestructive = new("AllowDestructive", "ALLOW_DESTRUCTIVE", "false",
        "Run destructive tests (reingest, deletions, level replacement) against a configured target. Always on for the embedded server.");
    public static readonly Setting AllowHostileWrites = new("AllowHostileWrites", "ALLOW_HOSTILE_WRITES", "false",
        "Also send hostile-input probes to write endpoints of a configured target (with AllowWrites/AllowDestructive for their tier); a vulnerable server acts on what it accepts. Always on for the embedded server.");
    public static readonly Setting AllowBulkChanges = new("AllowBulkChanges", "ALLOW_BULK_CHANGES", "false",
        "Also run the tests of endpoints that change objects the run did not create: the dashboard's hide-all-completed (it hides the user's completed transfers and ingests too), fetching levels of description (replaces them), deleting the built-in processing configuration (regenerated with its defaults). Off even with AllowDestructive; always on for the embedded server.");
    public static readonly Setting TransferSourceLocation = new("TransferSourceLocation", "TRANSFER_SOURCE_LOCATION", null,
        "UUID of a transfer-source location, for start_transfer, package and copy_metadata_files (writes only).");
    public static readonly Setting TransferSourcePath = new("TransferSourcePath", "TRANSFER_SOURCE_PATH", null,
        "A directory inside that location, only ever read: writes work on run-scoped copies of it (writes only).");
    public static readonly Setting ProcessingConfig = new("ProcessingConfig", "PROCESSING_CONFIG", "automated",
        "The dashboard processing configuration the suite's own transfers use when a test needs a processed one (writes only): it must take a transfer to a stored AIP without a decision (the built-in 'automated' scans for viruses, which fails where no ClamAV runs).");
    public static readonly Setting ArrangePath = new("ArrangePath", "ARRANGE_PATH", null,
        "An arrange path with a level of description, for filesystem/metadata (e.g. /arrange/my-sip/).");
    public static readonly Setting AllureResultsDirectory = new("AllureResultsDirectory", "ALLURE_RESULTS_DIRECTORY", "allure-results",
        "Folder for the Allure results (relative: from the repository root). Emptied of Allure files at the start of each run.");
    public static readonly Setting StatementDirectory = new("StatementDirectory", "STATEMENT_DIRECTORY", "TestResults",
        "Folder for the conformance statement of each run (relative: from the repository root).");
    public static readonly Setting EmbeddedApiKey = new("EmbeddedApiKey", "EMBEDDED_API_KEY", null,
        "API key of the embedded reference server (default: a fresh random key per run). Set a distinctive one to scan the artefacts for it.", IsSecret: true);

    public static readonly Setting EmbeddedArchivematicaVersion = new("EmbeddedArchivematicaVersion", "EMBEDDED_ARCHIVEMATICA_VERSION", "1.13.2",
        "Dashboard release the embedded reference server emulates (1.13 to 1.17); its Storage Service follows StorageServiceVersion.");
    public static readonly Setting DryRun = new("DryRun", "DRY_RUN", "false",
        "List every request the run would send (method, URL with keys masked, tier, test) without sending any.");
    public static readonly Setting MaxRetries = new("MaxRetries", "MAX_RETRIES", "2",
        "Retries of an idempotent read (GET, HEAD, OPTIONS) after a connection error, 429, 502, 503 or 504; Retry-After is honoured up to 10 s.");
    public static readonly Setting BadCredentialBudget = new("BadCredentialBudget", "BAD_CREDENTIAL_BUDGET", null,
        "Most requests with wrong credentials to send (lockout or IP-blocking middleware); beyond it those tests are skipped. Empty: no limit.");
    public static readonly Setting CaBundle = new("CaBundle", "CA_BUNDLE", null,
        "PEM file of extra certificate authorities to trust (a private CA). TLS verification stays on.");
    public static readonly Setting InsecureSkipTlsVerify = new("InsecureSkipTlsVerify", "INSECURE_SKIP_TLS_VERIFY", "false",
        "Accept any TLS certificate. Never for production; the run prints a warning when it is on.");

    public static readonly Setting PollIntervalSeconds = new("PollIntervalSeconds", "POLL_INTERVAL_SECONDS", "2",
        "Seconds between two status reads of an asynchronous operation in a workflow (the embedded server: 0.02 unless set).");
    public static readonly Setting PollAttempts = new("PollAttempts", "POLL_ATTEMPTS", "60",
        "Most status reads per asynchronous operation in a workflow; then it is reported as still processing (inconclusive), never as a bare timeout.");
    public static readonly Setting PollTimeoutSeconds = new("PollTimeoutSeconds", "POLL_TIMEOUT_SECONDS", "300",
        "Longest wait in seconds for one asynchronous operation in a workflow, whichever of this and PollAttempts comes first.");
    public static readonly Setting RequestLog = new("RequestLog", "REQUEST_LOG", null,
        "File to append every request sent to, one JSON line each with when it left and when its answer was read (for bench/real.sh). Keys and the password are written as placeholders naming their variable, never as values.");

    public static readonly Setting RecordSnapshots = new("RecordSnapshots", "RECORD_SNAPSHOTS", "false",
        "Record mode: write one normalized snapshot per answered test into <folder>/<dashboard version>+<storage version>/<read-only or sandbox>/ (true: fixtures/snapshots; relative: from the repository root). README, \"Snapshots and parity\".");

    public static IReadOnlyList<Setting> All { get; } =
    [
        ArchivematicaUrl, ArchivematicaUser, ArchivematicaApiKey,
        StorageServiceUrl, StorageServiceUser, StorageServiceApiKey, StorageServicePassword, StorageServiceVersion,
        RequestTimeoutSeconds, AllowWrites, AllowDestructive, AllowHostileWrites, AllowBulkChanges,
        TransferSourceLocation, TransferSourcePath, ProcessingConfig, ArrangePath,
        AllureResultsDirectory, StatementDirectory, EmbeddedApiKey, EmbeddedArchivematicaVersion,
        DryRun, MaxRetries, BadCredentialBudget, CaBundle, InsecureSkipTlsVerify,
        PollIntervalSeconds, PollAttempts, PollTimeoutSeconds, RequestLog, RecordSnapshots,
    ];
}
