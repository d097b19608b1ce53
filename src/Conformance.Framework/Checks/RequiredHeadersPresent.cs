using System.Text.RegularExpressions;

namespace Conformance.Framework.Checks;

/// <summary>HDR-01: each header the contract requires is present and its value matches the contract's regex.</summary>
public static class RequiredHeadersPresent
{
    public static CheckResult Check(Exchange x, IReadOnlyDictionary<string, string> headers)
    {
        var problems = headers.Select(h =>
        {
            var value = x.Header(h.Key);
            return value is null ? $"header {h.Key} is missing"
                : Regex.IsMatch(value, h.Value) ? null
                : $"header {h.Key}: '{value}' does not match /{h.Value}/";
        }).OfType<string>().ToList();
        return problems.Count == 0
            ? CheckResult.Pass(Requirement.RequiredHeaders, headers.Count == 0 ? "no headers required" : "required headers present: " + string.Join(", ", headers.Keys))
            : CheckResult.Fail(Requirement.RequiredHeaders, string.Join("; ", problems));
    }
}
