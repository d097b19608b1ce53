using System.Text.Json;

namespace Conformance.Framework.Targets;

/// <summary>
/// The Storage Service's release as the run expects it, and how that was decided. The service announces
/// no version; when StorageServiceVersion is not set, two read-only requests tell releases apart by what
/// changed between them (version-differences): the space schema lists <c>staging_path</c> from 0.20.0
/// (S3), and a malformed UUID in a detail URL is a 400 from 0.21.0 (Django UUIDField, S1), a 404
/// before. Releases that answer both alike (0.20.0 and 0.20.1; 0.21 to 0.23) are reported as a range
/// and the oldest is expected: the catalogue's expectations change only at 0.20 and 0.21, so every
/// release of a range gets the same ones.
/// </summary>
public sealed record StorageRelease(string Version, string Basis)
{
    /// <summary>Expected when the release is neither set nor detected (the setting's default).</summary>
    public const string Fallback = "0.19.0";

    private const string SchemaPath = "/api/v2/space/schema/";
    private const string MalformedUuidPath = "/api/v2/pipeline/not-a-uuid/";

    public static StorageRelease Configured(string version) => new(version, "set by StorageServiceVersion");

    public static async Task<StorageRelease> DetectAsync(ServiceClient client, CancellationToken cancellationToken = default)
    {
        var answers = await Task.WhenAll(
            client.SendAsync(new RequestPlan { Method = "GET", Path = SchemaPath }, AuthMode.Header, "release detection", cancellationToken),
            client.SendAsync(new RequestPlan { Method = "GET", Path = MalformedUuidPath }, AuthMode.Header, "release detection", cancellationToken));
        return Decide(HasStagingPath(answers[0]), answers[1].TransportError is null ? answers[1].Status : null);
    }

    /// <summary>The release from the two observations (null: the request did not give a usable answer).</summary>
    public static StorageRelease Decide(bool? stagingPath, int? malformedUuidStatus)
    {
        var schema = stagingPath switch
        {
            true => $"{SchemaPath} lists staging_path (0.20.0 and later)",
            false => $"{SchemaPath} does not list staging_path (before 0.20.0)",
            null => $"{SchemaPath} gave no readable schema",
        };
        var uuid = malformedUuidStatus switch
        {
            400 => $"GET {MalformedUuidPath} is 400 (0.21.0 and later)",
            404 => $"GET {MalformedUuidPath} is 404 (before 0.21.0)",
            null => $"GET {MalformedUuidPath} got no answer",
            var other => $"GET {MalformedUuidPath} is {other} (no release answers that)",
        };
        var seen = $"detected: {schema}; {uuid}";
        return (stagingPath, malformedUuidStatus) switch
        {
            (false, 404) => new("0.19.0", $"{seen}: 0.19"),
            (true, 404) => new("0.20.0", $"{seen}: 0.20.0 or 0.20.1, which answer alike; expecting 0.20.0"),
            (true, 400) => new("0.21.0", $"{seen}: 0.21.0 to 0.23, which answer read-only requests alike; expecting 0.21.0 (the suite expects the same of all of them)"),
            _ => new(Fallback, $"{seen}: undecided; expecting {Fallback}, the default (set StorageServiceVersion)"),
        };
    }

    private static bool? HasStagingPath(Exchange schema)
    {
        if (schema.TransportError is not null || schema.Status != 200)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(schema.Body);
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("fields", out var fields) && fields.ValueKind == JsonValueKind.Object
                ? fields.TryGetProperty("staging_path", out _)
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
