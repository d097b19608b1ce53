using System.Text.Json.Nodes;
using static Conformance.Framework.Workflows.StepRequests;

namespace Conformance.Framework.Workflows;

/// <summary>
/// Dashboard workflows: a transfer from start to hidden, the v2beta package API (approved
/// automatically or by hand), the processing-configuration round trip and partial-reingest approval.
/// </summary>
public static class DashboardWorkflows
{
    private const string TransferSource = "base64:{transfer-source-location}:{transfer-source-path}";

    public static IReadOnlyList<WorkflowDefinition> All { get; } =
    [
        new("am.transfer-lifecycle", Tier.Mutating, [ServiceKind.Archivematica],
            "start_transfer → unapproved → approve → status until COMPLETE → ingest status (waiting if it asks) → copy_metadata_files → ingest until COMPLETE → completed lists → AIP in the Storage Service → hide both → gone from the lists → hiding again is 409",
            TransferLifecycleAsync),
        new("am.package-auto-approved", Tier.Mutating, [ServiceKind.Archivematica],
            "v2beta/package (202 + id) → v2beta/jobs lists its jobs → status until COMPLETE → completed lists it → hide",
            run => PackageAsync(run, autoApprove: true)),
        new("am.package-awaiting-approval", Tier.Mutating, [ServiceKind.Archivematica],
            "v2beta/package with auto_approve false → unapproved lists the id → approve → status until COMPLETE → hide",
            run => PackageAsync(run, autoApprove: false)),
        new("am.processing-config-custom", Tier.Destructive, [ServiceKind.Archivematica],
            "a custom configuration (arranged) → GET → listed → DELETE → GET 404 → not listed → DELETE again 404",
            CustomProcessingConfigAsync),
        new("am.processing-config-builtin", Tier.Destructive, [ServiceKind.Archivematica],
            "the built-in 'automated' → GET → DELETE → not listed → GET regenerates it → listed again",
            BuiltInProcessingConfigAsync)
        {
            ChangesAll = "the built-in 'automated' processing configuration (deleted, then regenerated with its defaults: a customised one loses its changes)",
        },
        new("am.partial-reingest-approval", Tier.Mutating, [ServiceKind.Archivematica],
            "<1.14: approval always refused (400, version-differences A3); ≥1.14: a SIP waiting at 'Approve AIP reingest' → approve → no longer waiting → approving again 400 → ingest until COMPLETE",
            PartialReingestApprovalAsync),
    ];

    private static async Task TransferLifecycleAsync(WorkflowRun run)
    {
        run.Step("start a transfer from the transfer source");
        var name = run.Unique("lifecycle");
        var started = await run.CallAsync("am.transfer.start_transfer",
            Form(("name", name), ("type", "standard"), ("paths[]", TransferSource), ("row_ids[]", "")));
        var directory = BaseName(started.Text("path") ?? "");
        run.Check(directory.Length > 0, $"copied to {started.Text("path")}", "the answer names no path the transfer was copied to");

        run.Step("it is listed as unapproved");
        var unapproved = await AwaitUnapprovedAsync(run, entry => entry?["directory"]?.GetValue<string>() == directory, $"directory {directory}");
        var uuid = unapproved["uuid"]!.GetValue<string>();
        var type = unapproved["type"]?.GetValue<string>() ?? "standard";

        await ApproveAsync(run, directory, type, uuid);
        var sipUuid = await AwaitTransferAsync(run, uuid);
        await ExpectListedAsync(run, "am.transfer.completed", uuid, "the transfer is listed as completed");
        if (sipUuid == "BACKLOG")
        {
            throw run.InconclusiveHere("the transfer went to backlog (sip_uuid BACKLOG): no ingest follows it on this pipeline's processing configuration");
        }

        run.Step("the ingest is known");
        await run.PollAsync(async _ =>
        {
            var status = await run.SendAsync("am.ingest.status", Path("uuid", sipUuid));
            if (status.Status == 400)
            {
                return PollResult.Processing("not known yet (400)");
            }

            await run.VerifyAsync(status, "am.ingest.status", quiet: true);
            return PollResult.Finished($"{status.Text("status")} at '{status.Text("microservice")}'");
        });

        run.Step("copy metadata files into the SIP");
        var copied = await run.CallAsync("am.ingest.copy_metadata_files", Form(("sip_uuid", sipUuid), ("source_paths[]", TransferSource)));
        run.Check(copied.Text("error") == "false", "copied", $"the answer reports an error: {copied.Exchange.Body}");

        await AwaitIngestAsync(run, sipUuid);
        await ExpectListedAsync(run, "am.ingest.completed", sipUuid, "the ingest is listed as completed");
        await ExpectAipStoredAsync(run, sipUuid, started.Exchange.Header("X-Archivematica-ID"));

        await HideAsync(run, "am.transfer.hide", "am.transfer.completed", uuid, "transfer");
        await HideAsync(run, "am.ingest.hide", "am.ingest.completed", sipUuid, "ingest");

        run.Step("hiding the transfer again is refused");
        var again = await run.CallAsync("am.transfer.hide", Path("uuid", uuid), variant: "unknown-uuid");
        run.Check(again.Text("removed") == "false", "409 {\"removed\": false}", $"the answer does not say removed false: {again.Exchange.Body}");
    }

