using FluentAssertions;
using NUnit.Framework;

namespace Conformance.SelfTests.Checks;

/// <summary>METHOD-01: the 405 expectation and the Allow header.</summary>
[Parallelizable(ParallelScope.All)]
public sealed class MethodNotAllowedTests
{
    [TestCase("GET, POST", true)]
    [TestCase("GET,POST", false)]
    [TestCase("GET", false)]
    public void Allow_check_compares_methods_and_separator(string allow, bool passes)
    {
        var result = MethodNotAllowed.Allow(Exchanges.CompletedTransfers(405, headers: ("Allow", allow)), ["GET", "POST"], ", ");
        result.Passed.Should().Be(passes);
        result.Requirement.Id.Should().Be("METHOD-01");
    }

    [Test]
    public void Allow_check_fails_without_an_Allow_header() =>
        MethodNotAllowed.Allow(Exchanges.CompletedTransfers(405), ["GET"], ", ").Message.Should().Be("expected 'Allow: GET', got no Allow header");

    [Test]
    public void The_405_lists_the_methods_in_its_body_where_the_service_does()
    {
        var endpoint = ReferenceTarget.Catalogue.Endpoints.First(e => e.Service == ServiceKind.Storage && e.MethodNotAllowed is null);
        var contract = ReferenceTarget.Catalogue.Services[ServiceKind.Storage] with { MethodNotAllowedBodyListsMethods = true, AllowSeparator = "," };
        MethodNotAllowed.Expected(endpoint, contract).Should().Match<Expectation>(e => e.Status == 405 && e.Body == "text" && e.ExactBody == string.Join(",", endpoint.AllowedMethods));
        MethodNotAllowed.Expected(endpoint, contract with { MethodNotAllowedBodyListsMethods = false }).ExactBody.Should().BeNull();
    }

    [Test]
    public void An_endpoints_own_405_takes_precedence()
    {
        var own = new Expectation { Status = 405, Body = "empty" };
        var endpoint = ReferenceTarget.Catalogue.Endpoints.First() with { MethodNotAllowed = own };
        MethodNotAllowed.Expected(endpoint, ReferenceTarget.Catalogue.Services[endpoint.Service]).Should().BeSameAs(own);
    }
}
