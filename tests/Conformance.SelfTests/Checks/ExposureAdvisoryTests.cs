using FluentAssertions;
using NUnit.Framework;

namespace Conformance.SelfTests.Checks;

/// <summary>
/// The four exposure checks (advisories, reported as warnings): each fails on an exposing target and
/// passes otherwise; the query-key check does not apply where the key does not cross a network in the clear.
/// </summary>
[Parallelizable(ParallelScope.All)]
public sealed class ExposureAdvisoryTests
{
    private static Exchange Answer(int status = 200, params (string Name, string Value)[] headers) => new()
    {
        Service = "archivematica",
        AuthMode = AuthMode.Query,
        Method = "GET",
        Url = "http://am.example.org/api/transfer/completed?username=test&api_key=***",
        Status = status,
        ResponseHeaders = [.. headers.Select(h => new KeyValuePair<string, string>(h.Name, h.Value))],
    };

    [TestCase("http://am.example.org/", true)]
    [TestCase("http://10.0.0.5:8000/", true)]
    [TestCase("https://am.example.org/", false)]
    [TestCase("http://127.0.0.1:62080/", false)]
    [TestCase("http://localhost:8000/", false)]
    [TestCase("http://[::1]:8000/", false)]
    public void Plain_http_warns_only_off_loopback(string url, bool warns) =>
        PlainHttpNotExposed.Check(new Uri(url)).Should().Match<CheckResult>(r => r.Passed == !warns && r.Requirement == Advisory.PlainHttp);

    [Test]
    public void A_query_key_accepted_over_exposed_plain_http_warns() =>
        QueryKeyRefusedOverPlainHttp.Check(new Uri("http://am.example.org/"), Answer())
            .Should().Match<CheckResult>(r => !r.Passed && r.Message.Contains("api_key") && r.Requirement == Advisory.QueryKeyOverPlainHttp);

    [Test]
    public void A_refused_query_key_passes() =>
        QueryKeyRefusedOverPlainHttp.Check(new Uri("http://am.example.org/"), Answer(403))!.Passed.Should().BeTrue("a refused key is not accepted");

    [TestCase("https://am.example.org/", TestName = "{m}(over HTTPS the query is encrypted)")]
    [TestCase("http://127.0.0.1:1/", TestName = "{m}(loopback does not cross a network)")]
    public void The_query_key_check_does_not_apply_off_exposed_plain_http(string url) =>
        QueryKeyRefusedOverPlainHttp.Check(new Uri(url), Answer()).Should().BeNull();

    [TestCase("Server", "nginx/1.18.0 (Ubuntu)", true)]
    [TestCase("Server", "Apache/2.4.41", true)]
    [TestCase("X-Powered-By", "PHP/7.4.3", true)]
    [TestCase("Server", "nginx", false)]
    [TestCase("Server", "gunicorn", false)]
    public void A_server_header_with_a_version_warns(string header, string value, bool warns) =>
        ServerHeaderNamesNoVersion.Check(Answer(200, (header, value))).Passed.Should().Be(!warns);

    [Test]
    public void Cors_that_lets_any_origin_send_credentials_warns()
    {
        var origin = ExposureChecks.ForeignOrigin;
        CorsRefusesForeignCredentials.Check(Answer(200, ("Access-Control-Allow-Origin", origin), ("Access-Control-Allow-Credentials", "true")), origin).Passed.Should().BeFalse("the origin is reflected");
        CorsRefusesForeignCredentials.Check(Answer(200, ("Access-Control-Allow-Origin", "*"), ("Access-Control-Allow-Credentials", "true")), origin).Passed.Should().BeFalse();
    }

    [Test]
    public void Cors_for_one_trusted_origin_or_without_credentials_passes()
    {
        var origin = ExposureChecks.ForeignOrigin;
        CorsRefusesForeignCredentials.Check(Answer(200, ("Access-Control-Allow-Origin", "*")), origin).Passed.Should().BeTrue("without credentials a wildcard exposes only what is public");
        CorsRefusesForeignCredentials.Check(Answer(200, ("Access-Control-Allow-Origin", "https://dashboard.example.org"), ("Access-Control-Allow-Credentials", "true")), origin).Passed.Should().BeTrue("one trusted origin");
        CorsRefusesForeignCredentials.Check(Answer(), origin).Passed.Should().BeTrue();
    }

    [Test]
    public void A_warning_is_a_failed_checks_message_only()
    {
        ExposureChecks.Warning(PlainHttpNotExposed.Check(new Uri("http://am.example.org/"))).Should().StartWith("http://am.example.org is plain HTTP");
        ExposureChecks.Warning(PlainHttpNotExposed.Check(new Uri("https://am.example.org/"))).Should().BeNull();
        ExposureChecks.Warning(null).Should().BeNull();
    }

    [Test]
    public void Every_exposure_check_has_its_advisory() =>
        ExposureChecks.All.Select(ExposureChecks.Describe).Should().Equal(Advisory.All.Select(a => a.Shall));
}
