using System.Diagnostics;
using FluentAssertions;
using Microsoft.AspNetCore.Http;
using NUnit.Framework;

namespace Conformance.SelfTests.Resilience;

/// <summary>A slow, busy, hanging or resetting target ends in bounded time with a clear answer.</summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class ResilienceTests
{
    private static ServiceClient Client(Uri url, int maxRetries = 2, double timeoutSeconds = 10) =>
        new(new ServiceEndpoint(ServiceKind.Archivematica, url, new Credentials("test", "resilience-key-0123456789")), TimeSpan.FromSeconds(timeoutSeconds), maxRetries: maxRetries);

    private static readonly RequestPlan Get = new() { Method = "GET", Path = "/api/transfer/completed" };

    [Test]
    public async Task A_hanging_target_times_out_at_the_configured_timeout()
    {
        await using var stub = await StubServer.StartAsync(context => Task.Delay(Timeout.Infinite, context.RequestAborted));
        using var client = Client(stub.Url, maxRetries: 0, timeoutSeconds: 1);
        var watch = Stopwatch.StartNew();
        var exchange = await client.SendAsync(Get, AuthMode.Header, "self-test");
        watch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(10));
        exchange.TransportError.Should().Be("timed out");
        exchange.Describe().Should().Contain("Response: none: timed out");
    }

    [Test]
    public async Task A_resetting_target_is_a_transport_error_after_bounded_retries()
    {
        var calls = 0;
        await using var stub = await StubServer.StartAsync(context =>
        {
            Interlocked.Increment(ref calls);
            context.Abort();
            return Task.CompletedTask;
        });
        using var client = Client(stub.Url, maxRetries: 2);
        var exchange = await client.SendAsync(Get, AuthMode.Header, "self-test");
        exchange.TransportError.Should().NotBeNull();
        exchange.Attempts.Should().Be(3);
        calls.Should().Be(3);
    }

    [Test]
    public async Task A_busy_target_is_retried_after_its_Retry_After()
    {
        var calls = 0;
        await using var stub = await StubServer.StartAsync(async context =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                context.Response.StatusCode = 503;
                context.Response.Headers.RetryAfter = "1";
                return;
            }

            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("{\"results\": []}");
        });
        using var client = Client(stub.Url);
        var watch = Stopwatch.StartNew();
        var exchange = await client.SendAsync(Get, AuthMode.Header, "self-test");
        exchange.Status.Should().Be(200);
        exchange.Attempts.Should().Be(2);
        watch.Elapsed.Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(0.9), "Retry-After: 1 is honoured");
    }

    [Test]
    public async Task Writes_are_never_retried_and_retries_are_bounded()
    {
        var calls = 0;
        await using var stub = await StubServer.StartAsync(context =>
        {
            Interlocked.Increment(ref calls);
            context.Response.StatusCode = 503;
            context.Response.Headers.RetryAfter = "0";
            return Task.CompletedTask;
        });
        using var client = Client(stub.Url, maxRetries: 2);
        (await client.SendAsync(Get with { Method = "POST", Body = "{}" }, AuthMode.Header, "self-test")).Attempts.Should().Be(1);
        (await client.SendAsync(Get, AuthMode.Header, "self-test")).Should().Match<Exchange>(x => x.Status == 503 && x.Attempts == 3);
        calls.Should().Be(4);
    }

    [TestCase("120", 10)]
    [TestCase("2", 2)]
    [TestCase(null, 0.5)]
    public void Retry_after_is_honoured_up_to_a_bound(string? retryAfter, double expectedSeconds) =>
        RetryPolicy.Delay(retryAfter, attemptsSoFar: 1).Should().Be(TimeSpan.FromSeconds(expectedSeconds));

    [Test]
    public async Task TLS_verification_is_on_by_default_and_an_explicit_opt_out_is_reported()
    {
        new TlsSettings().ValidationCallback().Should().BeNull("the platform's full certificate check applies");
        new TlsSettings(SkipVerification: true).Describe().Should().Contain("TLS VERIFICATION OFF");
        var missing = () => new TlsSettings(CaBundlePath: "/nonexistent/ca.pem").ValidationCallback();
        missing.Should().Throw<ConfigurationException>().WithMessage("*CA_BUNDLE*");
        await Task.CompletedTask;
    }
}
