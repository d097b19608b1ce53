using System.Globalization;
using System.Text.RegularExpressions;
using FluentAssertions;
using NUnit.Framework;

namespace Conformance.SelfTests.Safety;

/// <summary>
/// The read-only exchanges the suite sends in one batch before its tests: only those of the tests
/// the run selected (proven from the server's own request log), and every one of them.
/// </summary>
[TestFixture]
[Category("end-to-end")]
public sealed class SentAheadTests
{
    [Test]
    public async Task A_filtered_run_sends_ahead_exactly_what_its_selected_tests_send()
    {
        await using var target = await ReferenceTarget.StartAsync();
        var before = target.Host.Received.Requests.Count; // the self-test's own preflight
        var (exitCode, output) = await SuiteProcess.RunAsync(SafetyTests.Environment(target.Host), filter: "Name~ss.pipeline.list",
            arguments: ["--logger", "console;verbosity=normal"]);

        exitCode.Should().Be(0, output);
        var testsThatSent = target.Host.Received.Requests.Skip(before).Select(r => r.TestName ?? "(none)")
            .Where(n => n != "preflight" && !n.StartsWith("discovery: ", StringComparison.Ordinal)).Distinct().ToList();
        testsThatSent.Should().NotBeEmpty().And.OnlyContain(n => n.Contains("ss.pipeline.list", StringComparison.Ordinal), "nothing the filter left out is sent");
        var sentAhead = Regex.Match(output, @"Read-only exchanges: (\d+) tests' requests sent ahead");
        sentAhead.Success.Should().BeTrue(output);
        int.Parse(sentAhead.Groups[1].Value, CultureInfo.InvariantCulture).Should().Be(testsThatSent.Count, "every selected test's exchange went in the batch");
    }
}
