namespace Conformance.Framework.Checks;

/// <summary>CT-01: the Content-Type is the contract's media type with exactly its parameters (case and order aside).</summary>
public static class ContentTypeMatches
{
    public static CheckResult Check(Exchange x, string expected)
    {
        var actual = x.ContentType;
        if (actual is null)
        {
            return CheckResult.Fail(Requirement.ContentType, $"expected Content-Type '{expected}', got no Content-Type header");
        }

        return MediaType.Parse(actual).SameAs(MediaType.Parse(expected))
            ? CheckResult.Pass(Requirement.ContentType, $"Content-Type '{actual}'")
            : CheckResult.Fail(Requirement.ContentType, $"expected Content-Type '{expected}', got '{actual}'");
    }
}
