namespace Conformance.Framework.Checks;

/// <summary>BODY-02: where the contract fixes the body byte for byte, the body is exactly that.</summary>
public static class BodyIsExact
{
    public static CheckResult Check(Exchange x, string expected) => x.Body == expected
        ? CheckResult.Pass(Requirement.ExactBody, "body is exactly as the contract fixes it")
        : CheckResult.Fail(Requirement.ExactBody, $"expected body exactly {Quote(expected)}, got {Quote(x.Body)}");

    private static string Quote(string text) => text.Length <= 200 ? $"«{text}»" : $"«{text[..200]}…» ({text.Length} characters)";
}
