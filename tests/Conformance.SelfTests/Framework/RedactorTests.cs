using FluentAssertions;
using NUnit.Framework;

namespace Conformance.SelfTests.Framework;

[TestFixture]
public sealed class RedactorTests
{
    private const string Key = "f00dfacecafe0123456789abcdef0123456789ab";

    [TestCase("Authorization: ApiKey alice:" + Key, "Authorization: ApiKey alice:***")]
    [TestCase("authorization: apikey alice:" + Key, "authorization: apikey alice:***")]
    [TestCase("/api/v2/file/?username=alice&api_key=" + Key + "&limit=20", "/api/v2/file/?username=alice&api_key=***&limit=20")]
    [TestCase("Authorization: Basic YWxpY2U6c2VjcmV0", "Authorization: Basic ***")]
    [TestCase("Cookie: sessionid=abc123; csrftoken=def456", "Cookie: sessionid=***; csrftoken=***")]
    [TestCase("WWW-Authenticate: Basic Realm=\"django-tastypie\"", "WWW-Authenticate: Basic Realm=\"django-tastypie\"")]
    [TestCase("AUTHORIZATION: APIKEY ALICE:" + Key, "AUTHORIZATION: APIKEY ALICE:***")]
    [TestCase("form: PASSWORD=hunter2&next=/", "form: PASSWORD=***&next=/")]
    [TestCase("Authorization: BEARER abcdefgh", "Authorization: BEARER ***")]
    public void Masks_credentials_in_their_usual_places(string text, string expected) =>
        Redactor.Redact(text).Should().Be(expected);

    [TestCase("WWW-Authenticate: Basic Realm=\"django-tastypie\"")]
    [TestCase("WWW-Authenticate: Bearer realm=\"example\", error=\"invalid_token\"")]
    [TestCase("ss.file.extract_file@v1, Basic could not be exercised: no package")]
    [TestCase("not run: Basic needs the user's password")]
    public void Leaves_authentication_challenges_readable(string text) =>
        Redactor.Redact(text).Should().Be(text);

    [Test]
    public void Masks_a_registered_secret_wherever_it_appears_even_url_encoded()
    {
        const string secret = "s3cr3t/with+chars";
        Redactor.Register(secret);
        Redactor.Redact($"echo {secret} and {Uri.EscapeDataString(secret)}").Should().Be("echo *** and ***");
    }

    [Test]
    public void Curl_reproduction_and_description_never_show_the_key()
    {
        var exchange = Exchanges.CompletedTransfers() with
        {
            Url = Redactor.Redact($"http://127.0.0.1/api/transfer/completed?username=alice&api_key={Key}"),
            RequestHeaders = [new("Authorization", Redactor.Redact($"ApiKey alice:{Key}"))],
        };
        exchange.ToCurl().Should().NotContain(Key).And.Contain("api_key=***").And.Contain("ApiKey alice:***");
        exchange.Describe().Should().NotContain(Key);
    }
}
