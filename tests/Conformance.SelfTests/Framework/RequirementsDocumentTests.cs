using FluentAssertions;
using NUnit.Framework;

namespace Conformance.SelfTests.Framework;

[TestFixture]
public sealed class RequirementsDocumentTests
{
    [Test]
    public void The_document_lists_exactly_the_requirements_the_code_enforces()
    {
        var rows = File.ReadAllLines(Path.Combine(Paths.Root, "docs", "requirements.md"))
            .Where(l => l.StartsWith("| ", StringComparison.Ordinal) && !l.StartsWith("| id", StringComparison.Ordinal))
            .Select(l => l.Split('|', StringSplitOptions.TrimEntries))
            .Select(cells => (Id: cells[1], Shall: cells[2]))
            .ToList();
        rows.Should().BeEquivalentTo(Requirement.All.Select(r => (r.Id, r.Shall)), o => o.WithStrictOrdering());
    }
}
