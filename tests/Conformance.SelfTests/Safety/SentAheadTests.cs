using System.Globalization;
using System.Text.RegularExpressions;
using FluentAssertions;
using NUnit.Framework;

namespace Conformance.SelfTests.Safety;

/// <summary>
/// The read-only exchanges the suite sends in one burst once it has learnt the run's selection of
/// tests (from NUnit's public API): only those of the tests the run selected, each once, by the burst
/// or by its own test (proven from the server's own request log); in a whole run and in a read-only
/// run, all of them in the burst, learnt before any test started.
/// </summary>
[TestFixture]
[Category("end-to-end")]
public sealed partial class SentAheadTests
{
    [Test]
    public async Task A_filtered_run_sends_exactly_what_its_selected_tests_send_each_once()
    {
        var (sentAhead, sentByTests, testsThatSent) = await RunAsync("Name~ss.pipeline.list");

        testsThatSent.Should().NotBeEmpty().And.OnlyContain(n => n.Contains("ss.pipeline.list", StringComparison.Ordinal), "nothing the filter left out is sent");
        (sentAhead + sentByTests).Should().Be(testsThatSent.Count, "each selected test's exchange went out once, in the burst or from its test");
    }

    [Test]
    public async Task A_whole_run_sends_every_read_only_exchange_in_the_burst()
    {
        var (sentAhead, sentByTests, testsThatSent) = await RunAsync(filter: null);

        sentByTests.Should().Be(0, "the filter is learnt as the set-up's children are dispatched, before any test starts: every read-only exchange went in the burst");
        sentAhead.Should().BeGreaterThanOrEqualTo(testsThatSent.Count(n => !n.Contains("Write", StringComparison.Ordinal)),
            "the burst holds every read-only test that sent (and those whose case is not run on this target, which send nothing)");
    }

    [Test]
    public async Task A_read_only_run_sends_every_exchange_in_the_burst_before_any_test_starts()
    {
        var (sentAhead, sentByTests, testsThatSent) = await RunAsync("TestCategory=read-only");

        sentByTests.Should().Be(0, "no test starts before the filter is learnt, so none sends its own exchange");
        sentAhead.Should().BeGreaterThanOrEqualTo(testsThatSent.Count, "every read-only test that sent did so in the burst");
    }

    private static async Task<(int SentAhead, int SentByTests, List<string> TestsThatSent)> RunAsync(string? filter)
    {
        await using var target = await ReferenceTarget.StartAsync();
        var before = target.Host.Received.Requests.Count; // the self-test's own preflight
        var (exitCode, output) = await SuiteProcess.RunAsync(SafetyTests.Environment(target.Host), filter: filter,
            arguments: ["--logger", "console;verbosity=normal"]);

        exitCode.Should().Be(0, output);
        var testsThatSent = target.Host.Received.Requests.Skip(before).Select(r => r.TestName ?? "(none)")
            .Where(n => n != "preflight" && !n.StartsWith("discovery: ", StringComparison.Ordinal)).Distinct().ToList();
        var message = SentAheadMessage().Match(output);
        message.Success.Should().BeTrue(output);
        return (int.Parse(message.Groups["ahead"].Value, CultureInfo.InvariantCulture), int.Parse(message.Groups["own"].Value, CultureInfo.InvariantCulture), testsThatSent);
    }

    [GeneratedRegex(@"Read-only exchanges: (?<ahead>\d+) tests' requests sent ahead, .*?; (?<own>\d+) tests sent their own")]
    private static partial Regex SentAheadMessage();
}
