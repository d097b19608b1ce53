namespace Conformance.Framework.Checks;

/// <summary>
/// Exposure (<see cref="Advisory.QueryKeyOverPlainHttp"/>): over plain HTTP to another host, a request
/// with the key in the query string is not accepted. Not applicable (null) over HTTPS or loopback,
/// where the key does not cross a network in the clear.
/// </summary>
public static class QueryKeyRefusedOverPlainHttp
{
    public static CheckResult? Check(Uri baseUrl, Exchange queryAuthenticated)
    {
        if (!PlainHttpNotExposed.IsExposed(baseUrl))
        {
            return null;
        }

        return queryAuthenticated.TransportError is null && queryAuthenticated.Status is >= 200 and < 300
            ? CheckResult.Fail(Advisory.QueryKeyOverPlainHttp, $"{queryAuthenticated.Method} {queryAuthenticated.Url} with ?username=&api_key= over plain HTTP answered {queryAuthenticated.Status}: the key travels in the clear and lands in proxy and server logs")
            : CheckResult.Pass(Advisory.QueryKeyOverPlainHttp, $"the query key was not accepted ({queryAuthenticated.TransportError ?? queryAuthenticated.Status.ToString(System.Globalization.CultureInfo.InvariantCulture)})");
    }
}