    private static async Task PackageAsync(WorkflowRun run, bool autoApprove)
    {
        run.Step(autoApprove ? "create a package" : "create a package that waits for approval");
        var json = new JsonObject
        {
            ["name"] = run.Unique("package"),
            ["path"] = TransferSource,
            ["type"] = "standard",
            // The configuration the user named for the suite's transfers: the built-in 'automated' scans for viruses.
            ["processing_config"] = run.Placeholder("processing-config") ?? Settings.ProcessingConfig.Default,
        };
        if (!autoApprove)
        {
            json["auto_approve"] = false;
        }

        var created = await run.CallAsync("am.v2beta.package.post", Json(json));
        var id = created.Text("id") ?? "";
        run.Check(Guid.TryParse(id, out _), $"202 with id {id}", $"the answer has no UUID id: {created.Exchange.Body}");

        if (!autoApprove)
        {
            run.Step("it is listed as unapproved");
            var entry = await AwaitUnapprovedAsync(run, e => e?["uuid"]?.GetValue<string>() == id, $"uuid {id}");
            await ApproveAsync(run, entry["directory"]!.GetValue<string>(), entry["type"]?.GetValue<string>() ?? "standard", id);
        }
        else
        {
            run.Step("its jobs are listed");
            await run.PollAsync(async _ =>
            {
                var jobs = await run.SendAsync("am.v2beta.jobs", Path("uuid", id));
                if (jobs.Status == 400)
                {
                    return PollResult.Processing("no jobs yet (400)");
                }

                await run.VerifyAsync(jobs, "am.v2beta.jobs", quiet: true);
                var count = (jobs.Json as JsonArray)?.Count ?? 0;
                return count > 0 ? PollResult.Finished($"{count} job(s)") : PollResult.Processing("an empty job list");
            });
        }

        await AwaitTransferAsync(run, id);
        await ExpectListedAsync(run, "am.transfer.completed", id, "the transfer is listed as completed");
        await HideAsync(run, "am.transfer.hide", "am.transfer.completed", id, "transfer");
    }

    private static async Task CustomProcessingConfigAsync(WorkflowRun run)
    {
        run.Step("create a processing configuration");
        var fields = await run.Session.Arranger.ArrangeAsync("processing-config");
        var name = fields["name"];
        await ProcessingConfigRoundTripAsync(run, name, builtIn: false);
    }

    private static Task BuiltInProcessingConfigAsync(WorkflowRun run) => ProcessingConfigRoundTripAsync(run, "automated", builtIn: true);

