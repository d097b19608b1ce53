using System.Diagnostics;
using System.Net;
using RestSharp;
using RestSharp.Serializers;

namespace Conformance.Framework.Requests;

/// <summary>
/// The one long-lived HTTP client (one connection pool) for one service. It applies an
/// <see cref="AuthMode"/> to a <see cref="RequestPlan"/>, sends it, and returns a redacted
/// <see cref="Exchange"/>. Redirects are never followed: a 301/302 is something to check.
/// </summary>
public sealed class ServiceClient : IDisposable
{
    /// <summary>A key no real user has; used by the bad-key modes.</summary>
    private const string WrongKey = "conformance-wrong-key-0000000000";

    /// <summary>A user name no real instance has; used by <see cref="AuthMode.UnknownUser"/>.</summary>
    private const string UnknownUser = "conformance-unknown-user";

    private readonly RestClient _client;

    private readonly RetryPolicy _retries;

    private readonly Checks.CredentialLeak.EchoFinder _secrets;

    /// <summary>Where each request sent is appended (the RequestLog setting); null: nowhere.</summary>
    private readonly Action<RequestCapture.Sent>? _capture;

    public ServiceClient(ServiceEndpoint endpoint, TimeSpan timeout, TlsSettings? tls = null, int maxRetries = 0, string? requestLog = null)
    {
        Endpoint = endpoint;
        _capture = requestLog is null ? null : RequestCapture.To(requestLog).For(endpoint);
        _retries = new RetryPolicy(maxRetries);
        Redactor.Register(endpoint.Credentials.ApiKey);
        Redactor.Register(endpoint.Password);
        _secrets = Checks.CredentialLeak.Finder(endpoint.Credentials.ApiKey, endpoint.Password);
        var options = new RestClientOptions(endpoint.BaseUrl)
        {
            FollowRedirects = false,
            Timeout = timeout,
            UserAgent = SuiteInfo.UserAgent,
            ThrowOnAnyError = false,
            RemoteCertificateValidationCallback = (tls ?? new TlsSettings()).ValidationCallback(),
        };
        _client = new RestClient(options, configureSerialization: s => s.UseOnlySerializer(() => new NoAcceptSerializer()));
    }

    public ServiceEndpoint Endpoint { get; }

    public async Task<Exchange> SendAsync(RequestPlan plan, AuthMode mode, string testName, CancellationToken cancellationToken = default)
    {
        var request = new RestRequest(plan.Path.TrimStart('/'), Method(plan.Method));
        var sentHeaders = new List<KeyValuePair<string, string>> { new("User-Agent", SuiteInfo.UserAgent), new(SuiteInfo.TestNameHeader, testName) };
        foreach (var (name, value) in plan.Headers)
        {
            request.AddHeader(name, value);
            sentHeaders.Add(new(name, value));
        }

        var query = plan.Query.ToList();
        var authorization = ApplyCredentials(mode, query);
        if (authorization is not null)
        {
            request.AddHeader("Authorization", authorization);
            sentHeaders.Add(new("Authorization", authorization));
        }

        request.AddHeader(SuiteInfo.TestNameHeader, testName);
        var credentialCount = query.Count - plan.Query.Count;
        for (var i = 0; i < query.Count; i++)
        {
            // Credentials added by the auth mode are always encoded; planned values only unless the plan says they already are.
            request.AddQueryParameter(query[i].Key, query[i].Value, encode: !plan.QueryIsEncoded || i >= query.Count - credentialCount);
        }

        var (body, contentType) = Body(plan);
        var bodyBytes = plan.RawBody ?? (body is null ? null : System.Text.Encoding.UTF8.GetBytes(body));
        var wire = new ExactWireInterceptor(bodyBytes, contentType, keepSentHeaders: _capture is not null);
        request.Interceptors = [wire];

        var stopwatch = Stopwatch.StartNew();
        var attempts = 1;
        var response = await ExecuteAsync(request, wire, mode, bodyBytes, cancellationToken);
        while (_retries.ShouldRetry(plan.Method, ReceivedNoResponse(response) ? null : (int)response.StatusCode, attempts))
        {
            await Task.Delay(RetryPolicy.Delay(RetryAfter(wire.ResponseHeaders), attempts), cancellationToken);
            attempts++;
            response = await ExecuteAsync(request, wire, mode, bodyBytes, cancellationToken);
        }

        stopwatch.Stop();
        var url = (wire.SentUrl ?? _client.BuildUri(request)).AbsoluteUri;

        return new Exchange
        {
            Service = Endpoint.Kind.CatalogueName(),
            AuthMode = mode,
            Method = plan.Method,
            Url = Redactor.Redact(url),
            RequestHeaders = sentHeaders.Select(h => new KeyValuePair<string, string>(h.Key, Redactor.Redact(h.Value))).ToList(),
            RequestBody = bodyBytes is null ? null : Redactor.Redact(Printable(plan, body, bodyBytes)),
            RequestContentType = contentType,
            Status = (int)response.StatusCode,
            Reason = response.StatusDescription,
            ResponseHeaders = wire.ResponseHeaders.Select(h => new KeyValuePair<string, string>(h.Key, Redactor.Redact(h.Value))).ToList(),
            Body = Redactor.Redact(response.Content ?? string.Empty),
            BodyEchoesSecret = _secrets.Echoed(response.Content),
            Elapsed = stopwatch.Elapsed,
            TransportError = ReceivedNoResponse(response) ? Redactor.Redact(TransportError(response)) : null,
            Attempts = attempts,
            Discovered = plan.Discovered.Select(d => d with { Value = Redactor.Redact(d.Value) }).ToList(),
        };
    }

