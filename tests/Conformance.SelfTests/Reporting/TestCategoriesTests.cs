using FluentAssertions;
using NUnit.Framework;
using NUnit.Framework.Internal;

namespace Conformance.SelfTests.Reporting;

[TestFixture]
public sealed class TestCategoriesTests
{
    [Test]
    public void Reading_a_tests_categories_collects_its_ancestors_and_changes_none_of_them()
    {
        var assembly = new TestSuite("Conformance.Tests");
        var fixture = new TestSuite("Exposure");
        fixture.Properties.Add(PropertyNames.Category, "exposure");
        var test = new TestSuite("Warns_about(storage, cors-credentials)");
        test.Properties.Add(PropertyNames.Category, "storage");
        assembly.Add(fixture);
        fixture.Add(test);

        TestCategories.Of(test).Should().Equal("storage", "exposure");
        assembly.Properties.ContainsKey(PropertyNames.Category).Should().BeFalse(
            "the suites are shared by tests finishing on several threads: reading must not add to them");
    }
}
