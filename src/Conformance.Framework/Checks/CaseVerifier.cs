namespace Conformance.Framework.Checks;

/// <summary>
/// The one verifier: which checks judge an exchange, in which order. For a catalogue case it picks the
/// expectation (by case kind, auth mode and product version) and the requirement a wrong status
/// breaks; for a workflow step it takes the step's expectation; for a hostile probe the INPUT checks.
/// Catalogue cases, hostile probes, workflow steps and the recorded-traffic self-test all reach
/// their verdicts here, so live and recorded answers are judged the same way.
/// </summary>
public static class CaseVerifier
{
    /// <param name="requestPath">The path that was sent (for a missing-slash case: without the slash).</param>
    public static async Task<IReadOnlyList<CheckResult>> VerifyAsync(
        ConformanceCase c, Exchange exchange, ServiceContract contract, string? version, string requestPath, SchemaRegistry schemas) => c.Kind switch
    {
        CaseKind.Auth => await VerifyAuthCase(c, exchange, contract, version, schemas),
        CaseKind.Variant => await VerifyAsync(exchange, Select(c.Variant!.Expect, c.Endpoint.Service, version), Requirement.Status, schemas),
        CaseKind.WrongMethod => await VerifyWrongMethod(c, exchange, contract, schemas),
        CaseKind.MissingSlash => await VerifyAsync(exchange, SlashRedirects.Expected(requestPath), Requirement.TrailingSlash, schemas),
        _ => throw new ArgumentOutOfRangeException(nameof(c), c.Kind, "unknown case kind"),
    };

    /// <summary>
    /// Every check an expectation calls for, on one exchange. A wrong status stops there: the body
    /// checks would only repeat it; only the credential-leak check (LEAK-01) still runs.
    /// </summary>
    public static async Task<IReadOnlyList<CheckResult>> VerifyAsync(
        Exchange exchange,
        Expectation expected,
        Requirement statusRequirement,
        SchemaRegistry schemas,
        IReadOnlyDictionary<string, string>? extraHeaders = null)
    {
        var transport = AnswerArrived.Check(exchange);
        if (!transport.Passed)
        {
            return [transport];
        }

        var status = StatusIsContractual.Check(exchange, expected.Status, statusRequirement);
        var leak = CredentialLeak.NotEchoed(exchange);
        if (!status.Passed)
        {
            return [transport, status, leak];
        }

        var results = new List<CheckResult> { transport, status, leak };
        if (expected.ContentType is not null)
        {
            results.Add(ContentTypeMatches.Check(exchange, expected.ContentType));
        }

        var bodyKind = BodyKindMatches.Check(exchange, expected.Body);
        results.Add(bodyKind);
        if (expected.ExactBody is not null)
        {
            results.Add(BodyIsExact.Check(exchange, expected.ExactBody));
        }

        if (expected.Schema is not null && bodyKind.Passed)
        {
            results.Add(SchemaMatches.Check(expected.Schema, await schemas.ValidateAsync(expected.Schema, exchange.Body)));
        }

        var headers = extraHeaders is null ? expected.Headers : expected.Headers.Concat(extraHeaders).ToDictionary(h => h.Key, h => h.Value);
        if (headers.Count > 0)
        {
            results.Add(RequiredHeadersPresent.Check(exchange, headers));
        }

        if (expected.AbsentHeaders.Count > 0)
        {
            results.Add(ExcludedHeadersAbsent.Check(exchange, expected.AbsentHeaders));
        }

        return results;
    }

    /// <summary>
    /// The checks on a hostile probe's answer: a 4xx refusal (INPUT-01), no internals (INPUT-02), no
    /// echoed key (LEAK-01), nothing evaluated, widened or changed (INPUT-03, from the state reads
    /// before and after).
    /// </summary>
    public static IReadOnlyList<CheckResult> VerifyProbe(HostileProbe probe, Exchange x, IReadOnlyList<(string Read, string? Value)> before, IReadOnlyList<(string Read, string? Value)> after)
    {
        var transport = AnswerArrived.Check(x);
        if (!transport.Passed)
        {
            return [transport];
        }

        return
        [
            transport,
            InputRefused.Check(probe, x),
            NoInternalsExposed.Check(x),
            CredentialLeak.NotEchoed(x),
            .. new[] { NoActionOnBadInput.TemplateNotEvaluated(x), NoActionOnBadInput.LookupNotWidened(probe, x) }.OfType<CheckResult>(),
            .. NoActionOnBadInput.StateUnchanged(before, after),
        ];
    }

    /// <summary>The first expectation whose version range holds for the target (an unknown version takes the first).</summary>
    public static Expectation Select(IReadOnlyList<Expectation> expectations, ServiceKind service, string? version)
    {
        var key = service.CatalogueName();
        return expectations.FirstOrDefault(e => version is null || !e.Versions.TryGetValue(key, out var range) || range.Contains(version))
            ?? throw new InvalidOperationException($"No expectation applies to {service.DisplayName()} {version}.");
    }

    /// <summary>The requirement an auth mode's answer is judged by (<see cref="AuthRequirements.Of"/>).</summary>
    public static Requirement RequirementOf(AuthMode mode) => AuthRequirements.Of(mode);

    private static async Task<IReadOnlyList<CheckResult>> VerifyAuthCase(ConformanceCase c, Exchange exchange, ServiceContract contract, string? version, SchemaRegistry schemas)
    {
        var endpoint = c.Endpoint;
        var success = Select(endpoint.Expect, endpoint.Service, version);
        if (endpoint.Auth != "key")
        {
            // Open (or session-only) endpoints answer the same whatever credentials come with the request.
            return await VerifyAsync(exchange, success, Requirement.OpenEndpointAnswers, schemas);
        }

        if (!c.Mode.IsAccepted(endpoint.Service))
        {
            return await VerifyAsync(exchange, contract.AuthFailure, AuthRequirements.Rejecting(c.Mode), schemas);
        }

        var statusRequirement = AuthRequirements.ForAccepted(exchange, c.Mode, success.Status, contract.AuthFailure.Status);
        var successHeaders = success.Status is >= 200 and < 300 ? contract.SuccessHeaders : null;
        return await VerifyAsync(exchange, success, statusRequirement, schemas, successHeaders);
    }

    private static async Task<IReadOnlyList<CheckResult>> VerifyWrongMethod(ConformanceCase c, Exchange exchange, ServiceContract contract, SchemaRegistry schemas)
    {
        var results = (await VerifyAsync(exchange, MethodNotAllowed.Expected(c.Endpoint, contract), Requirement.MethodNotAllowed, schemas)).ToList();
        if (c.Endpoint.MethodNotAllowed is null && results.All(r => r.Passed))
        {
            results.Add(MethodNotAllowed.Allow(exchange, c.Endpoint.AllowedMethods, contract.AllowSeparator));
        }

        return results;
    }
}
