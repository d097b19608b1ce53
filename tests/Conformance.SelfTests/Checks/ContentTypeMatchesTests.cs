using FluentAssertions;
using NUnit.Framework;

namespace Conformance.SelfTests.Checks;

/// <summary>CT-01.</summary>
[Parallelizable(ParallelScope.All)]
public sealed class ContentTypeMatchesTests
{
    [Test]
    public void Passes_on_the_contracts_media_type() =>
        ContentTypeMatches.Check(Exchanges.CompletedTransfers(), "application/json").Passed.Should().BeTrue();

    [Test]
    public void Passes_whatever_the_case_and_parameter_order() =>
        ContentTypeMatches.Check(Exchanges.CompletedTransfers(contentType: "Text/HTML; Charset=UTF-8"), "text/html; charset=utf-8").Passed.Should().BeTrue();

    [TestCase("text/plain")]
    [TestCase("application/json; charset=utf-8")]
    [TestCase("text/html; charset=utf-8")]
    public void Fails_on_another_media_type_or_parameter(string actual) =>
        ContentTypeMatches.Check(Exchanges.CompletedTransfers(contentType: actual), "application/json")
            .Should().Match<CheckResult>(r => !r.Passed && r.Requirement.Id == "CT-01");

    [Test]
    public void Fails_without_a_content_type() =>
        ContentTypeMatches.Check(Exchanges.CompletedTransfers() with { ResponseHeaders = [] }, "application/json")
            .Should().Match<CheckResult>(r => !r.Passed && r.Message.Contains("no Content-Type header"));
}
