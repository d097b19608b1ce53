using FluentAssertions;
using NUnit.Framework;

namespace Conformance.SelfTests.Checks;

/// <summary>Each check passes on a conformant exchange and fails, with its requirement id, on one that breaks it.</summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class ResponseChecksTests
{
    private static readonly SchemaRegistry Schemas = new(Paths.Schemas);

    [Test]
    public void Status_check_fails_on_a_wrong_status()
    {
        ResponseChecks.Status(Exchanges.CompletedTransfers(), 200, Requirement.Status).Passed.Should().BeTrue();
        var result = ResponseChecks.Status(Exchanges.CompletedTransfers(status: 500), 200, Requirement.Status);
        result.Should().Match<CheckResult>(r => !r.Passed && r.Requirement.Id == "STATUS-01");
        result.Message.Should().Contain("expected status 200, got 500");
    }

    [TestCase("text/plain")]
    [TestCase("application/json; charset=utf-8")]
    [TestCase("text/html; charset=utf-8")]
    public void Content_type_check_fails_on_another_media_type_or_parameter(string actual)
    {
        ResponseChecks.ContentType(Exchanges.CompletedTransfers(), "application/json").Passed.Should().BeTrue();
        ResponseChecks.ContentType(Exchanges.CompletedTransfers(contentType: actual), "application/json")
            .Should().Match<CheckResult>(r => !r.Passed && r.Requirement.Id == "CT-01");
    }

    [Test]
    public void Content_type_check_ignores_case_and_parameter_order()
    {
        ResponseChecks.ContentType(Exchanges.CompletedTransfers(contentType: "Text/HTML; Charset=UTF-8"), "text/html; charset=utf-8").Passed.Should().BeTrue();
    }

    [TestCase("json", "not json", false)]
    [TestCase("json", "{\"a\": 1}", true)]
    [TestCase("empty", "x", false)]
    [TestCase("empty", "", true)]
    [TestCase("xml", "<a><b></a>", false)]
    [TestCase("xml", "<processingMCP/>", true)]
    public void Body_kind_check_tells_json_xml_and_empty_apart(string kind, string body, bool passes)
    {
        var result = ResponseChecks.BodyKind(Exchanges.CompletedTransfers(body: body), kind);
        result.Passed.Should().Be(passes);
        result.Requirement.Id.Should().Be("BODY-01");
    }

    [Test]
    public void Exact_body_check_fails_on_a_single_changed_byte()
    {
        const string exact = "{\"message\": \"API key not valid.\", \"error\": true}";
        ResponseChecks.ExactBody(Exchanges.CompletedTransfers(body: exact), exact).Passed.Should().BeTrue();
        ResponseChecks.ExactBody(Exchanges.CompletedTransfers(body: exact.Replace(", ", ",", StringComparison.Ordinal)), exact)
            .Should().Match<CheckResult>(r => !r.Passed && r.Requirement.Id == "BODY-02");
    }

    [TestCase("""{"message": "Fetched completed transfers successfully.", "results": ["3b1e7e2a-1c4d-4f7b-9a2e-5d6c7b8a9f01"]}""", true, TestName = "conformant body")]
    [TestCase("""{"results": []}""", false, TestName = "missing required property")]
    [TestCase("""{"message": "Fetched completed transfers successfully.", "results": "none"}""", false, TestName = "wrong type")]
    [TestCase("""{"message": "Something else.", "results": []}""", false, TestName = "const violated")]
    [TestCase("""{"message": "Fetched completed transfers successfully.", "results": ["not-a-uuid"]}""", false, TestName = "uuid pattern violated")]
    public async Task Schema_check_fails_on_a_body_that_breaks_the_schema(string body, bool passes)
    {
        const string schema = "archivematica/am.transfer.completed.200.json";
        var result = ResponseChecks.Schema(schema, await Schemas.ValidateAsync(schema, body));
        result.Passed.Should().Be(passes, result.Message);
        result.Requirement.Id.Should().Be("SCHEMA-01");
    }

    [Test]
    public async Task Schema_errors_name_their_kind_and_json_path()
    {
        var errors = await Schemas.ValidateAsync("archivematica/am.transfer.completed.200.json", """{"message": "Fetched completed transfers successfully.", "results": [1]}""");
        errors.Should().ContainSingle().Which.Path.Should().Be("$.results[0]");
    }

    [Test]
    public void Required_header_check_fails_when_a_header_is_missing_or_malformed()
    {
        var required = new Dictionary<string, string> { ["X-Archivematica-Version"] = @"^\d+\.\d+" };
        ResponseChecks.RequiredHeaders(Exchanges.CompletedTransfers(), required).Passed.Should().BeTrue();
        var exchange = Exchanges.CompletedTransfers() with { ResponseHeaders = [new("Content-Type", "application/json")] };
        ResponseChecks.RequiredHeaders(exchange, required).Should().Match<CheckResult>(r => !r.Passed && r.Requirement.Id == "HDR-01");
        exchange = Exchanges.CompletedTransfers() with { ResponseHeaders = [new("X-Archivematica-Version", "unknown")] };
        ResponseChecks.RequiredHeaders(exchange, required).Passed.Should().BeFalse();
    }

    [Test]
    public void Absent_header_check_fails_when_an_excluded_header_is_present()
    {
        ResponseChecks.AbsentHeaders(Exchanges.CompletedTransfers(), ["WWW-Authenticate"]).Passed.Should().BeTrue();
        ResponseChecks.AbsentHeaders(Exchanges.CompletedTransfers(), ["X-Archivematica-ID"])
            .Should().Match<CheckResult>(r => !r.Passed && r.Requirement.Id == "HDR-02");
    }

    [TestCase("GET, POST", true)]
    [TestCase("GET,POST", false)]
    [TestCase("GET", false)]
    public void Allow_check_compares_methods_and_separator(string allow, bool passes)
    {
        var exchange = Exchanges.CompletedTransfers(405, headers: ("Allow", allow));
        ResponseChecks.Allow(exchange, ["GET", "POST"], ", ").Passed.Should().Be(passes);
    }

    [Test]
    public void Transport_check_fails_when_no_response_arrived()
    {
        ResponseChecks.Transport(Exchanges.CompletedTransfers()).Passed.Should().BeTrue();
        ResponseChecks.Transport(Exchanges.CompletedTransfers() with { TransportError = "Connection refused" })
            .Should().Match<CheckResult>(r => !r.Passed && r.Requirement.Id == "TRANSPORT-01");
    }
}