    private static async Task ProcessingConfigRoundTripAsync(WorkflowRun run, string name, bool builtIn)
    {
        var xml = Path("name", name).WithHeader("Accept", "*/*");
        run.Step($"read '{name}'");
        await run.CallAsync("am.processing_config.get", xml);
        await ExpectConfigListedAsync(run, name, listed: true);

        run.Step($"delete '{name}'");
        var deleted = await run.CallAsync("am.processing_config.delete", Path("name", name));
        run.Check(deleted.Text("success") == "true", "{\"success\": true}", $"the answer does not say success true: {deleted.Exchange.Body}");
        await ExpectConfigListedAsync(run, name, listed: false);

        if (builtIn)
        {
            run.Step($"reading '{name}' regenerates the built-in");
            await run.CallAsync("am.processing_config.get", xml);
            await ExpectConfigListedAsync(run, name, listed: true);
            return;
        }

        run.Step($"'{name}' is gone");
        await run.CallAsync("am.processing_config.get", xml, expect: run.Variant("am.processing_config.get", "unknown-name") with { ExactBody = null });

        run.Step($"deleting '{name}' again is 404");
        await run.CallAsync("am.processing_config.delete", Path("name", name), expect: run.Variant("am.processing_config.delete", "unknown-name") with { ExactBody = null });
    }

    private static async Task PartialReingestApprovalAsync(WorkflowRun run)
    {
        var before114 = run.Version(ServiceKind.Archivematica) is { } version && VersionRange.Parse("<1.14").Contains(version);
        run.Step("find a SIP waiting at 'Approve AIP reingest'");
        string uuid;
        try
        {
            uuid = (await run.Session.Arranger.ArrangeAsync("ingest-awaiting-reingest-approval"))["uuid"];
        }
        catch (UnresolvableException) when (!before114)
        {
            var waiting = await run.CallAsync("am.ingest.waiting", None);
            uuid = waiting.Array("results").OfType<JsonObject>()
                .FirstOrDefault(e => e["microservice"]?.GetValue<string>() == "Approve AIP reingest")?["sip_uuid"]?.GetValue<string>()
                ?? throw run.InconclusiveHere("no SIP waits at 'Approve AIP reingest' on this target (start a partial reingest from the Storage Service first)");
        }
        catch (UnresolvableException)
        {
            uuid = Guid.NewGuid().ToString(); // Before 1.14 every approval fails, whatever the SIP.
        }

        if (before114)
        {
            run.Step("approval is refused (version-differences A3)");
            var refused = await run.CallAsync("am.ingest.reingest_approve", Form(("uuid", uuid)), variant: "unknown-uuid");
            run.Check(refused.Text("message") == "Unable to approve the partial reingest.", "400 'Unable to approve the partial reingest.'", $"unexpected message: {refused.Exchange.Body}");
            return;
        }

        await ExpectWaitingAsync(run, uuid, "Approve AIP reingest", waiting: true);

        run.Step("approve the partial reingest");
        var approved = await run.CallAsync("am.ingest.reingest_approve", Form(("uuid", uuid)));
        run.Check(approved.Text("message") == "Approval successful.", "'Approval successful.'", $"unexpected message: {approved.Exchange.Body}");
        await ExpectWaitingAsync(run, uuid, "Approve AIP reingest", waiting: false);

        run.Step("approving it again is refused");
        await run.CallAsync("am.ingest.reingest_approve", Form(("uuid", uuid)), variant: "unknown-uuid");

        await AwaitIngestAsync(run, uuid);
    }

    /// <summary>Polls transfer/unapproved until an entry matches; returns it.</summary>
    internal static async Task<JsonObject> AwaitUnapprovedAsync(WorkflowRun run, Func<JsonObject?, bool> match, string what)
    {
        var found = await run.PollAsync(async _ =>
        {
            var list = await run.CallAsync("am.transfer.unapproved", None, quiet: true);
            var entry = list.Array("results").OfType<JsonObject>().FirstOrDefault(match);
            return entry is null
                ? PollResult.Processing($"not listed yet ({list.Array("results").Count} unapproved)")
                : PollResult.Finished($"listed ({what}, uuid {entry["uuid"]})", entry.DeepClone());
        });
        return (JsonObject)found.Value!;
    }

