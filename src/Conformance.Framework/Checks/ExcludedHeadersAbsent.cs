namespace Conformance.Framework.Checks;

/// <summary>HDR-02: headers the contract excludes from a response are absent.</summary>
public static class ExcludedHeadersAbsent
{
    public static CheckResult Check(Exchange x, IReadOnlyList<string> names)
    {
        var present = names.Where(x.HasHeader).ToList();
        return present.Count == 0
            ? CheckResult.Pass(Requirement.ForbiddenHeaders, "excluded headers absent")
            : CheckResult.Fail(Requirement.ForbiddenHeaders, "headers that must be absent are present: " + string.Join(", ", present.Select(n => $"{n}: {x.Header(n)}")));
    }
}
