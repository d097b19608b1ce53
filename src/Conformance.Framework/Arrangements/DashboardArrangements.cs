using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;

namespace Conformance.Framework.Arrangements;

/// <summary>
/// Dashboard preconditions made through its API from the transfer source (the dashboard copies it;
/// nothing is moved): a transfer waiting for approval, and a transfer processed to a stored AIP by the
/// pipeline with the processing configuration the ProcessingConfig setting names (the built-in
/// "automated" by default). Processing is the pipeline's
/// work (MCPServer and MCPClient): the arrangement waits for it and says where it stopped.
/// </summary>
internal sealed class DashboardArrangements(ConformanceSession session)
{
    private static readonly string[] Stopped = ["FAILED", "REJECTED", "USER_INPUT"];

    /// <summary>transfer-awaiting-approval: a standard transfer started and listed as unapproved (fields: directory).</summary>
    public async Task<IReadOnlyDictionary<string, string>> TransferAwaitingApprovalAsync(CancellationToken cancellationToken)
    {
        var calls = new ArrangementCalls(session, "transfer-awaiting-approval");
        var name = session.Run.Unique("awaiting");
        var form = new List<KeyValuePair<string, string>>
        {
            new("name", name), new("type", "standard"), new("paths[]", TransferSourcePath()), new("row_ids[]", ""),
        };
        var started = await calls.SendAsync("am.transfer.start_transfer",
            new RequestPlan { Method = "POST", Path = "/api/transfer/start_transfer/", Form = form }, "starting a transfer (start_transfer)", [200], cancellationToken);
        // The dashboard may pad the name; the folder it copied to is the directory approval names.
        var directory = started["path"]?.GetValue<string>()?.TrimEnd('/').Split('/')[^1] ?? name;
        await PollAsync(cancellationToken, async () =>
        {
            var unapproved = await calls.GetAsync("am.transfer.unapproved", "/api/transfer/unapproved/", "listing unapproved transfers", cancellationToken);
            return unapproved["results"]?.AsArray().Any(r => r?["directory"]?.GetValue<string>() == directory) == true ? directory : null;
        }, $"the dashboard copied the transfer into its watched directory, but transfer/unapproved did not list '{directory}' within {Wait} (is MCPServer running?)");
        return new Dictionary<string, string> { ["directory"] = directory };
    }

    /// <summary>completed-transfer: a transfer processed to the end (fields: uuid, sip_uuid).</summary>
    public async Task<IReadOnlyDictionary<string, string>> CompletedTransferAsync(CancellationToken cancellationToken)
    {
        var calls = new ArrangementCalls(session, "completed-transfer");
        var transfer = await StartAutomatedAsync(calls, cancellationToken);
        var sip = await PollAsync(cancellationToken, async () =>
        {
            var status = await StatusAsync(calls, "transfer", transfer, cancellationToken);
            return status is ("COMPLETE", { } sipUuid) ? sipUuid : null;
        }, $"no MCPClient processed the transfer within {Wait}: transfer/status/{transfer}/ never answered COMPLETE");
        return new Dictionary<string, string> { ["uuid"] = transfer, ["sip_uuid"] = sip };
    }

    /// <summary>completed-ingest: a transfer processed to a stored AIP; its SIP (fields: uuid, the SIP's, which is the AIP's).</summary>
    public async Task<IReadOnlyDictionary<string, string>> CompletedIngestAsync(CancellationToken cancellationToken)
    {
        var calls = new ArrangementCalls(session, "completed-ingest");
        var transfer = await CompletedTransferAsync(cancellationToken);
        var sip = transfer["sip_uuid"];
        await PollAsync(cancellationToken, async () =>
        {
            var status = await StatusAsync(calls, "ingest", sip, cancellationToken);
            return status.Status == "COMPLETE" ? sip : null;
        }, $"no MCPClient finished the ingest within {Wait}: ingest/status/{sip}/ never answered COMPLETE (the AIP was not stored)");
        return new Dictionary<string, string> { ["uuid"] = sip };
    }

