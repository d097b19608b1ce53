
namespace Conformance.Framework.Reports;

/// <summary>
/// How failures are sorted in the report (<c>categories.json</c>): by the requirement id that the
/// failure message names (every failure message starts with "[ID] ..."), plus known deviations and
/// an unusable target. The first matching category wins in Allure 3; Allure 2 shows every match.
/// The regexes match the whole message, as Allure 2 requires, and work in Java and JavaScript alike.
/// </summary>
public static class AllureCategories
{
    /// <summary>The marker a failure message carries when the deviation is known and accepted (see the catalogue).</summary>
    public const string KnownDeviationMarker = "KNOWN-DEVIATION";

    private static readonly string[] Failed = ["failed", "broken"];

    public static IReadOnlyList<AllureCategory> All { get; } =
    [
        new("Known deviations", $"The target deviates from the contract in a way that is known and documented (the message says {KnownDeviationMarker}).",
            Failed, Anywhere(KnownDeviationMarker)),
        new("Target unusable (preflight)", "The target could not be used at all: unreachable, credentials rejected, not Archivematica, or a configuration error. No other test ran.",
            Failed, "(Preflight failed|The configuration cannot be used)[\\s\\S]*"),
        ById("Transport: no answer", "TRANSPORT", "No response within the timeout, or a broken connection."),
        ById("Credential leak", "LEAK", "A response body carries the user's API key or password back."),
        ById("Authentication", "AUTH", "Credentials accepted that must be rejected, rejected that must be accepted, or rejected the wrong way."),
        ById("Status codes", "STATUS", "The response status is not the one the contract gives."),
        ById("Content type", "CT", "The Content-Type is not the contract's media type and parameters."),
        ById("Schema", "SCHEMA", "A JSON body does not match its published JSON Schema."),
        ById("Body", "BODY", "The body is of the wrong kind or differs from the byte-exact body the contract fixes."),
        ById("Headers", "HDR", "A required header is missing or malformed, or an excluded header is present."),
        ById("Method not allowed", "METHOD", "A method the route does not allow is not answered with 405 before authentication."),
        ById("Trailing slash", "SLASH", "A route that requires a trailing slash does not redirect to it."),
        ById("Pagination", "PAGE", "Following meta.next does not return every object of a list exactly once."),
        ById("Workflows", "FLOW", "A step of a stateful workflow did not have its effect, or an asynchronous operation failed."),
        ById("Cross-service", "XSVC", "The dashboard and the Storage Service disagree: pipeline not registered, or a stored AIP missing."),
        ById("Hostile input", "INPUT", "Malformed or hostile input got a 5xx, exposed internals or credentials, or was acted on."),
        new("Suite errors", "The test itself broke (an exception, not a broken requirement): a defect of the suite or of its configuration.",
            ["broken"], "[\\s\\S]*"),
    ];

    /// <summary>The requirement-id prefix of each category's ids, e.g. "AUTH" for AUTH-01..AUTH-09.</summary>
    public static IEnumerable<string> Prefixes => Requirement.All.Select(r => r.Id[..r.Id.LastIndexOf('-')]).Distinct();

    private static AllureCategory ById(string name, string prefix, string description) =>
        new(name, $"{description} Requirements {prefix}-*.", Failed, $"[\\s\\S]*\\[{prefix}-\\d+\\][\\s\\S]*");

    // Allure 2 matches the whole message (Java's matches()); Allure 3 searches it. "[\s\S]*" on both
    // sides works for both and spans lines (JavaScript has no inline (?s)).
    private static string Anywhere(string literal) => "[\\s\\S]*" + System.Text.RegularExpressions.Regex.Escape(literal) + "[\\s\\S]*";
}