    private static async Task ApproveAsync(WorkflowRun run, string directory, string type, string uuid)
    {
        run.Step("approve the transfer");
        var approved = await run.CallAsync("am.transfer.approve", Form(("directory", directory), ("type", type)));
        run.Check(approved.Text("uuid") == uuid, $"approved {uuid}", $"the approval names uuid {approved.Text("uuid")}, but the unapproved list said {uuid}");

        run.Step("it is no longer unapproved");
        await run.PollAsync(async _ =>
        {
            var list = await run.CallAsync("am.transfer.unapproved", None, quiet: true);
            return list.Array("results").OfType<JsonObject>().Any(e => e["uuid"]?.GetValue<string>() == uuid)
                ? PollResult.Processing("still listed as unapproved")
                : PollResult.Finished("no longer listed");
        }, OnStillProcessing.Fail);
    }

    /// <summary>Polls transfer/status until COMPLETE with a sip_uuid; returns the sip_uuid ("BACKLOG" for a transfer sent to backlog).</summary>
    internal static async Task<string> AwaitTransferAsync(WorkflowRun run, string uuid)
    {
        run.Step("the transfer's status moves to COMPLETE");
        var done = await run.PollAsync(async _ =>
        {
            var status = await run.CallAsync("am.transfer.status", Path("uuid", uuid), quiet: true);
            return await UnlessAJobFailedAsync(run, uuid, Classify(status, "transfer", allowMissingSip: false));
        });
        return done.Value!.GetValue<string>();
    }

    /// <summary>
    /// A unit that FAILED because the pipeline failed one of its jobs (a tool it lacks, such as ClamAV
    /// for the virus scan of the 'default' configuration) says nothing about the API: its status read
    /// said FAILED, as it should. The workflow cannot go on, so it is inconclusive with the job's name;
    /// FLOW-02 still fails a FAILED unit whose jobs show no failure.
    /// </summary>
    private static async Task<PollResult> UnlessAJobFailedAsync(WorkflowRun run, string uuid, PollResult result)
    {
        if (result.State != PollState.Failed)
        {
            return result;
        }

        var jobs = await run.SendAsync("am.v2beta.jobs", Path("uuid", uuid));
        var failed = (jobs.Json as JsonArray)?.OfType<JsonObject>().FirstOrDefault(j => j["status"]?.GetValue<string>() == "FAILED");
        if (jobs.Exchange.Status != 200 || failed is null)
        {
            return result;
        }

        // Tasks may not be listed yet, or have no exit code yet, when the unit already reads FAILED.
        var exitCodes = (failed["tasks"] as JsonArray)?.OfType<JsonObject>().Select(t => t["exit_code"]?.ToJsonString()).OfType<string>().Distinct().ToList() ?? [];
        var codes = exitCodes.Count == 0 ? "" : $", task exit codes {string.Join(", ", exitCodes)}";
        throw run.InconclusiveHere($"{result.Description}: the pipeline failed its job '{failed["name"]}' (microservice '{failed["microservice"]}'{codes}), "
            + "a failure of the target's processing, not of its API. A transfer started with start_transfer follows the processingMCP.xml its source carries, else the pipeline's 'default' configuration, "
            + "and v2beta/package follows ProcessingConfig: make the one used skip what the target cannot run (the built-in ones scan for viruses, which fails without ClamAV), or install the tool the job needs");
    }

    private static async Task AwaitIngestAsync(WorkflowRun run, string sipUuid)
    {
        run.Step("the ingest's status moves to COMPLETE");
        var waitingChecked = false;
        await run.PollAsync(async _ =>
        {
            var status = await run.CallAsync("am.ingest.status", Path("uuid", sipUuid), quiet: true);
            if (status.Text("status") == "USER_INPUT" && !waitingChecked)
            {
                waitingChecked = true;
                var waiting = await run.CallAsync("am.ingest.waiting", None, quiet: true);
                run.Check(waiting.Array("results").OfType<JsonObject>().Any(e => e["sip_uuid"]?.GetValue<string>() == sipUuid),
                    $"ingest/waiting lists it while it waits at '{status.Text("microservice")}'",
                    $"ingest/status says USER_INPUT at '{status.Text("microservice")}', but ingest/waiting does not list {sipUuid}");
            }

            return await UnlessAJobFailedAsync(run, sipUuid, Classify(status, "ingest", allowMissingSip: true));
        });
    }

