using FluentAssertions;
using NUnit.Framework;

namespace Conformance.SelfTests.Checks;

/// <summary>HDR-01.</summary>
[Parallelizable(ParallelScope.All)]
public sealed class RequiredHeadersPresentTests
{
    private static readonly Dictionary<string, string> Required = new() { ["X-Archivematica-Version"] = @"^\d+\.\d+" };

    [Test]
    public void Passes_when_the_header_is_present_and_well_formed() =>
        RequiredHeadersPresent.Check(Exchanges.CompletedTransfers(), Required).Passed.Should().BeTrue();

    [Test]
    public void Fails_when_a_header_is_missing() =>
        RequiredHeadersPresent.Check(Exchanges.CompletedTransfers() with { ResponseHeaders = [new("Content-Type", "application/json")] }, Required)
            .Should().Match<CheckResult>(r => !r.Passed && r.Requirement.Id == "HDR-01" && r.Message == "header X-Archivematica-Version is missing");

    [Test]
    public void Fails_when_a_header_is_malformed() =>
        RequiredHeadersPresent.Check(Exchanges.CompletedTransfers() with { ResponseHeaders = [new("X-Archivematica-Version", "unknown")] }, Required)
            .Passed.Should().BeFalse();

    [Test]
    public void Does_not_apply_when_no_header_is_required() =>
        RequiredHeadersPresent.Check(Exchanges.CompletedTransfers() with { ResponseHeaders = [] }, new Dictionary<string, string>())
            .Should().Match<CheckResult>(r => r.Passed && r.Message == "no headers required");
}