    /// <summary>
    /// deletable-processing-config, only with AllowBulkChanges: the API cannot create a configuration, so this is
    /// the built-in "automated", which a read regenerates with its defaults when it was deleted (fields: name).
    /// </summary>
    public async Task<IReadOnlyDictionary<string, string>> BuiltInProcessingConfigAsync(CancellationToken cancellationToken)
    {
        var calls = new ArrangementCalls(session, "deletable-processing-config");
        await calls.SendAsync("am.processing_config.get", new RequestPlan { Method = "GET", Path = "/api/processing-configuration/automated", Headers = [new("Accept", "*/*")] },
            "reading (and so regenerating) the built-in 'automated' processing configuration", [200], cancellationToken, json: false);
        return new Dictionary<string, string> { ["name"] = "automated" };
    }

    private async Task<string> StartAutomatedAsync(ArrangementCalls calls, CancellationToken cancellationToken)
    {
        var body = new JsonObject
        {
            ["name"] = session.Run.Unique("processed"),
            ["type"] = "standard",
            ["path"] = TransferSourcePath(),
            ["processing_config"] = session.Placeholder("processing-config") ?? Settings.ProcessingConfig.Default,
            ["auto_approve"] = true,
        };
        var started = await calls.PostJsonAsync("am.v2beta.package.post", "/api/v2beta/package/", body, "starting a package with the automated processing configuration", cancellationToken, 202);
        return started["id"]?.GetValue<string>() ?? throw new UnresolvableException("v2beta/package answered no transfer id");
    }

    /// <summary>A unit's status and SIP; a unit the pipeline stopped (failed, rejected, waiting for a decision) ends the wait with the reason.</summary>
    private static async Task<(string? Status, string? Sip)> StatusAsync(ArrangementCalls calls, string unit, string uuid, CancellationToken cancellationToken)
    {
        JsonNode status;
        try
        {
            status = await calls.GetAsync($"am.{unit}.status", $"/api/{unit}/status/{uuid}/", $"reading the {unit}'s status", cancellationToken);
        }
        catch (UnresolvableException)
        {
            return (null, null); // Not known yet: the pipeline registers a started package a moment later.
        }

        var value = status["status"]?.GetValue<string>();
        if (Stopped.Contains(value))
        {
            throw new UnresolvableException($"the pipeline stopped the {unit} {uuid} at '{status["microservice"]}' with status {value}");
        }

        return (value, status["sip_uuid"]?.GetValue<string>() is { } sip && Guid.TryParse(sip, out _) ? sip : null);
    }

    /// <summary>The bound of one wait, as the workflows poll: PollAttempts reads or PollTimeoutSeconds, PollIntervalSeconds apart.</summary>
    internal string Wait => $"{session.Settings.PollAttempts} status reads or {session.Settings.PollTimeout.TotalSeconds:0} s ({Settings.PollAttempts.Name}, {Settings.PollTimeoutSeconds.Name})";

    /// <summary>Polls until <paramref name="poll"/> gives a value; the reason when it never does.</summary>
    internal async Task<string> PollAsync(CancellationToken cancellationToken, Func<Task<string?>> poll, string reason)
    {
        var settings = session.Settings;
        var clock = Stopwatch.StartNew();
        for (var attempt = 1; ; attempt++)
        {
            if (await poll() is { } value)
            {
                return value;
            }

            if (attempt >= settings.PollAttempts || clock.Elapsed + settings.PollInterval > settings.PollTimeout)
            {
                throw new UnresolvableException(reason);
            }

            await Task.Delay(settings.PollInterval, cancellationToken);
        }
    }

    private string TransferSourcePath()
    {
        var location = session.Placeholder("transfer-source-location")
            ?? throw new UnresolvableException($"a transfer is started from {{transfer-source-location}}: set {Settings.TransferSourceLocation.Name} ({Settings.TransferSourceLocation.EnvironmentVariable})");
        var path = session.Placeholder("transfer-source-path")
            ?? throw new UnresolvableException($"a transfer is started from {{transfer-source-path}}: set {Settings.TransferSourcePath.Name} ({Settings.TransferSourcePath.EnvironmentVariable})");
        return Convert.ToBase64String(Encoding.UTF8.GetBytes($"{location}:{path}"));
    }

}
