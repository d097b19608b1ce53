using FluentAssertions;
using NUnit.Framework;

namespace Conformance.SelfTests.Framework;

/// <summary>The suite as a user runs it, in a separate process.</summary>
[TestFixture]
[Category("end-to-end")]
public sealed class SuiteEndToEndTests
{
    [Test]
    public async Task Pointed_where_nothing_listens_it_stops_at_preflight_with_one_failure_and_one_message()
    {
        const string key = "distinctive-key-7f3a9c1e55";
        var (exitCode, output) = await SuiteProcess.RunAsync(new Dictionary<string, string>
        {
            ["ARCHIVEMATICA_URL"] = StubServer.DeadUrl().ToString(),
            ["ARCHIVEMATICA_USER"] = "test",
            ["ARCHIVEMATICA_API_KEY"] = key,
        });

        exitCode.Should().NotBe(0);
        output.Should().Contain("Failed Target_is_reachable_and_accepts_the_credentials")
            .And.Contain("could not be reached")
            .And.Contain("Failed:     1,")
            .And.NotContain(key);
        CountOf(output, "Preflight failed;").Should().Be(1, "the preflight message is reported once, not per test");
    }

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;
}
