using System.Globalization;

namespace Conformance.Framework.Requests;

/// <summary>
/// Retries only what is safe to repeat (GET, HEAD, OPTIONS) and only when the target is busy or the
/// connection failed: no response, 429, 502, 503, 504. Bounded in count and in wait, so a sick target
/// still ends the run in bounded time; Retry-After is honoured up to <see cref="MaxWait"/>.
/// </summary>
public sealed class RetryPolicy(int maxRetries)
{
    public static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(10);

    private static readonly HashSet<int> BusyStatuses = [429, 502, 503, 504];

    private static readonly HashSet<string> IdempotentReads = new(StringComparer.OrdinalIgnoreCase) { "GET", "HEAD", "OPTIONS" };

    /// <summary>Whether to send the request again; <paramref name="status"/> is null when no response came.</summary>
    public bool ShouldRetry(string method, int? status, int attemptsSoFar) =>
        attemptsSoFar <= maxRetries && IdempotentReads.Contains(method) && (status is null || BusyStatuses.Contains(status.Value));

    /// <summary>Retry-After (seconds or an HTTP date) when given, else 0.5 s, 1 s, 2 s...; never more than <see cref="MaxWait"/>.</summary>
    public static TimeSpan Delay(string? retryAfter, int attemptsSoFar)
    {
        var wait = ParseRetryAfter(retryAfter) ?? TimeSpan.FromMilliseconds(500 * Math.Pow(2, attemptsSoFar - 1));
        return wait < TimeSpan.Zero ? TimeSpan.Zero : wait > MaxWait ? MaxWait : wait;
    }

    public static TimeSpan? ParseRetryAfter(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (int.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return TimeSpan.FromSeconds(seconds);
        }

        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var when)
            ? when - DateTimeOffset.UtcNow
            : null;
    }
}
