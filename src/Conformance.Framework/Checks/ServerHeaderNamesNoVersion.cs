using System.Text.RegularExpressions;

namespace Conformance.Framework.Checks;

/// <summary>Exposure (<see cref="Advisory.ServerHeader"/>): Server, X-Powered-By and their kin carry no version number.</summary>
public static partial class ServerHeaderNamesNoVersion
{
    public static CheckResult Check(Exchange x)
    {
        var disclosed = new[] { "Server", "X-Powered-By", "X-AspNet-Version", "X-Runtime-Version" }
            .Select(name => (Name: name, Value: x.Header(name)))
            .Where(h => h.Value is not null && Version().IsMatch(h.Value))
            .Select(h => $"{h.Name}: {h.Value}")
            .ToList();
        return disclosed.Count == 0
            ? CheckResult.Pass(Advisory.ServerHeader, "no header names a software version")
            : CheckResult.Fail(Advisory.ServerHeader, $"{string.Join("; ", disclosed)} tells anyone which versions to look up vulnerabilities for");
    }

    [GeneratedRegex(@"\d+\.\d+")]
    private static partial Regex Version();
}
