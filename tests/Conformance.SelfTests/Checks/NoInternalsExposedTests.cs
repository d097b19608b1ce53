using FluentAssertions;
using NUnit.Framework;

namespace Conformance.SelfTests.Checks;

/// <summary>INPUT-02 and its scanner.</summary>
[Parallelizable(ParallelScope.All)]
public sealed class NoInternalsExposedTests
{
    [Test]
    public void Passes_on_a_plain_refusal() => NoInternalsExposed.Check(Probes.Answer(404)).Passed.Should().BeTrue();

    [Test]
    public void Fails_on_a_stack_trace() =>
        NoInternalsExposed.Check(Probes.Answer(500) with { Body = "Traceback (most recent call last):\n  File \"/src/dashboard/src/components/api/views.py\", line 10" })
            .Should().Match<CheckResult>(r => !r.Passed && r.Requirement.Id == "INPUT-02" && r.Message.StartsWith("the answer carries a Python stack trace", StringComparison.Ordinal));

    [Test]
    public void The_scanner_leaves_the_contracts_own_paths_alone()
    {
        LeakScanner.Find("{\"path\": \"/var/archivematica/sharedDirectory/watchedDirectories/activeTransfers/standardTransfer/x/\"}").Should().BeNull();
        LeakScanner.Find("{\"message\": \"[Errno 2] No such file or directory: '/var/archivematica/sharedDirectory/tmp/x'\"}").Should().BeNull();
        LeakScanner.Find("<h1>Server Error (500)</h1>").Should().BeNull();
        LeakScanner.Find("File \"/src/dashboard/src/components/api/views.py\", line 10").Should().NotBeNull();
    }
}
