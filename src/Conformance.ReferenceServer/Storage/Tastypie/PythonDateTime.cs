using System.Globalization;

namespace Conformance.ReferenceServer.Storage.Tastypie;

/// <summary>Naive datetimes as the SS serialises them: server TIME_ZONE (America/Los_Angeles), no offset, isoformat().</summary>
internal static class PythonDateTime
{
    private static readonly TimeZoneInfo ServerZone = FindZone();

    /// <summary>Now in the server's zone, truncated to microseconds like Python datetimes.</summary>
    public static DateTime Now()
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, ServerZone);
        return new DateTime(local.Ticks - (local.Ticks % 10), DateTimeKind.Unspecified);
    }

    /// <summary>datetime.isoformat(): microseconds only when non-zero.</summary>
    public static string Format(DateTime value) =>
        value.Ticks % TimeSpan.TicksPerSecond == 0
            ? value.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture)
            : value.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff", CultureInfo.InvariantCulture);

    private static TimeZoneInfo FindZone()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles");
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.Utc;
        }
        catch (InvalidTimeZoneException)
        {
            return TimeZoneInfo.Utc;
        }
    }
}
