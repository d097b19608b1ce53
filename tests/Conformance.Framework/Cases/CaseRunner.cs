using System.Text.RegularExpressions;
using Conformance.Framework.Catalogue;
using Conformance.Framework.Checks;
using Conformance.Framework.Configuration;
using Conformance.Framework.Http;

namespace Conformance.Framework.Cases;

/// <summary>Runs one case against the session's target: decides whether it may run, builds and sends the request, checks the answer.</summary>
public sealed class CaseRunner(ConformanceSession session)
{
    public async Task<Verdict> RunAsync(ConformanceCase c, string testName, CancellationToken cancellationToken = default)
    {
        var endpoint = c.Endpoint;
        var client = session.Client(endpoint.Service);
        if (client is null)
        {
            return Verdict.Skipped(NotRunKind.Ignored, NotConfiguredReason(endpoint.Service));
        }

        var version = session.Version(endpoint.Service);
        if (version is not null && endpoint.Versions.TryGetValue(endpoint.Service.CatalogueName(), out var range) && !range.Contains(version))
        {
            return Verdict.Skipped(NotRunKind.Ignored, $"{endpoint.Id} is not part of {endpoint.Service.DisplayName()} {version} (exists in {range})");
        }

        if (TierGate(c.Tier) is { } tierReason)
        {
            return Verdict.Skipped(NotRunKind.Ignored, tierReason);
        }

        if (c.Mode == AuthMode.Basic && endpoint.Service == ServiceKind.Storage && client.Endpoint.Password is null)
        {
            return Verdict.Skipped(NotRunKind.Inconclusive, $"not run: HTTP Basic needs the user's password; set {Settings.StorageServicePassword.Name} ({Settings.StorageServicePassword.EnvironmentVariable})");
        }

        RequestPlan plan;
        try
        {
            plan = await PlanAsync(c, cancellationToken);
        }
        catch (UnresolvableException e)
        {
            return Verdict.Skipped(NotRunKind.Inconclusive, $"{c.Name} could not be exercised: {e.Message}");
        }

        var exchange = await client.SendAsync(plan, c.Mode, testName, cancellationToken);
        var contract = session.Catalogue.Services[endpoint.Service];
        var results = c.Kind switch
        {
            CaseKind.Auth => await VerifyAuthCase(c, exchange, contract, version),
            CaseKind.Variant => await ContractVerifier.VerifyAsync(exchange, Select(c.Variant!.Expect, endpoint.Service, version), Requirement.Status, session.Schemas),
            CaseKind.WrongMethod => await VerifyWrongMethod(c, exchange, contract),
            CaseKind.MissingSlash => await ContractVerifier.VerifyAsync(exchange, SlashRedirect(plan.Path + "/"), Requirement.TrailingSlash, session.Schemas),
            _ => throw new InvalidOperationException(),
        };
        return new Verdict { Exchange = exchange, Results = results };
    }

    public static string NotConfiguredReason(ServiceKind service) => service == ServiceKind.Archivematica
        ? $"not run: the Archivematica dashboard is not configured (set {Settings.ArchivematicaUrl.EnvironmentVariable}, {Settings.ArchivematicaUser.EnvironmentVariable} and {Settings.ArchivematicaApiKey.EnvironmentVariable})"
        : $"not run: the Storage Service is not configured (set {Settings.StorageServiceUrl.EnvironmentVariable}, {Settings.StorageServiceUser.EnvironmentVariable} and {Settings.StorageServiceApiKey.EnvironmentVariable})";

    private string? TierGate(Tier tier) => session.Settings.IsEmbedded ? null : tier switch
    {
        Tier.Mutating when !session.Settings.AllowWrites =>
            $"not run: mutating test (creates or changes data); set {Settings.AllowWrites.Name}=true ({Settings.AllowWrites.EnvironmentVariable}=true) to run it against this target",
        Tier.Destructive when !session.Settings.AllowDestructive =>
            $"not run: destructive test (deletes or replaces data); set {Settings.AllowDestructive.Name}=true ({Settings.AllowDestructive.EnvironmentVariable}=true) to run it against this target",
        _ => null,
    };

