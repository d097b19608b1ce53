namespace Conformance.Framework.Checks;

/// <summary>
/// Exposure (<see cref="Advisory.CorsWithCredentials"/>): CORS does not answer a foreign Origin with a
/// wildcard or that origin while allowing credentials.
/// </summary>
public static class CorsRefusesForeignCredentials
{
    public static CheckResult Check(Exchange x, string origin)
    {
        var allowOrigin = x.Header("Access-Control-Allow-Origin");
        var allowCredentials = x.Header("Access-Control-Allow-Credentials");
        var anyOrigin = allowOrigin is not null && (allowOrigin.Trim() == "*" || string.Equals(allowOrigin.Trim(), origin, StringComparison.OrdinalIgnoreCase));
        return anyOrigin && string.Equals(allowCredentials?.Trim(), "true", StringComparison.OrdinalIgnoreCase)
            ? CheckResult.Fail(Advisory.CorsWithCredentials, $"Access-Control-Allow-Origin: {allowOrigin} with Access-Control-Allow-Credentials: true for Origin {origin}: any web site can make requests with its visitors' credentials")
            : CheckResult.Pass(Advisory.CorsWithCredentials, $"no credentialed access for Origin {origin}");
    }
}
