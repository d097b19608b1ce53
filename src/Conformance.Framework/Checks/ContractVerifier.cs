
namespace Conformance.Framework.Checks;

/// <summary>
/// Runs every check an expectation calls for on one exchange. A wrong status stops there: the body
/// checks would only repeat it; only the credential-leak check (LEAK-01) still runs.
/// </summary>
public static class ContractVerifier
{
    public static async Task<IReadOnlyList<CheckResult>> VerifyAsync(
        Exchange exchange,
        Expectation expected,
        Requirement statusRequirement,
        SchemaRegistry schemas,
        IReadOnlyDictionary<string, string>? extraHeaders = null)
    {
        var transport = ResponseChecks.Transport(exchange);
        if (!transport.Passed)
        {
            return [transport];
        }

        var status = ResponseChecks.Status(exchange, expected.Status, statusRequirement);
        var leak = CredentialLeak.NotEchoed(exchange);
        if (!status.Passed)
        {
            return [transport, status, leak];
        }

        var results = new List<CheckResult> { transport, status, leak };
        if (expected.ContentType is not null)
        {
            results.Add(ResponseChecks.ContentType(exchange, expected.ContentType));
        }

        var bodyKind = ResponseChecks.BodyKind(exchange, expected.Body);
        results.Add(bodyKind);
        if (expected.ExactBody is not null)
        {
            results.Add(ResponseChecks.ExactBody(exchange, expected.ExactBody));
        }

        if (expected.Schema is not null && bodyKind.Passed)
        {
            results.Add(ResponseChecks.Schema(expected.Schema, await schemas.ValidateAsync(expected.Schema, exchange.Body)));
        }

        var headers = extraHeaders is null ? expected.Headers : expected.Headers.Concat(extraHeaders).ToDictionary(h => h.Key, h => h.Value);
        if (headers.Count > 0)
        {
            results.Add(ResponseChecks.RequiredHeaders(exchange, headers));
        }

        if (expected.AbsentHeaders.Count > 0)
        {
            results.Add(ResponseChecks.AbsentHeaders(exchange, expected.AbsentHeaders));
        }

        return results;
    }
}
