namespace Conformance.ReferenceServer.Hosting;

/// <summary>How the reference server is started: addresses, the one accepted identity, versions and faults.</summary>
public sealed record ReferenceServerOptions
{
    /// <summary>Base URL for the dashboard API; port 0 picks a free port. Loopback only.</summary>
    public string ArchivematicaUrl { get; init; } = "http://127.0.0.1:0";

    /// <summary>Base URL for the Storage Service API; port 0 picks a free port. Loopback only.</summary>
    public string StorageServiceUrl { get; init; } = "http://127.0.0.1:0";

    public string User { get; init; } = "test";

    public string ApiKey { get; init; } = "test";

    /// <summary>Storage Service only: the HTTP Basic password of <see cref="User"/>.</summary>
    public string Password { get; init; } = "test-password";

    /// <summary>Emulated dashboard release, sent as X-Archivematica-Version; selects version-dependent behaviour.</summary>
    public string ArchivematicaVersion { get; init; } = "1.13.2";

    /// <summary>Emulated Storage Service release; selects version-dependent behaviour.</summary>
    public string StorageServiceVersion { get; init; } = "0.19.0";

    /// <summary>Deliberate deviations from the contract, used by the self-tests to prove checks can fail.</summary>
    public FaultPlan Faults { get; init; } = FaultPlan.None;

    /// <summary>
    /// How long <see cref="Fault.SlowResponse"/> holds an answer back: just past the suite's default
    /// request timeout (30 s). The self-tests lower both. Bounded, and cut short when the client goes away.
    /// </summary>
    public TimeSpan SlowResponseDelay { get; init; } = TimeSpan.FromSeconds(31);

    /// <summary>A file to append every request to as a JSON line (see <see cref="RequestLog"/>); null: requests are only counted.</summary>
    public string? RequestLogPath { get; init; }
}
