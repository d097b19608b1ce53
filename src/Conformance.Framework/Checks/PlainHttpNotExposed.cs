using System.Net;

namespace Conformance.Framework.Checks;

/// <summary>Exposure (<see cref="Advisory.PlainHttp"/>): plain HTTP only to loopback, where nobody on the way can read it.</summary>
public static class PlainHttpNotExposed
{
    /// <summary>True when plain HTTP can be read by others on the way: the host is not loopback.</summary>
    public static bool IsExposed(Uri baseUrl) => baseUrl.Scheme == Uri.UriSchemeHttp && !IsLoopback(baseUrl);

    public static CheckResult Check(Uri baseUrl) => IsExposed(baseUrl)
        ? CheckResult.Fail(Advisory.PlainHttp, $"{baseUrl.GetLeftPart(UriPartial.Authority)} is plain HTTP to a host that is not loopback: API keys and data cross the network readable by anyone on the way; use HTTPS")
        : CheckResult.Pass(Advisory.PlainHttp, $"{baseUrl.GetLeftPart(UriPartial.Authority)} is HTTPS or loopback");

    private static bool IsLoopback(Uri url) =>
        url.IsLoopback || (IPAddress.TryParse(url.DnsSafeHost, out var address) && IPAddress.IsLoopback(address));
}
