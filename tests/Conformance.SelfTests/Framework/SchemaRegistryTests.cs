using FluentAssertions;
using NUnit.Framework;

namespace Conformance.SelfTests.Framework;

/// <summary>Compiling ahead and remembering verdicts change when the work is done, never what it finds.</summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class SchemaRegistryTests
{
    private static SchemaRegistry Schemas => ReferenceTarget.Schemas;

    private const string AuthFailure = "archivematica/auth-failure.403.json";

    [Test]
    public async Task Compiling_ahead_leaves_a_broken_schema_to_the_checks_that_use_it()
    {
        var folder = Directory.CreateTempSubdirectory("schemas-").FullName;
        try
        {
            await File.WriteAllTextAsync(Path.Combine(folder, "good.json"), """{"type": "object", "required": ["a"]}""");
            await File.WriteAllTextAsync(Path.Combine(folder, "broken.json"), """{"type": "object", """);
            var registry = new SchemaRegistry(folder);

            await registry.Invoking(r => r.CompileAsync(["good.json", "broken.json", "missing.json"])).Should().NotThrowAsync();

            (await registry.ValidateAsync("good.json", "{}")).Should().ContainSingle();
            await registry.Invoking(r => r.ValidateAsync("broken.json", "{}")).Should().ThrowAsync<Exception>();
            await registry.Invoking(r => r.ValidateAsync("missing.json", "{}")).Should().ThrowAsync<FileNotFoundException>();
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public async Task A_remembered_verdict_is_the_verdict_for_that_schema_and_text()
    {
        const string wrong = """{"message": 1}""";
        const string right = """{"message": "API key not valid.", "error": true}""";

        var first = await Schemas.ValidateAsync(AuthFailure, wrong);
        (await Schemas.ValidateAsync(AuthFailure, right)).Should().BeEmpty();
        var again = await Schemas.ValidateAsync(AuthFailure, wrong);

        first.Should().NotBeEmpty();
        again.Should().Equal(first);
        (await new SchemaRegistry(Paths.Schemas).ValidateAsync(AuthFailure, wrong)).Should().Equal(first, "a fresh registry finds the same errors");
    }

    [Test]
    public async Task The_same_text_is_judged_against_each_schema()
    {
        const string body = """{"message": "API key not valid.", "error": true}""";
        const string storageList = "storage/ss.file.list.200.json";

        (await Schemas.ValidateAsync(AuthFailure, body)).Should().BeEmpty();
        (await Schemas.ValidateAsync(storageList, body)).Should().NotBeEmpty($"{storageList} is not the 403 body's schema");
    }
}
