using FluentAssertions;
using NUnit.Framework;

namespace Conformance.SelfTests.Framework;

[TestFixture]
public sealed class VersionRangeTests
{
    [TestCase("<1.14", "1.13.2", true)]
    [TestCase("<1.14", "1.14.0", false)]
    [TestCase(">=1.15", "1.17.0-rc.2", true)]
    [TestCase(">=1.13 <1.15", "1.15.1", false)]
    [TestCase(">=0.20", "0.19.0", false)]
    [TestCase(">=0.20", "0.21", true)]
    public void Contains_follows_numeric_order(string range, string version, bool contained) =>
        VersionRange.Parse(range).Contains(version).Should().Be(contained);
}
