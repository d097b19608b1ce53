
namespace Conformance.Framework.Cases;

/// <summary>Runs one case against the session's target: decides whether it may run, builds and sends the request, checks the answer.</summary>
public sealed class CaseRunner(ConformanceSession session)
{
    public async Task<Verdict> RunAsync(ConformanceCase c, string testName, CancellationToken cancellationToken = default) =>
        await (await SendAsync(c, testName, cancellationToken))();

    /// <summary>
    /// Everything up to the answer: the gates, the request, the exchange. Checking the answer is left
    /// to the returned judgement, so a batch of exchanges can be sent before any is judged.
    /// </summary>
    public async Task<Judgement> SendAsync(ConformanceCase c, string testName, CancellationToken cancellationToken = default)
    {
        var endpoint = c.Endpoint;
        if (Gate(session, endpoint, c.Tier) is { } notRun)
        {
            return Judgements.NotRun(NotRunKind.Ignored, notRun);
        }

        var client = session.Client(endpoint.Service)!;
        var version = session.Version(endpoint.Service);

        if (c.Mode == AuthMode.Basic && endpoint.Service == ServiceKind.Storage && client.Endpoint.Password is null)
        {
            return Judgements.NotRun(NotRunKind.Inconclusive, $"not run: HTTP Basic needs the user's password; set {Settings.StorageServicePassword.Name} ({Settings.StorageServicePassword.EnvironmentVariable})");
        }

        RequestPlan plan;
        try
        {
            plan = await PlanAsync(c, cancellationToken);
        }
        catch (UnresolvableException e)
        {
            return Judgements.NotRun(NotRunKind.Inconclusive, $"{c.Name} could not be exercised: {e.Message}");
        }

        if (session.Settings.DryRun)
        {
            var line = $"{plan.Method} {client.Endpoint.BaseUrl.ToString().TrimEnd('/')}{plan.Path}{Query(plan)}  [{c.Tier.Name()}, auth {c.Mode}]  {testName}";
            session.DryRunPlan.Enqueue(line);
            return Judgements.NotRun(NotRunKind.Ignored, "DRY RUN: would send " + line);
        }

        if (c.Mode.PresentsWrongCredentials(endpoint.Service) && !session.TrySpendBadCredentialRequest())
        {
            return Judgements.NotRun(NotRunKind.Ignored, $"not run: the bad-credential budget ({session.Settings.BadCredentialBudget}) is used up; raise {Settings.BadCredentialBudget.Name} ({Settings.BadCredentialBudget.EnvironmentVariable}) to send more");
        }

        var exchange = await client.SendAsync(plan, c.Mode, testName, cancellationToken);
        await session.AfterWriteAsync(testName, endpoint, c.Tier, exchange, cancellationToken);
        return async () =>
        {
            var results = await CaseVerifier.VerifyAsync(c, exchange, session.Catalogue.Services[endpoint.Service], version, plan.Path, session.Schemas);
            var verdict = new Verdict { Exchange = exchange, Results = results };
            return verdict with { KnownDeviations = session.KnownDeviations.Covering(c.Name, endpoint.Service, version, verdict) };
        };
    }

    private static string Query(RequestPlan plan) =>
        plan.Query.Count == 0 ? "" : "?" + string.Join('&', plan.Query.Select(q => $"{q.Key}={Uri.EscapeDataString(q.Value)}"));

    /// <summary>
    /// Why nothing may be sent to <paramref name="endpoint"/> in this tier on the session's target: its
    /// service is not configured, the target's version does not have it, or the tier needs a setting.
    /// Null when it may. A <paramref name="hostile"/> probe of a write endpoint needs one more setting (<see cref="HostileTierGate"/>).
    /// </summary>
    public static string? Gate(ConformanceSession session, Endpoint endpoint, Tier tier, bool hostile = false)
    {
        if (session.Client(endpoint.Service) is null)
        {
            return NotConfiguredReason(endpoint.Service);
        }

        var version = session.Version(endpoint.Service);
        if (version is not null && endpoint.Versions.TryGetValue(endpoint.Service.CatalogueName(), out var range) && !range.Contains(version))
        {
            return $"{endpoint.Id} is not part of {endpoint.Service.DisplayName()} {version} (exists in {range})";
        }

        return (hostile ? HostileTierGate(session.Settings, tier) : TierGate(session.Settings, tier)) ?? HaltGate(session, tier);
    }

    /// <summary>Why no more writes may be sent: an earlier copy took the transfer source away (see <see cref="Cleanup.ScratchArea"/>).</summary>
    public static string? HaltGate(ConformanceSession session, Tier tier) =>
        tier != Tier.ReadOnly && session.Scratch.HaltReason is { } reason ? $"not run: writes were stopped for the rest of the run: {reason}" : null;

    public static string NotConfiguredReason(ServiceKind service) => service == ServiceKind.Archivematica
        ? $"not run: the Archivematica dashboard is not configured (set {Settings.ArchivematicaUrl.EnvironmentVariable}, {Settings.ArchivematicaUser.EnvironmentVariable} and {Settings.ArchivematicaApiKey.EnvironmentVariable})"
        : $"not run: the Storage Service is not configured (set {Settings.StorageServiceUrl.EnvironmentVariable}, {Settings.StorageServiceUser.EnvironmentVariable} and {Settings.StorageServiceApiKey.EnvironmentVariable})";

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

    private static Setting TierSetting(Tier tier) => tier == Tier.Destructive ? Settings.AllowDestructive : Settings.AllowWrites;

    private async Task<RequestPlan> PlanAsync(ConformanceCase c, CancellationToken cancellationToken)
    {
        var template = c.Kind switch
        {
            CaseKind.Variant => c.Variant!.Request,
            // A 405 probe needs only the route: nothing else is sent, so nothing else must resolve.
            CaseKind.WrongMethod => new RequestTemplate { PathParams = c.Endpoint.Request.PathParams, Arrange = c.Endpoint.Request.Arrange },
            _ => c.Endpoint.Request,
        };
        var forProbe = c.Kind == CaseKind.WrongMethod;
        var plan = await session.Expander.ExpandAsync(c.Endpoint, template, c.ApiVersion, forProbe, cancellationToken);
        return c.Kind switch
        {
            CaseKind.Variant => plan with { Method = c.SentMethod },
            CaseKind.WrongMethod => plan with { Method = c.SentMethod, Form = null, Body = null, ContentType = null },
            CaseKind.MissingSlash => plan with { Path = plan.Path.TrimEnd('/') },
            _ => plan,
        };
    }
}
