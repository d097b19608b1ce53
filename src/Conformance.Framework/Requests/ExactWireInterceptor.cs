using RestSharp.Interceptors;

namespace Conformance.Framework.Requests;

/// <summary>
/// Per request: puts the body on the wire byte for byte with the Content-Type exactly as planned
/// (.NET rejects or rewrites some types the contract needs, e.g. "text/csv; charset=UTF-8"), and
/// keeps the response headers as the server sent them ("Allow: GET,POST" and "GET, POST" must stay
/// apart, which RestSharp's parsed headers do not).
/// </summary>
internal sealed class ExactWireInterceptor(byte[]? body, string? contentType, bool keepSentHeaders = false) : Interceptor
{
    public IReadOnlyList<KeyValuePair<string, string>> ResponseHeaders { get; private set; } = [];

    /// <summary>The URL exactly as it went on the wire; null when RestSharp never built the request.</summary>
    public Uri? SentUrl { get; private set; }

    /// <summary>The request headers as they went on the wire, when asked for (by <see cref="RequestCapture"/>).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> SentHeaders { get; private set; } = [];

    public override ValueTask BeforeHttpRequest(HttpRequestMessage requestMessage, CancellationToken cancellationToken)
    {
        SentUrl = requestMessage.RequestUri;
        if (body is not null)
        {
            requestMessage.Content = new ByteArrayContent(body);
            requestMessage.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }

        if (keepSentHeaders)
        {
            SentHeaders = requestMessage.Content is null
                ? Flatten(requestMessage.Headers.NonValidated)
                : Flatten(requestMessage.Headers.NonValidated, requestMessage.Content.Headers.NonValidated);
        }

        return ValueTask.CompletedTask;
    }

    public override ValueTask AfterHttpRequest(HttpResponseMessage responseMessage, CancellationToken cancellationToken)
    {
        ResponseHeaders = Flatten(responseMessage.Headers.NonValidated, responseMessage.Content.Headers.NonValidated);
        return ValueTask.CompletedTask;
    }

    private static List<KeyValuePair<string, string>> Flatten(params IEnumerable<KeyValuePair<string, System.Net.Http.Headers.HeaderStringValues>>[] groups) =>
        groups.SelectMany(g => g)
            .Select(h => new KeyValuePair<string, string>(h.Key, string.Join(", ", h.Value)))
            .ToList();
}