    public void Dispose() => _client.Dispose();

    // One attempt; with a request log, appended to it with when it left and when its answer was read.
    private async Task<RestResponse> ExecuteAsync(RestRequest request, ExactWireInterceptor wire, AuthMode mode, byte[]? body, CancellationToken cancellationToken)
    {
        if (_capture is null)
        {
            return await _client.ExecuteAsync(request, cancellationToken);
        }

        var at = DateTimeOffset.UtcNow;
        var started = Stopwatch.GetTimestamp();
        var response = await _client.ExecuteAsync(request, cancellationToken);
        var elapsed = Stopwatch.GetElapsedTime(started);
        if (wire.SentUrl is { } url)
        {
            var headers = wire.SentHeaders.Any(h => h.Key.Equals("User-Agent", StringComparison.OrdinalIgnoreCase))
                ? wire.SentHeaders
                : [new("User-Agent", SuiteInfo.UserAgent), .. wire.SentHeaders];
            _capture(new RequestCapture.Sent(at, elapsed, Endpoint.Kind.CatalogueName(), mode, request.Method.ToString().ToUpperInvariant(), url, headers, body,
                ReceivedNoResponse(response) ? 0 : (int)response.StatusCode));
        }

        return response;
    }

    private string? ApplyCredentials(AuthMode mode, List<KeyValuePair<string, string>> query)
    {
        var (user, key) = (Endpoint.Credentials.User, Endpoint.Credentials.ApiKey);
        switch (mode)
        {
            case AuthMode.Header:
                return $"ApiKey {user}:{key}";
            case AuthMode.Query:
                AddQueryCredentials(query, user, key);
                return null;
            case AuthMode.BadKeyHeader:
                return $"ApiKey {user}:{WrongKey}";
            case AuthMode.BadKeyQuery:
                AddQueryCredentials(query, user, WrongKey);
                return null;
            case AuthMode.NoCredentials:
                return null;
            case AuthMode.UnknownUser:
                return $"ApiKey {UnknownUser}:{key}";
            case AuthMode.HeaderWithoutColon:
                // Valid query credentials too: the contract says a malformed ApiKey header does not fall back to them.
                AddQueryCredentials(query, user, key);
                return $"ApiKey {user}{key}";
            case AuthMode.BearerScheme:
                return $"Bearer {key}";
            case AuthMode.HeaderOverBadQuery:
                AddQueryCredentials(query, user, WrongKey);
                return $"ApiKey {user}:{key}";
            case AuthMode.BadHeaderOverQuery:
                AddQueryCredentials(query, user, key);
                return $"ApiKey {user}:{WrongKey}";
            case AuthMode.Basic:
                // The dashboard must ignore Basic whatever it carries; the Storage Service checks the password.
                var secret = Endpoint.Kind == ServiceKind.Storage
                    ? Endpoint.Password ?? throw new InvalidOperationException("Basic auth needs the user's password.")
                    : key;
                return "Basic " + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{user}:{secret}"));
            default:
                throw new ArgumentOutOfRangeException(nameof(mode));
        }
    }

    private static void AddQueryCredentials(List<KeyValuePair<string, string>> query, string user, string key)
    {
        query.Add(new("username", user));
        query.Add(new("api_key", key));
    }

    /// <summary>Most characters of a request body kept in the exchange (and so in messages and curl lines).</summary>
    public const int MaxPrintedBody = 4096;

    // Bodies the suite sends on purpose that are huge or not UTF-8 are described, not printed whole.
    private static string Printable(RequestPlan plan, string? body, byte[] bytes)
    {
        var text = plan.RawBody is null ? body! : System.Text.Encoding.UTF8.GetString(bytes);
        return text.Length <= MaxPrintedBody && plan.RawBody is null
            ? text
            : $"{text[..Math.Min(text.Length, 200)]}... ({bytes.Length} bytes{(plan.RawBody is null ? "" : ", sent byte for byte; invalid UTF-8 shown as U+FFFD")})";
    }

    private static (string? Body, string? ContentType) Body(RequestPlan plan) =>
        plan.RawBody is not null ? (null, plan.ContentType)
        : plan.Form is not null
            ? (string.Join('&', plan.Form.Select(f => $"{Uri.EscapeDataString(f.Key)}={Uri.EscapeDataString(f.Value)}")), "application/x-www-form-urlencoded")
            : plan.Body is not null ? (plan.Body, plan.ContentType ?? "application/json") : (null, null);

    private static string? RetryAfter(IReadOnlyList<KeyValuePair<string, string>> headers) =>
        headers.Where(h => h.Key.Equals("Retry-After", StringComparison.OrdinalIgnoreCase)).Select(h => h.Value).FirstOrDefault();

    // RestSharp marks every non-2xx answer as an error too; only a missing status means nothing came back.
    private static bool ReceivedNoResponse(RestResponse response) =>
        response.StatusCode == 0 || response.ResponseStatus is ResponseStatus.TimedOut or ResponseStatus.Aborted;

    private static string TransportError(RestResponse response) => response.ResponseStatus switch
    {
        ResponseStatus.TimedOut => "timed out",
        _ => response.ErrorException?.GetBaseException().Message ?? response.ErrorMessage ?? response.ResponseStatus.ToString(),
    };

    private static Method Method(string method) => Enum.Parse<Method>(method, ignoreCase: true);
}
