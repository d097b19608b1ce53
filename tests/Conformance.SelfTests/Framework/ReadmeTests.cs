using FluentAssertions;
using NUnit.Framework;

namespace Conformance.SelfTests.Framework;

[TestFixture]
public sealed class ReadmeTests
{
    [Test]
    public void The_settings_table_lists_every_parameter_with_its_variable_default_and_meaning()
    {
        var rows = File.ReadAllLines(Path.Combine(Paths.Root, "README.md"))
            .SkipWhile(l => !l.StartsWith("| parameter |", StringComparison.Ordinal)).Skip(2)
            .TakeWhile(l => l.StartsWith('|'))
            .Select(l => l.Split('|', StringSplitOptions.TrimEntries)[1..^1])
            .Select(c => (Name: c[0], Variable: c[1], Default: c[2], Meaning: c[3]))
            .ToList();
        rows.Should().BeEquivalentTo(
            Settings.All.Select(s => (s.Name, Variable: s.EnvironmentVariable, Default: s.Default ?? "", s.Meaning)),
            o => o.WithStrictOrdering());
    }

    [Test]
    [TestCase("default.runsettings")]
    [TestCase("reference.runsettings")]
    [TestCase("sandbox.runsettings")]
    [TestCase("production.runsettings")]
    [TestCase("ci.runsettings")]
    public void A_runsettings_template_is_valid_and_names_only_known_parameters(string file)
    {
        var names = System.Xml.Linq.XDocument.Load(Path.Combine(Paths.Root, "runsettings", file))
            .Descendants("Parameter").Select(p => (string)p.Attribute("name")!);
        names.Should().BeSubsetOf(Settings.All.Select(s => s.Name));
    }

    [Test]
    public void The_production_template_allows_no_writes()
    {
        var parameters = System.Xml.Linq.XDocument.Load(Path.Combine(Paths.Root, "runsettings", "production.runsettings"))
            .Descendants("Parameter").ToDictionary(p => (string)p.Attribute("name")!, p => (string)p.Attribute("value")!);
        parameters.Should().Contain("AllowWrites", "false").And.Contain("AllowDestructive", "false").And.Contain("AllowHostileWrites", "false");
    }
}
