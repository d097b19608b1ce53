using FluentAssertions;
using NUnit.Framework;

namespace Conformance.SelfTests.Checks;

/// <summary>BODY-01.</summary>
[Parallelizable(ParallelScope.All)]
public sealed class BodyKindMatchesTests
{
    [TestCase("json", "not json", false)]
    [TestCase("json", "{\"a\": 1}", true)]
    [TestCase("empty", "x", false)]
    [TestCase("empty", "", true)]
    [TestCase("xml", "<a><b></a>", false)]
    [TestCase("xml", "<processingMCP/>", true)]
    [TestCase("text", "", false)]
    [TestCase("text", "Created", true)]
    public void Tells_json_xml_text_and_empty_apart(string kind, string body, bool passes)
    {
        var result = BodyKindMatches.Check(Exchanges.CompletedTransfers(body: body), kind);
        result.Passed.Should().Be(passes);
        result.Requirement.Id.Should().Be("BODY-01");
    }

    [TestCase("any")]
    [TestCase("binary")]
    public void Does_not_apply_where_the_contract_fixes_no_kind(string kind) =>
        BodyKindMatches.Check(Exchanges.CompletedTransfers(body: "\u0000not json"), kind).Passed.Should().BeTrue();
}