    private static PollResult Classify(StepAnswer status, string unit, bool allowMissingSip)
    {
        var state = status.Text("status");
        var microservice = status.Text("microservice");
        var sip = status.Text("sip_uuid");
        return state switch
        {
            "COMPLETE" when allowMissingSip => PollResult.Finished("COMPLETE"),
            "COMPLETE" when sip is not null => PollResult.Finished($"COMPLETE (sip_uuid {sip})", sip),
            "COMPLETE" => PollResult.Processing("COMPLETE without sip_uuid (the SIP is still being created; version-differences A4)"),
            "FAILED" or "REJECTED" => PollResult.Failed($"{unit} {state} at '{microservice}'"),
            "USER_INPUT" => PollResult.Processing($"USER_INPUT: waiting for a decision at '{microservice}'"),
            _ => PollResult.Processing($"{state} at '{microservice}'"),
        };
    }

    private static async Task ExpectListedAsync(WorkflowRun run, string listEndpoint, string uuid, string step, bool listed = true)
    {
        run.Step(step);
        var list = await run.CallAsync(listEndpoint, None);
        var present = list.Array("results").Any(r => r?.GetValue<string>() == uuid);
        run.Check(present == listed,
            $"{listEndpoint} {(listed ? "lists" : "no longer lists")} {uuid}",
            $"{listEndpoint} {(listed ? "does not list" : "still lists")} {uuid}");
    }

    private static async Task ExpectWaitingAsync(WorkflowRun run, string uuid, string microservice, bool waiting)
    {
        run.Step(waiting ? $"ingest/waiting lists it at '{microservice}'" : $"ingest/waiting no longer lists it at '{microservice}'");
        var list = await run.CallAsync("am.ingest.waiting", None);
        var present = list.Array("results").OfType<JsonObject>()
            .Any(e => e["sip_uuid"]?.GetValue<string>() == uuid && e["microservice"]?.GetValue<string>() == microservice);
        run.Check(present == waiting, waiting ? "listed" : "not listed", waiting ? $"{uuid} is not listed at '{microservice}'" : $"{uuid} is still listed at '{microservice}'");
    }

    private static async Task ExpectConfigListedAsync(WorkflowRun run, string name, bool listed)
    {
        var list = await run.CallAsync("am.processing_config.list", None);
        var present = list.Array("processing_configurations").Any(n => n?.GetValue<string>() == name);
        run.Check(present == listed, $"the list {(listed ? "names" : "no longer names")} '{name}'", $"the list {(listed ? "does not name" : "still names")} '{name}'");
    }

    private static async Task HideAsync(WorkflowRun run, string hideEndpoint, string listEndpoint, string uuid, string what)
    {
        run.Step($"hide the {what}");
        var hidden = await run.CallAsync(hideEndpoint, Path("uuid", uuid));
        run.Check(hidden.Text("removed") == "true", "{\"removed\": true}", $"the answer does not say removed true: {hidden.Exchange.Body}");
        await ExpectListedAsync(run, listEndpoint, uuid, $"the {what} is gone from the completed list", listed: false);
    }

    /// <summary>The cross-service promise for one AIP: the Storage Service holds it, stored by this pipeline.</summary>
    private static async Task ExpectAipStoredAsync(WorkflowRun run, string sipUuid, string? pipeline)
    {
        run.Step("the Storage Service holds the AIP");
        if (!run.Has(ServiceKind.Storage))
        {
            run.Note("not checked: the Storage Service is not configured");
            return;
        }

        var aip = await run.SendAsync("ss.file.detail", Path("uuid", sipUuid));
        run.Check(CrossService.AipFound(aip, sipUuid));
        await run.VerifyAsync(aip, "ss.file.detail");
        run.Check(CrossService.IsAip(aip));
        if (pipeline is not null)
        {
            run.Check(CrossService.StoredBy(aip, pipeline));
        }
    }

    internal static string BaseName(string path)
    {
        var trimmed = path.TrimEnd('/');
        return trimmed[(trimmed.LastIndexOf('/') + 1)..];
    }
}
