using FluentAssertions;
using NUnit.Framework;

namespace Conformance.SelfTests.Checks;

/// <summary>AUTH-01 to AUTH-11: which requirement an auth mode's status is judged by.</summary>
[Parallelizable(ParallelScope.All)]
public sealed class AuthRequirementsTests
{
    [TestCase(AuthMode.Header, "AUTH-01")]
    [TestCase(AuthMode.Query, "AUTH-02")]
    [TestCase(AuthMode.BadKeyHeader, "AUTH-03")]
    [TestCase(AuthMode.BadKeyQuery, "AUTH-04")]
    [TestCase(AuthMode.NoCredentials, "AUTH-05")]
    [TestCase(AuthMode.UnknownUser, "AUTH-06")]
    [TestCase(AuthMode.HeaderWithoutColon, "AUTH-07")]
    [TestCase(AuthMode.BearerScheme, "AUTH-08")]
    [TestCase(AuthMode.HeaderOverBadQuery, "AUTH-10")]
    [TestCase(AuthMode.BadHeaderOverQuery, "AUTH-10")]
    [TestCase(AuthMode.Basic, "AUTH-11")]
    public void Each_mode_is_judged_by_its_requirement(AuthMode mode, string id) => AuthRequirements.Of(mode).Id.Should().Be(id);

    [Test]
    public void Valid_credentials_answered_with_the_auth_failure_fail_the_modes_requirement()
    {
        var refused = Exchanges.CompletedTransfers(status: 403);
        var requirement = AuthRequirements.ForAccepted(refused, AuthMode.Query, successStatus: 200, authFailureStatus: 403);
        requirement.Should().Be(Requirement.ValidQueryAccepted);
        StatusIsContractual.Check(refused, 200, requirement).Should().Match<CheckResult>(r => !r.Passed && r.Requirement.Id == "AUTH-02");
    }

    [Test]
    public void Valid_credentials_answered_as_the_contract_says_pass() =>
        StatusIsContractual.Check(Exchanges.CompletedTransfers(), 200, AuthRequirements.ForAccepted(Exchanges.CompletedTransfers(), AuthMode.Header, 200, 403)).Passed.Should().BeTrue();

    [Test]
    public void Another_wrong_status_or_an_expected_403_is_not_an_auth_defect()
    {
        AuthRequirements.ForAccepted(Exchanges.CompletedTransfers(status: 500), AuthMode.Header, 200, 403).Should().Be(Requirement.Status);
        AuthRequirements.ForAccepted(Exchanges.CompletedTransfers(status: 403), AuthMode.Header, 403, 403).Should().Be(Requirement.Status, "the contract's own answer is a 403");
    }

    [Test]
    public void A_rejection_mode_has_no_acceptance_requirement()
    {
        var accepting = () => AuthRequirements.Accepting(AuthMode.NoCredentials);
        accepting.Should().Throw<ArgumentOutOfRangeException>();
    }
}
