using FluentAssertions;
using NUnit.Framework;

namespace Conformance.SelfTests.Checks;

/// <summary>LEAK-01.</summary>
[Parallelizable(ParallelScope.All)]
public sealed class CredentialLeakTests
{
    [TestCase(AuthMode.Header, false)]
    [TestCase(AuthMode.BadKeyQuery, false)]
    [TestCase(AuthMode.Query, true)]
    [TestCase(AuthMode.BadHeaderOverQuery, true)]
    public void Fails_on_an_echoed_key_unless_the_request_put_it_in_its_query(AuthMode mode, bool allowed)
    {
        var echoed = Exchanges.CompletedTransfers() with { AuthMode = mode, BodyEchoesSecret = true };
        CredentialLeak.NotEchoed(echoed).Should().Match<CheckResult>(r => r.Passed == allowed && r.Requirement.Id == "LEAK-01");
        CredentialLeak.NotEchoed(Exchanges.CompletedTransfers() with { AuthMode = mode }).Passed.Should().BeTrue();
    }

    [Test]
    public void Detection_looks_for_long_secrets_only_in_the_forms_the_leak_scan_knows()
    {
        CredentialLeak.Echoes("""{"api_key": "0123456789abcdef"}""", "0123456789abcdef").Should().BeTrue();
        CredentialLeak.Echoes("next=%2Fa%3Db%2Bc%2F12", "/a=b+c/12").Should().BeTrue();
        CredentialLeak.Echoes("Basic " + Convert.ToBase64String("test:0123456789abcdef"u8.ToArray()), "0123456789abcdef").Should().BeTrue();
        CredentialLeak.Echoes("""{"user": "test"}""", "test").Should().BeFalse("a key shorter than 8 characters is not looked for");
        CredentialLeak.Echoes("", "0123456789abcdef", null).Should().BeFalse();
    }
}
