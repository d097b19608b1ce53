using FluentAssertions;
using NUnit.Framework;

namespace Conformance.SelfTests.Faults;

/// <summary>
/// No schema the catalogue uses may be vacuous: each must reject at least one of a handful of
/// documents no endpoint answers with. A schema loosened to <c>{}</c> (or <c>true</c>) accepts them
/// all and fails here; the mutation check (DropRequiredField, WrongFieldType, WrongEnumValue) shows
/// in addition that the schemas it exercises reject realistic near-misses.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class SchemaSensitivityTests
{
    private static SchemaRegistry Schemas => ReferenceTarget.Schemas;

    private static readonly string[] Probes = ["{}", "[]", "[{}]", "\"\"", "0", "true", "null", """{"conformance-probe": []}"""];

    public static IEnumerable<string> UsedSchemas() => ReferenceTarget.Catalogue.SchemaPaths().Order(StringComparer.Ordinal);

    [TestCaseSource(nameof(UsedSchemas))]
    public async Task Schema_rejects_documents_no_endpoint_answers_with(string schema)
    {
        var rejected = new List<string>();
        foreach (var probe in Probes)
        {
            if ((await Schemas.ValidateAsync(schema, probe)).Count > 0)
            {
                rejected.Add(probe);
            }
        }

        rejected.Should().NotBeEmpty($"{schema} accepts every probe ({string.Join(", ", Probes)}): a schema that accepts anything checks nothing");
    }
}
