using FluentAssertions;
using NUnit.Framework;

namespace Conformance.SelfTests.Checks;

/// <summary>SCHEMA-01.</summary>
[Parallelizable(ParallelScope.All)]
public sealed class SchemaMatchesTests
{
    private const string Schema = "archivematica/am.transfer.completed.200.json";
    [TestCase("""{"message": "Fetched completed transfers successfully.", "results": ["3b1e7e2a-1c4d-4f7b-9a2e-5d6c7b8a9f01"]}""", true, TestName = "conformant body")]
    [TestCase("""{"results": []}""", false, TestName = "missing required property")]
    [TestCase("""{"message": "Fetched completed transfers successfully.", "results": "none"}""", false, TestName = "wrong type")]
    [TestCase("""{"message": "Something else.", "results": []}""", false, TestName = "const violated")]
    [TestCase("""{"message": "Fetched completed transfers successfully.", "results": ["not-a-uuid"]}""", false, TestName = "uuid pattern violated")]
    public async Task Fails_on_a_body_that_breaks_the_schema(string body, bool passes)
    {
        var result = SchemaMatches.Check(Schema, await Exchanges.Schemas.ValidateAsync(Schema, body));
        result.Passed.Should().Be(passes, result.Message);
        result.Requirement.Id.Should().Be("SCHEMA-01");
    }

    [Test]
    public async Task Errors_name_their_kind_and_json_path()
    {
        var errors = await Exchanges.Schemas.ValidateAsync(Schema, """{"message": "Fetched completed transfers successfully.", "results": [1]}""");
        errors.Should().ContainSingle().Which.Path.Should().Be("$.results[0]");
        SchemaMatches.Check(Schema, errors).Message.Should().Contain("$.results[0]");
    }
}
