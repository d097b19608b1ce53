using System.Text.Json;

namespace Conformance.Framework.Targets;

/// <summary>
/// One authenticated request per configured service before any test. When the target is not
/// reachable, rejects the credentials, or is not Archivematica, the run stops with one message that
/// says what was tried, what came back and what to check, instead of hundreds of failures.
/// </summary>
public static class PreflightCheck
{
    /// <summary>Returns null when every configured service answered as expected; otherwise the message to stop the run with.</summary>
    public static async Task<string?> RunAsync(ConformanceSession session, CancellationToken cancellationToken = default)
    {
        var problems = new List<string>();
        var services = new[] { ServiceKind.Archivematica, ServiceKind.Storage }
            .Select(kind => (Kind: kind, Client: session.Client(kind))).Where(s => s.Client is not null)
            .Select(s => (s.Kind, Client: s.Client!)).ToList();
        // Both services at once: the run waits for one round trip, not two.
        var exchanges = await Task.WhenAll(services.Select(s => s.Client.SendAsync(Plan(s.Kind), AuthMode.Header, "preflight", cancellationToken)));
        foreach (var ((kind, client), exchange) in services.Zip(exchanges))
        {
            var problem = kind == ServiceKind.Archivematica ? DashboardProblem(exchange) : StorageProblem(exchange);
            if (problem is null)
            {
                if (kind == ServiceKind.Archivematica)
                {
                    session.Versions[kind] = exchange.Header("X-Archivematica-Version")!;
                    if (exchange.Header("X-Archivematica-ID") is { } pipeline)
                    {
                        session.DiscoveredPlaceholders.TryAdd("pipeline-uuid", pipeline);
                    }
                }
                else if (session.Settings.DetectStorageServiceVersion)
                {
                    session.StorageRelease = await StorageRelease.DetectAsync(client, cancellationToken);
                    session.Versions[kind] = session.StorageRelease.Version;
                }

                continue;
            }

            problems.Add($"""
                {kind.DisplayName()} at {client.Endpoint.BaseUrl} (user '{client.Endpoint.Credentials.User}'):
                  tried:     {exchange.Method} {exchange.Url} with an ApiKey header
                  got:       {(exchange.TransportError is null ? $"{exchange.Status} {exchange.Reason}, Content-Type '{exchange.ContentType}'" : exchange.TransportError)}
                  problem:   {problem.Value.What}
                  check:     {problem.Value.Check}
                """);
        }

        return problems.Count == 0 ? null : "Preflight failed; no test was run against this target.\n" + string.Join("\n", problems);
    }

    private static RequestPlan Plan(ServiceKind kind) => kind == ServiceKind.Archivematica
        ? new RequestPlan { Method = "GET", Path = "/api/transfer/completed" }
        : new RequestPlan { Method = "GET", Path = "/api/v2/pipeline/", Query = [new("limit", "1")] };

    private static (string What, string Check)? DashboardProblem(Exchange x) =>
        Common(x, ServiceKind.Archivematica, failureStatus: 403)
        ?? (x.Status != 200 ? ($"expected 200 from the list of completed transfers, got {x.Status}", "that the URL is the dashboard's base URL and the server is healthy")
            : !x.HasHeader("X-Archivematica-Version") ? ("the answer has no X-Archivematica-Version header: this does not look like an Archivematica dashboard", $"that {Settings.ArchivematicaUrl.EnvironmentVariable} points at the dashboard (not the Storage Service or a proxy page)")
            : !IsJsonObjectWith(x.Body, "results") ? ("the answer is not the expected JSON ({\"results\": [...]})", "that the URL points at an Archivematica dashboard")
            : null);

    private static (string What, string Check)? StorageProblem(Exchange x) =>
        Common(x, ServiceKind.Storage, failureStatus: 401)
        ?? (x.Status != 200 ? ($"expected 200 from the pipeline list, got {x.Status}", "that the URL is the Storage Service's base URL and the server is healthy")
            : !IsJsonObjectWith(x.Body, "meta") ? ("the answer is not a tastypie list ({\"meta\": ..., \"objects\": [...]}): this does not look like an Archivematica Storage Service", $"that {Settings.StorageServiceUrl.EnvironmentVariable} points at the Storage Service (not the dashboard)")
            : null);

    private static (string What, string Check)? Common(Exchange x, ServiceKind kind, int failureStatus)
    {
        var (url, user, key) = kind == ServiceKind.Archivematica
            ? (Settings.ArchivematicaUrl, Settings.ArchivematicaUser, Settings.ArchivematicaApiKey)
            : (Settings.StorageServiceUrl, Settings.StorageServiceUser, Settings.StorageServiceApiKey);
        if (x.TransportError is not null)
        {
            return ("the target could not be reached", $"{url.EnvironmentVariable} (scheme, host, port), that the server is running and reachable from this machine, and {Settings.RequestTimeoutSeconds.EnvironmentVariable}");
        }

        if (x.Status == failureStatus)
        {
            return ("the credentials were rejected", $"{user.EnvironmentVariable} and {key.EnvironmentVariable} (the user's API key, not its password)");
        }

        return x.Status is >= 300 and < 400
            ? ($"redirected to '{x.Header("Location")}'", $"{url.EnvironmentVariable}: use the final URL (https? path prefix?); a redirect to a login page means the URL is not the API root")
            : null;
    }

    private static bool IsJsonObjectWith(string body, string property)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty(property, out _);
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