    private async Task<RequestPlan> PlanAsync(ConformanceCase c, CancellationToken cancellationToken)
    {
        var template = c.Kind == CaseKind.Variant ? c.Variant!.Request : c.Endpoint.Request;
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

    private async Task<IReadOnlyList<CheckResult>> VerifyAuthCase(ConformanceCase c, Exchange exchange, ServiceContract contract, string? version)
    {
        var endpoint = c.Endpoint;
        var success = Select(endpoint.Expect, endpoint.Service, version);
        if (endpoint.Auth != "key")
        {
            // Open (or session-only) endpoints answer the same whatever credentials come with the request.
            return await ContractVerifier.VerifyAsync(exchange, success, Requirement.OpenEndpointAnswers, session.Schemas);
        }

        if (!c.Mode.IsAccepted(endpoint.Service))
        {
            return await ContractVerifier.VerifyAsync(exchange, contract.AuthFailure, RejectionRequirement(c.Mode), session.Schemas);
        }

        // Valid credentials answered with the auth failure is an auth defect, not just a wrong status.
        var statusRequirement = exchange.Status == contract.AuthFailure.Status && success.Status != contract.AuthFailure.Status
            ? AcceptanceRequirement(c.Mode)
            : Requirement.Status;
        var successHeaders = success.Status is >= 200 and < 300 ? contract.SuccessHeaders : null;
        return await ContractVerifier.VerifyAsync(exchange, success, statusRequirement, session.Schemas, successHeaders);
    }

    private async Task<IReadOnlyList<CheckResult>> VerifyWrongMethod(ConformanceCase c, Exchange exchange, ServiceContract contract)
    {
        if (c.Endpoint.MethodNotAllowed is { } own)
        {
            return await ContractVerifier.VerifyAsync(exchange, own, Requirement.MethodNotAllowed, session.Schemas);
        }

        var expected = contract.MethodNotAllowed;
        if (contract.MethodNotAllowedBodyListsMethods)
        {
            expected = expected with { Body = "text", ExactBody = string.Join(contract.AllowSeparator, c.Endpoint.AllowedMethods) };
        }

        var results = (await ContractVerifier.VerifyAsync(exchange, expected, Requirement.MethodNotAllowed, session.Schemas)).ToList();
        if (results.All(r => r.Passed))
        {
            results.Add(ResponseChecks.Allow(exchange, c.Endpoint.AllowedMethods, contract.AllowSeparator));
        }

        return results;
    }

    /// <summary>The first expectation whose version range holds for the target (an unknown version takes the first).</summary>
    public static Expectation Select(IReadOnlyList<Expectation> expectations, ServiceKind service, string? version)
    {
        var key = service.CatalogueName();
        return expectations.FirstOrDefault(e => version is null || !e.Versions.TryGetValue(key, out var range) || range.Contains(version))
            ?? throw new InvalidOperationException($"No expectation applies to {service.DisplayName()} {version}.");
    }

    // Django and tastypie redirect to the same path with the slash (absolute or relative, under any mount prefix).
    private static Expectation SlashRedirect(string pathWithSlash) => new()
    {
        Status = 301,
        Headers = new Dictionary<string, string> { ["Location"] = $"{Regex.Escape(pathWithSlash).Replace(";", "(;|%3B)", StringComparison.Ordinal)}(\\?.*)?$" },
    };

    private static Requirement AcceptanceRequirement(AuthMode mode) => mode switch
    {
        AuthMode.Header => Requirement.ValidHeaderAccepted,
        AuthMode.Query => Requirement.ValidQueryAccepted,
        AuthMode.HeaderOverBadQuery => Requirement.HeaderWinsOverQuery,
        AuthMode.Basic => Requirement.BasicAuth,
        _ => throw new ArgumentOutOfRangeException(nameof(mode)),
    };

    private static Requirement RejectionRequirement(AuthMode mode) => mode switch
    {
        AuthMode.BadHeaderOverQuery => Requirement.HeaderWinsOverQuery,
        AuthMode.Basic => Requirement.BasicAuth,
        AuthMode.BadKeyHeader => Requirement.WrongKeyHeaderRejected,
        AuthMode.BadKeyQuery => Requirement.WrongKeyQueryRejected,
        AuthMode.NoCredentials => Requirement.NoCredentialsRejected,
        AuthMode.UnknownUser => Requirement.UnknownUserRejected,
        AuthMode.HeaderWithoutColon => Requirement.HeaderWithoutColonRejected,
        AuthMode.BearerScheme => Requirement.ForeignSchemeRejected,
        _ => throw new ArgumentOutOfRangeException(nameof(mode)),
    };
}
