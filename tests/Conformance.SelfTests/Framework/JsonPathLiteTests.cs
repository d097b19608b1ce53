using System.Text.Json.Nodes;
using FluentAssertions;
using NUnit.Framework;

namespace Conformance.SelfTests.Framework;

[TestFixture]
public sealed class JsonPathLiteTests
{
    private static readonly JsonNode Document = JsonNode.Parse("""
        {"objects": [{"uuid": "a", "pointer_file_path": null}, {"uuid": "b", "pointer_file_path": ""}, {"uuid": "c", "pointer_file_path": "/p.xml"}],
         "results": ["x"],
         "jobs": [{"uuid": "j1", "tasks": []}, {"uuid": "j2", "tasks": [{"uuid": "t1"}]}]}
        """)!;

    [TestCase("results[0]", "x")]
    [TestCase("objects[1].uuid", "b")]
    [TestCase("objects[?pointer_file_path].uuid", "c")]
    [TestCase("objects[?missing].uuid", null)]
    [TestCase(@"objects[?pointer_file_path~=\.xml$].uuid", "c")]
    [TestCase(@"objects[?uuid~=^(b|c)$].uuid", "b")]
    [TestCase("objects[9].uuid", null)]
    [TestCase("jobs[?tasks].tasks[0].uuid", "t1")]
    public void Selects_by_name_index_and_filter(string path, string? expected)
    {
        var selected = JsonPathLite.Select(Document, path)?.GetValue<string>();
        selected.Should().Be(expected);
    }
}
