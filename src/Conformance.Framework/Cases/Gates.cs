namespace Conformance.Framework.Cases;

/// <summary>
/// Why a case may not run on the session's target, one reason per gate; null where it may. The
/// <see cref="Executor"/> asks them in this order: the service is configured, the target's release
/// has the endpoint, the tier's setting (and AllowHostileWrites for hostile input to a write
/// endpoint), AllowBulkChanges for an endpoint that changes what the run did not create, writes
/// not halted, then after the request is prepared the dry run and the
/// bad-credential budget. A new gate is one more line in <see cref="BeforeRequest"/>.
/// </summary>
public static class Gates
{
    /// <summary>The gates that need no request: the first reason not to run, or null.</summary>
    public static string? BeforeRequest(ConformanceSession session, ISuiteCase c) =>
        c.Services.Select(s => session.Client(s) is null ? NotConfiguredReason(s) : null).FirstOrDefault(r => r is not null)
        ?? VersionGate(session, c.Endpoint)
        ?? (c.Hostile ? HostileTierGate(session.Settings, c.Tier) : TierGate(session.Settings, c.Tier))
        ?? BulkChangeGate(session.Settings, c)
        ?? HaltGate(session, c.Tier);

    /// <summary>
    /// Why a write to an endpoint that changes objects the run did not create (hide every completed
    /// transfer) may not run, or null: a run touches only what it created unless the user says otherwise.
    /// </summary>
    public static string? BulkChangeGate(TargetSettings settings, ISuiteCase c) =>
        settings.IsEmbedded || c.Tier == Tier.ReadOnly || c.ChangesAll is not { } what || settings.AllowBulkChanges ? null
            : $"not run: {c.Endpoint?.Id ?? c.Name} changes {what}, not only what this run created; set {Settings.AllowBulkChanges.Name}=true ({Settings.AllowBulkChanges.EnvironmentVariable}=true) on an instance where that is acceptable";

    public static string NotConfiguredReason(ServiceKind service) => service == ServiceKind.Archivematica
        ? $"not run: the Archivematica dashboard is not configured (set {Settings.ArchivematicaUrl.EnvironmentVariable}, {Settings.ArchivematicaUser.EnvironmentVariable} and {Settings.ArchivematicaApiKey.EnvironmentVariable})"
        : $"not run: the Storage Service is not configured (set {Settings.StorageServiceUrl.EnvironmentVariable}, {Settings.StorageServiceUser.EnvironmentVariable} and {Settings.StorageServiceApiKey.EnvironmentVariable})";

    /// <summary>Why the target's release does not have the endpoint, or null.</summary>
    public static string? VersionGate(ConformanceSession session, Endpoint? endpoint)
    {
        if (endpoint is null)
        {
            return null;
        }

        var version = session.Version(endpoint.Service);
        return version is not null && endpoint.Versions.TryGetValue(endpoint.Service.CatalogueName(), out var range) && !range.Contains(version)
            ? $"{endpoint.Id} is not part of {endpoint.Service.DisplayName()} {version} (exists in {range})"
            : null;
    }

    /// <summary>Why no more writes may be sent: an earlier copy took the transfer source away (see <see cref="Cleanup.ScratchArea"/>).</summary>
    public static string? HaltGate(ConformanceSession session, Tier tier) =>
        tier != Tier.ReadOnly && session.Scratch.HaltReason is { } reason ? $"not run: writes were stopped for the rest of the run: {reason}" : null;

    /// <summary>Why a test of this tier may not run against this target (the setting that allows it), or null when it may.</summary>
    public static string? TierGate(TargetSettings settings, Tier tier) => settings.IsEmbedded ? null : tier switch
    {
        Tier.Mutating when !settings.AllowWrites =>
            $"not run: mutating test (creates or changes data); set {Settings.AllowWrites.Name}=true ({Settings.AllowWrites.EnvironmentVariable}=true) to run it against this target",
        Tier.External when !settings.AllowWrites =>
            $"not run: external side effect (writes on the target or calls another system); set {Settings.AllowWrites.Name}=true ({Settings.AllowWrites.EnvironmentVariable}=true) to run it against this target",
        Tier.Destructive when !settings.AllowDestructive =>
            $"not run: destructive test (deletes or replaces data); set {Settings.AllowDestructive.Name}=true ({Settings.AllowDestructive.EnvironmentVariable}=true) to run it against this target",
        _ => null,
    };

    /// <summary>
    /// Why a hostile-input probe of this tier may not run against this target, or null when it may.
    /// A write endpoint that accepts a hostile value acts on it (real services copied and moved the
    /// files such paths named), so besides the tier's own setting it takes AllowHostileWrites;
    /// AllowWrites alone never sends one. The embedded server runs everything.
    /// </summary>
    public static string? HostileTierGate(TargetSettings settings, Tier tier)
    {
        if (settings.IsEmbedded || tier == Tier.ReadOnly)
        {
            return TierGate(settings, tier);
        }

        Setting[] missing =
        [
            .. TierGate(settings, tier) is null ? [] : new[] { TierSetting(tier) },
            .. settings.AllowHostileWrites ? [] : new[] { Settings.AllowHostileWrites },
        ];
        return missing.Length == 0 ? null
            : $"not run: hostile input to a {tier.Name()} endpoint (a vulnerable server acts on what it accepts); set {string.Join(" and ", missing.Select(s => $"{s.Name}=true ({s.EnvironmentVariable}=true)"))} to run it against this target";
    }

    /// <summary>Takes one request from the budget when the case presents wrong credentials; why not when it is used up.</summary>
    public static string? BadCredentialBudget(ConformanceSession session, ISuiteCase c) =>
        c.PresentsWrongCredentials && !session.TrySpendBadCredentialRequest()
            ? $"not run: the bad-credential budget ({session.Settings.BadCredentialBudget}) is used up; raise {Settings.BadCredentialBudget.Name} ({Settings.BadCredentialBudget.EnvironmentVariable}) to send more"
            : null;

    private static Setting TierSetting(Tier tier) => tier == Tier.Destructive ? Settings.AllowDestructive : Settings.AllowWrites;
}
