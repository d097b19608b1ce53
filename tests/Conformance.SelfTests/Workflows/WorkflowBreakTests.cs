using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FluentAssertions;
using NUnit.Framework;

namespace Conformance.SelfTests.Workflows;

/// <summary>
/// Each workflow passes through a transparent proxy in front of the reference server; then, for
/// each step, a proxy rule breaks exactly what the step relies on (an answer, a list, a state change,
/// a task that fails or never ends) and the workflow must stop at that step, naming it and the
/// broken requirement — or, for an operation that simply never ends, report it as still processing.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed partial class WorkflowBreakTests
{
    private const string Inconclusive = "INCONCLUSIVE";

    public static IEnumerable<TestCaseData> Workflows() =>
        WorkflowCatalogue.All.Select(w => new TestCaseData(w.Name).SetName($"{{m}}({w.Name})"));

    [TestCaseSource(nameof(Workflows))]
    public async Task Every_workflow_runs_to_its_end_through_a_transparent_proxy(string workflow)
    {
        await using var target = await ProxiedTarget.StartAsync();
        (await RunAsync(target, workflow)).Should().Pass();
    }

    [Test]
    public async Task Partial_reingest_approval_runs_to_its_end_on_1_14()
    {
        await using var target = await ProxiedTarget.StartAsync("1.14.0");
        (await RunAsync(target, "am.partial-reingest-approval")).Should().Pass();
    }

    /// <summary>A server that breaks one step: which workflow, what breaks, the step that must report it and how.</summary>
    public sealed record Break(string Workflow, string What, Action<ProxiedTarget> Arrange, string Step, string Outcome, string Version = "1.13.2", string Reason = "STILL PROCESSING")
    {
        public override string ToString() => $"{Workflow}: {What}";
    }

    public static IEnumerable<TestCaseData> Breaks() => AllBreaks().Select(b => new TestCaseData(b).SetName($"{{m}}({b.Workflow}: {b.What})"));

    [TestCaseSource(nameof(Breaks))]
    public async Task A_broken_step_stops_the_workflow_and_is_named(Break broken)
    {
        await using var target = await ProxiedTarget.StartAsync(broken.Version, pollAttempts: 12);
        broken.Arrange(target);
        var verdict = await RunAsync(target, broken.Workflow);

        if (broken.Outcome == Inconclusive)
        {
            verdict.NotRun.Should().Be(NotRunKind.Inconclusive, verdict.Passed ? "the workflow passed" : verdict.Describe());
            verdict.NotRunReason.Should().Contain(broken.Step).And.Contain(broken.Reason);
            return;
        }

        verdict.Should().FailWith(broken.Outcome);
        var failure = verdict.Failures.First();
        failure.Message.Should().Contain(broken.Step, "the failure names the step");
        failure.Requirement.Id.Should().Be(broken.Outcome);
    }

    private static Task<Verdict> RunAsync(ProxiedTarget target, string workflow) =>
        new Executor(target.Session).RunAsync(WorkflowCatalogue.All.Single(w => w.Name == workflow), "self-test: " + workflow);

    private static IEnumerable<Break> AllBreaks()
    {
        const string Lifecycle = "am.transfer-lifecycle";
        yield return new(Lifecycle, "start_transfer answers 500", t => t.Dashboard.Break(When("POST", "/api/transfer/start_transfer/", _ => ProxiedAnswer.ServerErrorPage())),
            "step 1 (start a transfer", "STATUS-01");
        yield return new(Lifecycle, "the new transfer is never listed as unapproved", t => t.Dashboard.Break(When("GET", "/api/transfer/unapproved", a => a.WithBody(Edit(a.Body, j => j["results"] = new JsonArray())))),
            "step 2 (it is listed as unapproved)", Inconclusive);
        yield return new(Lifecycle, "approval names another transfer", t => t.Dashboard.Break(When("POST", "/api/transfer/approve", a => a.WithBody(Edit(a.Body, j => j["uuid"] = Guid.NewGuid().ToString())))),
            "step 3 (approve the transfer)", "FLOW-01");
        yield return new(Lifecycle, "the approved transfer is still listed as unapproved", StillListedAfter("POST", "/api/transfer/approve", "/api/transfer/unapproved"),
            "step 4 (it is no longer unapproved)", "FLOW-01");
        yield return new(Lifecycle, "the transfer fails", t => t.Dashboard.Break(When("GET", "/api/transfer/status/", a => a.WithBody(Edit(a.Body, j => { j["status"] = "FAILED"; j["microservice"] = "Move to the failed directory"; })))),
            "step 5 (the transfer's status moves to COMPLETE)", "FLOW-02");
        yield return new(Lifecycle, "the pipeline fails the transfer's virus scan (no ClamAV)", t =>
            {
                t.Dashboard.Break(When("GET", "/api/transfer/status/", a => a.WithBody(Edit(a.Body, j => { j["status"] = "FAILED"; j["microservice"] = "Move to the failed directory"; }))));
                t.Dashboard.Break(When("GET", "/api/v2beta/jobs/", a => a.WithBody(Edit(a.Body, j => j.AsArray().Add(FailedJob("Scan for viruses in directories", "Scan for viruses"))))));
            },
            "step 5 (the transfer's status moves to COMPLETE)", Inconclusive, Reason: "the pipeline failed its job 'Scan for viruses in directories' (microservice 'Scan for viruses', task exit codes -1), a failure of the target's processing, not of its API");
        yield return new(Lifecycle, "the transfer never finishes", t => t.Dashboard.Break(When("GET", "/api/transfer/status/", a => a.WithBody(Edit(a.Body, j => { j["status"] = "PROCESSING"; j.AsObject().Remove("sip_uuid"); })))),
            "step 5 (the transfer's status moves to COMPLETE)", Inconclusive);
        yield return new(Lifecycle, "the status answer loses its required status field", t => t.Dashboard.Break(When("GET", "/api/transfer/status/", a => a.WithBody(Edit(a.Body, j => j.AsObject().Remove("status"))))),
            "step 5 (the transfer's status moves to COMPLETE)", "SCHEMA-01");
        yield return new(Lifecycle, "transfer/completed leaves the transfer out", t => t.Dashboard.Break(When("GET", "/api/transfer/completed", a => a.WithBody(Edit(a.Body, j => j["results"] = new JsonArray())))),
            "step 6 (the transfer is listed as completed)", "FLOW-01");
        yield return new(Lifecycle, "copy_metadata_files answers 500", t => t.Dashboard.Break(When("POST", "/api/ingest/copy_metadata_files/", _ => ProxiedAnswer.ServerErrorPage())),
            "step 8 (copy metadata files into the SIP)", "STATUS-01");
        yield return new(Lifecycle, "the ingest waits for a decision that ingest/waiting does not show", t =>
            {
                t.Dashboard.Break(When("GET", "/api/ingest/status/", a => a.WithBody(Edit(a.Body, j => { j["status"] = "USER_INPUT"; j["microservice"] = "Approve normalization"; }))));
                t.Dashboard.Break(When("GET", "/api/ingest/waiting", a => a.WithBody(Edit(a.Body, j => j["results"] = new JsonArray()))));
            },
            "step 9 (the ingest's status moves to COMPLETE)", "FLOW-01");
        yield return new(Lifecycle, "the ingest fails", t => t.Dashboard.Break(When("GET", "/api/ingest/status/", a => a.WithBody(Edit(a.Body, j => { j["status"] = "FAILED"; j["microservice"] = "Failed SIP"; })))),
            "step 9 (the ingest's status moves to COMPLETE)", "FLOW-02");
        yield return new(Lifecycle, "ingest/completed leaves the SIP out", t => t.Dashboard.Break(When("GET", "/api/ingest/completed", a => a.WithBody(Edit(a.Body, j => j["results"] = new JsonArray())))),
            "step 10 (the ingest is listed as completed)", "FLOW-01");
        yield return new(Lifecycle, "the Storage Service does not hold the AIP", t => t.Storage.Break(WhenRegex("GET", @"^/api/v2/file/[0-9a-f-]{36}/$", _ => ProxiedAnswer.Html("", 404))),
            "step 11 (the Storage Service holds the AIP)", "XSVC-01");
        yield return new(Lifecycle, "the AIP was stored by another pipeline", t => t.Storage.Break(WhenRegex("GET", @"^/api/v2/file/[0-9a-f-]{36}/$", a => a.WithBody(Edit(a.Body, j => j["origin_pipeline"] = $"/api/v2/pipeline/{Guid.NewGuid()}/")))),
            "step 11 (the Storage Service holds the AIP)", "XSVC-01");
        yield return new(Lifecycle, "the hidden transfer is still listed as completed", ListedAgainAfterHide("/api/transfer/", "/api/transfer/completed"),
            "step 13 (the transfer is gone from the completed list)", "FLOW-01");
        yield return new(Lifecycle, "the hidden ingest is still listed as completed", ListedAgainAfterHide("/api/ingest/", "/api/ingest/completed"),
            "step 15 (the ingest is gone from the completed list)", "FLOW-01");
        yield return new(Lifecycle, "hiding the transfer again is not refused", t =>
            {
                var hides = 0;
                t.Dashboard.Break(WhenRegex("DELETE", @"^/api/transfer/[0-9a-f-]{36}/delete/$", _ => ++hides == 2 ? ProxiedAnswer.Json("{\"removed\": true}") : null));
            },
            "step 16 (hiding the transfer again is refused)", "STATUS-01");

        yield return new("am.package-auto-approved", "package answers 202 with an id that is no UUID", t => t.Dashboard.Break(When("POST", "/api/v2beta/package", _ => ProxiedAnswer.Json("{\"id\": \"not-a-uuid\"}", 202))),
            "step 1 (create a package)", "SCHEMA-01");
        yield return new("am.package-auto-approved", "the package's jobs never appear", t => t.Dashboard.Break(When("GET", "/api/v2beta/jobs/", _ => ProxiedAnswer.Json("{\"error\": true, \"message\": \"No jobs found\"}", 400))),
            "step 2 (its jobs are listed)", Inconclusive);
        yield return new("am.package-awaiting-approval", "the waiting package is never listed as unapproved", t => t.Dashboard.Break(When("GET", "/api/transfer/unapproved", a => a.WithBody(Edit(a.Body, j => j["results"] = new JsonArray())))),
            "step 2 (it is listed as unapproved)", Inconclusive);

        yield return new("am.processing-config-custom", "the deleted configuration is still listed", t =>
            {
                string? deleted = null;
                t.Dashboard.Break((r, a) =>
                {
                    if (r.Method == "DELETE" && r.PathAndQuery.StartsWith("/api/processing-configuration/", StringComparison.Ordinal))
                    {
                        deleted = r.PathAndQuery.Split('/')[3];
                    }

                    return deleted is not null && r.Method == "GET" && r.PathAndQuery == "/api/processing-configuration/"
                        ? a.WithBody(Edit(a.Body, j => j["processing_configurations"]!.AsArray().Add(deleted)))
                        : null;
                });
            },
            "step 3 (delete 'conf_", "FLOW-01");
        yield return new("am.processing-config-custom", "the deleted configuration can still be read", t =>
            {
                var deleted = false;
                t.Dashboard.Break((r, a) =>
                {
                    deleted |= r.Method == "DELETE";
                    return deleted && r.Method == "GET" && r.PathAndQuery.StartsWith("/api/processing-configuration/conf_", StringComparison.Ordinal)
                        ? new ProxiedAnswer(200, "text/xml", "<processingMCP/>"u8.ToArray(), a.Headers)
                        : null;
                });
            },
            "step 4 ('conf_", "STATUS-01");
        yield return new("am.processing-config-builtin", "the deleted built-in is not regenerated", t =>
            {
                var deleted = false;
                t.Dashboard.Break((r, a) =>
                {
                    deleted |= r.Method == "DELETE";
                    return deleted && r.Method == "GET" && r.PathAndQuery.StartsWith("/api/processing-configuration/automated", StringComparison.Ordinal)
                        ? ProxiedAnswer.Json("{\"success\": false, \"error\": \"No such processing config \\\"automated\\\".\"}", 404)
                        : null;
                });
            },
            "step 3 (reading 'automated' regenerates the built-in)", "STATUS-01");

        yield return new("am.partial-reingest-approval", "1.13 approves a partial reingest (A3 says it cannot)", t => t.Dashboard.Break(When("POST", "/api/ingest/reingest/approve", _ => ProxiedAnswer.Json("{\"message\": \"Approval successful.\"}"))),
            "step 2 (approval is refused (version-differences A3))", "STATUS-01");
        yield return new("am.partial-reingest-approval", "the approved SIP still waits at 'Approve AIP reingest'", StillListedAfter("POST", "/api/ingest/reingest/approve", "/api/ingest/waiting"),
            "ingest/waiting no longer lists it", "FLOW-01", Version: "1.14.0");

        const string Location = "ss.location-lifecycle";
        yield return new(Location, "location create answers 500", t => t.Storage.Break(When("POST", "/api/v2/location/", _ => ProxiedAnswer.Json("{\"error_message\": \"Sorry, this request could not be processed. Please try again later.\"}", 500))),
            "step 3 (create a location in its space)", "STATUS-01");
        yield return new(Location, "the new location reads back with another description", t => t.Storage.Break(NewLocationDetail(a => a.WithBody(Edit(a.Body, j => j["description"] = "something else")))),
            "step 4 (read it back)", "FLOW-01");
        yield return new(Location, "the uuid filter does not find it", t => t.Storage.Break(When("GET", "/api/v2/location/?", a => a.WithBody(Edit(a.Body, j => { j["meta"]!["total_count"] = 0; j["objects"] = new JsonArray(); })))),
            "step 5 (list filters find it)", "FLOW-01");
        yield return new(Location, "set/ misses it", t => t.Storage.Break(When("GET", "/api/v2/location/set/", a => a.WithBody(Edit(a.Body, j => j["objects"] = new JsonArray())))),
            "step 6 (set/ returns it)", "FLOW-01");
        yield return new(Location, "browsing it lists other entries", t => t.Storage.Break(WhenRegex("GET", @"^/api/v2/location/(?!" + Conformance.ReferenceServer.Hosting.ReferenceData.TransferSourceLocationUuid + ")[0-9a-f-]{36}/browse/", a => a.WithBody(Edit(a.Body, j => j["entries"] = new JsonArray())))),
            "step 7 (browse it)", "FLOW-01");

        const string Package = "ss.package-lifecycle";
        yield return new(Package, "register answers 500", t => t.Storage.Break(When("POST", "/api/v2/file/", _ => ProxiedAnswer.Json("{\"error_message\": \"Sorry\"}", 500))),
            "step 4 (register an AIP)", "STATUS-01");
        yield return new(Package, "the registered package is not UPLOADED", t => t.Storage.Break(WhenRegex("GET", @"^/api/v2/file/[0-9a-f-]{36}/$", a => a.WithBody(Edit(a.Body, j => j["status"] = "FAIL")))),
            "step 4 (register an AIP)", "FLOW-01");
        yield return new(Package, "the download is empty", t => t.Storage.Break(WhenRegex("GET", @"/download/$", a => a.WithBody(""))),
            "step 7 (download it)", "FLOW-01");
        yield return new(Package, "the extracted file is not the one browse lists", t => t.Storage.Break(WhenRegex("GET", @"/extract_file/", a => a.WithBody(a.Body + "tampered"))),
            "step 8 (extract README.txt)", "HDR-01");
        yield return new(Package, "the move task fails", t => t.Storage.Break(WhenRegex("GET", @"^/api/v2/async/\d+/$", a => a.WithBody(Edit(a.Body, j => { j["completed"] = true; j["was_error"] = true; j["error"] = "rsync failed"; })))),
            "async task", "FLOW-02");
        yield return new(Package, "the move task never completes", t => t.Storage.Break(WhenRegex("GET", @"^/api/v2/async/\d+/$", a => a.WithBody(Edit(a.Body, j => j["completed"] = false)))),
            "async task", Inconclusive);
        yield return new(Package, "the moved package stays where it was", t =>
            {
                var moved = false;
                t.Storage.Break((r, a) =>
                {
                    moved |= r.Method == "POST" && r.PathAndQuery.EndsWith("/move/", StringComparison.Ordinal);
                    return moved && r.Method == "GET" && FileDetail().IsMatch(r.PathAndQuery)
                        ? a.WithBody(Edit(a.Body, j => j["current_location"] = "/api/v2/location/2f5e8a1c-3b7d-4e9f-8a2c-6d1e4b7f9c30/"))
                        : null;
                });
            },
            "async task", "FLOW-01");
        yield return new(Package, "a second deletion request is filed", t =>
            {
                var requests = 0;
                t.Storage.Break((r, _) => r.Method == "POST" && r.PathAndQuery.EndsWith("/delete_aip/", StringComparison.Ordinal) && ++requests == 2
                    ? ProxiedAnswer.Json("{\"message\": \"Delete request created successfully.\", \"id\": 99}", 202)
                    : null);
            },
            "a second deletion request is not filed", "STATUS-01");
        yield return new(Package, "the recovery request leaves the status alone", t =>
            {
                var recovered = false;
                t.Storage.Break((r, a) =>
                {
                    recovered |= r.Method == "POST" && r.PathAndQuery.EndsWith("/recover_aip/", StringComparison.Ordinal);
                    return recovered && r.Method == "GET" && FileDetail().IsMatch(r.PathAndQuery) ? a.WithBody(Edit(a.Body, j => j["status"] = "DEL_REQ")) : null;
                });
            },
            "request its recovery", "FLOW-01");

        yield return new("ss.package-async-registration", "the registration task fails", t => t.Storage.Break(WhenRegex("GET", @"^/api/v2/async/\d+/$", a => a.WithBody(Edit(a.Body, j => { j["completed"] = true; j["was_error"] = true; j["error"] = "copy failed"; })))),
            "async task", "FLOW-02");
        yield return new("ss.package-async-registration", "the task's result names another package", t => t.Storage.Break(WhenRegex("GET", @"^/api/v2/async/\d+/$", a => a.WithBody(Edit(a.Body, j =>
            {
                if (j["result"] is JsonObject result)
                {
                    result["uuid"] = Guid.NewGuid().ToString();
                }
            })))),
            "the task's result is the package", "FLOW-01");

        yield return new("ss.reingest-request", "a second reingest request is accepted", t =>
            {
                var requests = 0;
                t.Storage.Break((r, a) => r.Method == "POST" && r.PathAndQuery.EndsWith("/reingest/", StringComparison.Ordinal) && ++requests == 2
                    ? ProxiedAnswer.Json("{\"error\": false, \"status_code\": 202, \"message\": \"sent\", \"reingest_uuid\": \"" + Guid.NewGuid() + "\"}", 202)
                    : null);
            },
            "a second reingest request is refused", "STATUS-01");
        yield return new("ss.reingest-request", "PATCH does not clear the pending reingest", t =>
            {
                var patched = false;
                t.Storage.Break((r, a) =>
                {
                    patched |= r.Method == "PATCH";
                    return patched && r.Method == "GET" && FileDetail().IsMatch(r.PathAndQuery)
                        ? a.WithBody(Edit(a.Body, j => j["misc_attributes"] = new JsonObject { ["reingest_pipeline"] = Conformance.ReferenceServer.Hosting.ReferenceData.PipelineUuid }))
                        : null;
                });
            },
            "clear the reingest with PATCH", "FLOW-01");

        const string Cross = "cross-service.pipeline-and-stored-aips";
        yield return new(Cross, "the dashboard's pipeline is not registered", t => t.Storage.Break(WhenRegex("GET", @"^/api/v2/pipeline/[0-9a-f-]{36}/$", _ => ProxiedAnswer.Html("", 404))),
            "step 2 (the Storage Service knows the pipeline)", "XSVC-01");
        yield return new(Cross, "a completed ingest's AIP is missing", t => t.Storage.Break(When("GET", "/api/v2/file/set/", a => a.WithBody(Edit(a.Body, j =>
            {
                var objects = j["objects"]!.AsArray();
                var missing = objects[0]!["uuid"]!.GetValue<string>();
                objects.RemoveAt(0);
                j["not_found"] = new JsonArray(missing);
            })))),
            "step 3 (the completed ingests are AIPs in the Storage Service)", "XSVC-01");
        yield return new(Cross, "an AIP was stored by another pipeline", t => t.Storage.Break(When("GET", "/api/v2/file/set/", a => a.WithBody(Edit(a.Body, j => j["objects"]![0]!["origin_pipeline"] = $"/api/v2/pipeline/{Guid.NewGuid()}/")))),
            "step 3 (the completed ingests are AIPs in the Storage Service)", "XSVC-01");
    }

    private static Func<ProxiedRequest, ProxiedAnswer, ProxiedAnswer?> When(string method, string pathPrefix, Func<ProxiedAnswer, ProxiedAnswer?> rewrite) =>
        (r, a) => r.Method == method && r.PathAndQuery.StartsWith(pathPrefix, StringComparison.Ordinal) ? rewrite(a) : null;

    private static Func<ProxiedRequest, ProxiedAnswer, ProxiedAnswer?> WhenRegex(string method, string pattern, Func<ProxiedAnswer, ProxiedAnswer?> rewrite) =>
        (r, a) => r.Method == method && Regex.IsMatch(r.PathAndQuery, pattern) ? rewrite(a) : null;

    /// <summary>The detail of a location other than the seeded ones (the one the workflow created).</summary>
    private static Func<ProxiedRequest, ProxiedAnswer, ProxiedAnswer?> NewLocationDetail(Func<ProxiedAnswer, ProxiedAnswer?> rewrite) =>
        (r, a) => r.Method == "GET" && Regex.IsMatch(r.PathAndQuery, @"^/api/v2/location/[0-9a-f-]{36}/$")
            && !r.PathAndQuery.Contains(Conformance.ReferenceServer.Hosting.ReferenceData.TransferSourceLocationUuid, StringComparison.Ordinal)
            ? rewrite(a) : null;

    /// <summary>After <paramref name="trigger"/>, the list answers with what it said before it (the change never shows).</summary>
    private static Action<ProxiedTarget> StillListedAfter(string method, string trigger, string list) => t =>
    {
        string? before = null;
        var triggered = false;
        t.Dashboard.Break((r, a) =>
        {
            if (r.Method == method && r.PathAndQuery.StartsWith(trigger, StringComparison.Ordinal))
            {
                triggered = true;
                return null;
            }

            if (r.Method != "GET" || !r.PathAndQuery.StartsWith(list, StringComparison.Ordinal))
            {
                return null;
            }

            if (!triggered)
            {
                before = a.Body;
                return null;
            }

            return before is null ? null : a.WithBody(before);
        });
    };

    /// <summary>After a hide under <paramref name="unitPath"/>, the completed list names the hidden unit again.</summary>
    private static Action<ProxiedTarget> ListedAgainAfterHide(string unitPath, string list) => t =>
    {
        string? hidden = null;
        t.Dashboard.Break((r, a) =>
        {
            if (r.Method == "DELETE" && r.PathAndQuery.StartsWith(unitPath, StringComparison.Ordinal) && r.PathAndQuery.Split('/') is { Length: > 4 } parts)
            {
                hidden ??= parts[3];
                return null;
            }

            return hidden is not null && r.Method == "GET" && r.PathAndQuery.StartsWith(list, StringComparison.Ordinal)
                ? a.WithBody(Edit(a.Body, j => j["results"]!.AsArray().Add(hidden)))
                : null;
        });
    };

    private static JsonObject FailedJob(string name, string microservice) => new()
    {
        ["uuid"] = Guid.NewGuid().ToString(), ["name"] = name, ["status"] = "FAILED", ["microservice"] = microservice,
        ["link_uuid"] = Guid.NewGuid().ToString(), ["tasks"] = new JsonArray(new JsonObject { ["uuid"] = Guid.NewGuid().ToString(), ["exit_code"] = -1 }),
    };

    private static string Edit(string json, Action<JsonNode> edit)
    {
        var node = JsonNode.Parse(json)!;
        edit(node);
        return node.ToJsonString();
    }

    [GeneratedRegex(@"^/api/v2/file/[0-9a-f-]{36}/$")]
    private static partial Regex FileDetail();
}
