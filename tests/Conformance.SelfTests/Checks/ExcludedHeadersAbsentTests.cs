using FluentAssertions;
using NUnit.Framework;

namespace Conformance.SelfTests.Checks;

/// <summary>HDR-02.</summary>
[Parallelizable(ParallelScope.All)]
public sealed class ExcludedHeadersAbsentTests
{
    [Test]
    public void Passes_when_the_excluded_header_is_absent() =>
        ExcludedHeadersAbsent.Check(Exchanges.CompletedTransfers(), ["WWW-Authenticate"]).Passed.Should().BeTrue();

    [Test]
    public void Fails_when_an_excluded_header_is_present() =>
        ExcludedHeadersAbsent.Check(Exchanges.CompletedTransfers(), ["X-Archivematica-ID"])
            .Should().Match<CheckResult>(r => !r.Passed && r.Requirement.Id == "HDR-02");
}
