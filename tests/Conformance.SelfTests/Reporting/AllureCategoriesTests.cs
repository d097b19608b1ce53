using System.Text.RegularExpressions;
using FluentAssertions;
using NUnit.Framework;

namespace Conformance.SelfTests.Reporting;

/// <summary>categories.json sorts failures by the requirement id in their message; the regexes match whole messages, as Allure 2 requires.</summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class AllureCategoriesTests
{
    // Allure 3 takes the first category whose regex matches; Allure 2 (Java) needs the whole message to match.
    private static string? FirstCategory(string message, string status = "failed") =>
        AllureCategories.All.FirstOrDefault(c => c.MatchedStatuses.Contains(status) && Regex.IsMatch(message, $"^(?:{c.MessageRegex})$"))?.Name;

    [TestCase("[AUTH-03] expected status 403, got 200 OK\n    A request whose ApiKey header ...\nRequest: GET ...", "Authentication")]
    [TestCase("[STATUS-01] expected status 200, got 500 Internal Server Error\nRequest: ...", "Status codes")]
    [TestCase("[CT-01] expected Content-Type 'application/json', got 'text/html'\n...", "Content type")]
    [TestCase("[SCHEMA-01] body does not match x.json: PropertyRequired at $.message\n...", "Schema")]
    [TestCase("[TRANSPORT-01] no response: timed out\n...", "Transport: no answer")]
    [TestCase("[STATUS-01] expected status 200, got 404\n...\n[SCHEMA-01] ...", "Status codes")]
    [TestCase("[CT-01] expected ... KNOWN-DEVIATION: documented in the catalogue", "Known deviations")]
    [TestCase("Preflight failed; no test was run against this target.\nArchivematica dashboard at ...", "Target unusable (preflight)")]
    [TestCase("The configuration cannot be used; no test was run.\n...", "Target unusable (preflight)")]
    public void A_failure_falls_into_the_category_of_its_requirement(string message, string category) =>
        FirstCategory(message).Should().Be(category);

    [Test]
    public void An_exception_in_the_suite_is_a_suite_error_not_a_contract_failure() =>
        FirstCategory("System.FormatException : The format of value 'x' is invalid.", "broken").Should().Be("Suite errors");

    [Test]
    public void Every_requirement_prefix_has_a_category()
    {
        foreach (var prefix in AllureCategories.Prefixes)
        {
            FirstCategory($"[{prefix}-01] something broke").Should().NotBeNull(prefix);
        }
    }

    [Test]
    public void Passed_and_skipped_tests_have_no_category()
    {
        FirstCategory("[AUTH-03] ...", "passed").Should().BeNull();
        FirstCategory("not run: ...", "skipped").Should().BeNull();
    }
}
