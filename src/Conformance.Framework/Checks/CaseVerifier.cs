using System.Text.RegularExpressions;

namespace Conformance.Framework.Checks;

/// <summary>
/// How the suite judges the answer to one case: which expectation applies (by case kind, auth mode
/// and product version), which requirement a wrong status breaks, and which extra checks run. The
/// case runner uses it for live answers; the recorded-traffic self-test for real servers' recorded
/// answers, so both reach their verdicts the same way.
/// </summary>
public static class CaseVerifier
{
    /// <param name="requestPath">The path that was sent (for a missing-slash case: without the slash).</param>
    public static async Task<IReadOnlyList<CheckResult>> VerifyAsync(
        ConformanceCase c, Exchange exchange, ServiceContract contract, string? version, string requestPath, SchemaRegistry schemas) => c.Kind switch
    {
        CaseKind.Auth => await VerifyAuthCase(c, exchange, contract, version, schemas),
        CaseKind.Variant => await ContractVerifier.VerifyAsync(exchange, Select(c.Variant!.Expect, c.Endpoint.Service, version), Requirement.Status, schemas),
        CaseKind.WrongMethod => await VerifyWrongMethod(c, exchange, contract, schemas),
        CaseKind.MissingSlash => await ContractVerifier.VerifyAsync(exchange, SlashRedirect(requestPath + "/"), Requirement.TrailingSlash, schemas),
        _ => throw new ArgumentOutOfRangeException(nameof(c), c.Kind, "unknown case kind"),
    };

    /// <summary>The first expectation whose version range holds for the target (an unknown version takes the first).</summary>
    public static Expectation Select(IReadOnlyList<Expectation> expectations, ServiceKind service, string? version)
    {
        var key = service.CatalogueName();
        return expectations.FirstOrDefault(e => version is null || !e.Versions.TryGetValue(key, out var range) || range.Contains(version))
            ?? throw new InvalidOperationException($"No expectation applies to {service.DisplayName()} {version}.");
    }

    private static async Task<IReadOnlyList<CheckResult>> VerifyAuthCase(ConformanceCase c, Exchange exchange, ServiceContract contract, string? version, SchemaRegistry schemas)
    {
        var endpoint = c.Endpoint;
        var success = Select(endpoint.Expect, endpoint.Service, version);
        if (endpoint.Auth != "key")
        {
            // Open (or session-only) endpoints answer the same whatever credentials come with the request.
            return await ContractVerifier.VerifyAsync(exchange, success, Requirement.OpenEndpointAnswers, schemas);
        }

        if (!c.Mode.IsAccepted(endpoint.Service))
        {
            return await ContractVerifier.VerifyAsync(exchange, contract.AuthFailure, RejectionRequirement(c.Mode), schemas);
        }

        // Valid credentials answered with the auth failure is an auth defect, not just a wrong status.
        var statusRequirement = exchange.Status == contract.AuthFailure.Status && success.Status != contract.AuthFailure.Status
            ? AcceptanceRequirement(c.Mode)
            : Requirement.Status;
        var successHeaders = success.Status is >= 200 and < 300 ? contract.SuccessHeaders : null;
        return await ContractVerifier.VerifyAsync(exchange, success, statusRequirement, schemas, successHeaders);
    }

    private static async Task<IReadOnlyList<CheckResult>> VerifyWrongMethod(ConformanceCase c, Exchange exchange, ServiceContract contract, SchemaRegistry schemas)
    {
        if (c.Endpoint.MethodNotAllowed is { } own)
        {
            return await ContractVerifier.VerifyAsync(exchange, own, Requirement.MethodNotAllowed, schemas);
        }

        var expected = contract.MethodNotAllowed;
        if (contract.MethodNotAllowedBodyListsMethods)
        {
            expected = expected with { Body = "text", ExactBody = string.Join(contract.AllowSeparator, c.Endpoint.AllowedMethods) };
        }

        var results = (await ContractVerifier.VerifyAsync(exchange, expected, Requirement.MethodNotAllowed, schemas)).ToList();
        if (results.All(r => r.Passed))
        {
            results.Add(ResponseChecks.Allow(exchange, c.Endpoint.AllowedMethods, contract.AllowSeparator));
        }

        return results;
    }

    // Django and tastypie redirect to the same path with the slash (absolute or relative, under any mount prefix).
    private static Expectation SlashRedirect(string pathWithSlash) => new()
    {
        Status = 301,
        Headers = new Dictionary<string, string> { ["Location"] = $"{Regex.Escape(pathWithSlash).Replace(";", "(;|%3B)", StringComparison.Ordinal)}(\\?.*)?$" },
    };

    /// <summary>The requirement an auth mode's answer is judged by: acceptance for valid credentials, rejection for wrong ones.</summary>
    public static Requirement RequirementOf(AuthMode mode) =>
        mode is AuthMode.Header or AuthMode.Query or AuthMode.HeaderOverBadQuery or AuthMode.Basic ? AcceptanceRequirement(mode) : RejectionRequirement(mode);

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
