using FluentAssertions;
using NUnit.Framework;

namespace Conformance.SelfTests.Checks;

/// <summary>SLASH-01: a 301 to the same path with the slash, judged through the one verifier.</summary>
[Parallelizable(ParallelScope.All)]
public sealed class SlashRedirectsTests
{
    [TestCase("/api/v2/file/x;y/")]
    [TestCase("http://ss.example.org/prefix/api/v2/file/x%3By/?limit=1")]
    public async Task Passes_on_a_301_to_the_slash_url(string location) =>
        (await VerifyAsync(301, location)).Should().OnlyContain(r => r.Passed);

    [Test]
    public async Task Fails_on_another_status() =>
        (await VerifyAsync(302, "/api/v2/file/x;y/")).Should().Contain(r => !r.Passed && r.Requirement.Id == "SLASH-01");

    [Test]
    public async Task Fails_on_a_redirect_elsewhere() =>
        (await VerifyAsync(301, "/api/v2/file/other/")).Should().Contain(r => !r.Passed && r.Requirement.Id == "HDR-01");

    private static Task<IReadOnlyList<CheckResult>> VerifyAsync(int status, string location) =>
        CaseVerifier.VerifyAsync(Exchanges.CompletedTransfers(status, body: "", headers: ("Location", location)), SlashRedirects.Expected("/api/v2/file/x;y"), Requirement.TrailingSlash, Exchanges.Schemas);
}
