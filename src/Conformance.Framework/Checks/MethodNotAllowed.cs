namespace Conformance.Framework.Checks;

/// <summary>
/// METHOD-01: a method the route does not allow gets 405 before authentication, naming the allowed
/// methods in Allow. The status and body are judged as an expectation (<see cref="Expected"/>); the
/// Allow header by <see cref="Allow"/>.
/// </summary>
public static class MethodNotAllowed
{
    /// <summary>The 405 the contract gives for an endpoint: its own, or the service's (whose body may list the methods).</summary>
    public static Expectation Expected(Endpoint endpoint, ServiceContract contract)
    {
        if (endpoint.MethodNotAllowed is { } own)
        {
            return own;
        }

        return contract.MethodNotAllowedBodyListsMethods
            ? contract.MethodNotAllowed with { Body = "text", ExactBody = string.Join(contract.AllowSeparator, endpoint.AllowedMethods) }
            : contract.MethodNotAllowed;
    }

    /// <summary>The Allow header names exactly the allowed methods, joined the service's way.</summary>
    public static CheckResult Allow(Exchange x, IReadOnlyList<string> allowedMethods, string separator)
    {
        var expected = string.Join(separator, allowedMethods);
        var actual = x.Header("Allow");
        return actual == expected
            ? CheckResult.Pass(Requirement.MethodNotAllowed, $"Allow: {actual}")
            : CheckResult.Fail(Requirement.MethodNotAllowed, $"expected 'Allow: {expected}', got {(actual is null ? "no Allow header" : $"'Allow: {actual}'")}");
    }
}
