using System.Text.Json.Nodes;
using FluentAssertions;
using NUnit.Framework;

namespace Conformance.SelfTests.HostileInput;

/// <summary>
/// Every probe kind fails on a server that breaks it: through a proxy in front of the reference
/// server, the probe's own request (recognised by its test-name header, so discovery and state reads
/// go through untouched) gets a 500, a debug page, an echoed key, an evaluated template, a widened
/// filter, an acceptance, or a change of state behind a 4xx.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class HostileInputTests
{
    private static readonly Lazy<HostileInputCatalogue> Inputs = new(() => HostileInputCatalogue.Load(Path.Combine(Paths.Root, "fixtures", "hostile-inputs.json")));

    private static IEnumerable<HostileProbe> Probes => ProbeFactory.All(ReferenceTarget.Catalogue, Inputs.Value);

    public static IEnumerable<TestCaseData> Kinds() =>
        Probes.Select(p => p.Kind).Distinct().Order(StringComparer.Ordinal).Select(k => new TestCaseData(k).SetName($"{{m}}({k})"));

    [TestCaseSource(nameof(Kinds))]
    public async Task Each_probe_kind_passes_on_a_4xx_and_fails_INPUT_01_on_a_500(string kind)
    {
        await using var target = await ProxiedTarget.StartAsync();
        var status = 400;
        HostileProbe? chosen = null;
        foreach (var probe in Probes.Where(p => p.Kind == kind).OrderBy(p => p.Tier != Tier.ReadOnly).ThenBy(p => p.Input?.In == "path"))
        {
            // The probe's own answer becomes a plain 4xx refusal, or the 500 page: nothing else differs.
            BreakProbe(target, probe, (_, _) => status == 400 ? ProxiedAnswer.Json("{\"error\": true, \"message\": \"bad input\"}", 400) : ProxiedAnswer.ServerErrorPage());
            if ((await RunAsync(target, probe)).Passed)
            {
                chosen = probe;
                break;
            }
        }

        chosen.Should().NotBeNull($"some probe of kind {kind} passes when its answer is a 4xx");
        status = 500;
        (await RunAsync(target, chosen!)).Should().FailWith("INPUT-01");
    }

    [Test]
    public async Task A_probe_that_is_accepted_fails_INPUT_01()
    {
        await using var target = await ProxiedTarget.StartAsync();
        var probe = Named("am.transfer.status, hostile path uuid: sql-injection");
        BreakProbe(target, probe, (_, _) => ProxiedAnswer.Json("{\"type\": \"transfer\", \"status\": \"COMPLETE\"}"));
        var verdict = await RunAsync(target, probe);
        verdict.Should().FailWith("INPUT-01");
        verdict.Failures.Single().Message.Should().Contain("accepted");
    }

    [TestCase("<html><head><title>ValueError at /api/transfer/status/x/</title></head><body>You're seeing this error because you have <code>DEBUG = True</code></body></html>")]
    [TestCase("Traceback (most recent call last):\n  File \"/usr/lib/archivematica/dashboard/components/api/views.py\", line 412, in status\nValueError: badly formed hexadecimal UUID string")]
    [TestCase("{\"error\": \"(1064, 'You have an error in your SQL syntax; check the manual')\"}")]
    [TestCase("{\"error\": \"OperationalError at /usr/local/lib/python3.9/site-packages/django/db/backends/mysql/base.py\"}")]
    [TestCase("System.InvalidOperationException: Sequence contains no elements\n   at Conformance.Thing.Do() in /src/Thing.cs:line 12")]
    public async Task An_answer_that_exposes_internals_fails_INPUT_02(string body)
    {
        await using var target = await ProxiedTarget.StartAsync();
        var probe = Named("am.transfer.status, hostile path uuid: malformed-uuid");
        BreakProbe(target, probe, (_, _) => ProxiedAnswer.Html(body, 400));
        (await RunAsync(target, probe)).Should().FailWith("INPUT-02");
    }

    [Test]
    public async Task An_answer_that_echoes_the_key_fails_LEAK_01()
    {
        await using var target = await ProxiedTarget.StartAsync();
        var probe = Named("ss.file.list@v2, hostile query uuid: malformed-uuid");
        BreakProbe(target, probe, (_, _) => ProxiedAnswer.Json("{\"error\": \"bad uuid from user test with key selftest-key-0123456789\"}", 400));
        var verdict = await RunAsync(target, probe);
        verdict.Should().FailWith("LEAK-01");
        verdict.Describe().Should().NotContain("selftest-key-0123456789", "the report masks the echoed key");
    }

    [Test]
    public async Task An_evaluated_template_fails_INPUT_03()
    {
        await using var target = await ProxiedTarget.StartAsync();
        var probe = Named("am.v2beta.validate, hostile path validator: template-injection");
        BreakProbe(target, probe, (_, _) => ProxiedAnswer.Json("{\"valid\": false, \"reason\": \"Unknown validator 72355903\"}", 404));
        (await RunAsync(target, probe)).Should().FailWith("INPUT-03");
    }

    [Test]
    public async Task A_filter_the_bad_value_widens_fails_INPUT_03()
    {
        await using var target = await ProxiedTarget.StartAsync();
        var probe = Named("ss.file.list@v2, hostile query uuid: sql-injection");
        BreakProbe(target, probe, (_, a) => a.WithBody("{\"meta\": {\"limit\": 20, \"offset\": 0, \"total_count\": 28, \"next\": null, \"previous\": null}, \"objects\": [{\"uuid\": \"x\"}]}"));
        (await RunAsync(target, probe)).Should().FailWith("INPUT-03");
    }

    [Test]
    public async Task A_set_that_finds_the_bad_member_fails_INPUT_03()
    {
        await using var target = await ProxiedTarget.StartAsync();
        var probe = Named("ss.pipeline.set@v2, hostile path first: sql-injection");
        BreakProbe(target, probe, (_, _) => ProxiedAnswer.Json("{\"objects\": [{\"uuid\": \"a\"}, {\"uuid\": \"b\"}]}"));
        (await RunAsync(target, probe)).Should().FailWith("INPUT-03");
    }

    [TestCase("ss.file.create@v2, hostile body: invalid-json", "ss.file.list:meta.total_count")]
    [TestCase("am.transfer.approve, hostile form directory: path-traversal", "am.transfer.unapproved")]
    public async Task A_change_of_state_behind_a_refusal_fails_INPUT_03(string probeName, string read)
    {
        await using var target = await ProxiedTarget.StartAsync();
        var probe = Named(probeName);
        BreakProbe(target, probe, (_, a) =>
        {
            // The server refuses, yet acts.
            if (probe.Service == Conformance.Framework.Configuration.ServiceKind.Storage)
            {
                target.Host.Storage.AddUploadedAip();
            }
            else
            {
                target.Host.Dashboard.AddTransferAwaitingApproval();
            }

            return a with { Status = 400 };
        });
        var verdict = await RunAsync(target, probe);
        verdict.Should().FailWith("INPUT-03");
        verdict.Failures.Should().Contain(f => f.Message.Contains(read + " changed", StringComparison.Ordinal));
    }

    [Test]
    public async Task A_sample_of_probes_passes_on_the_reference_server_unless_a_known_deviation_explains_it()
    {
        await using var target = await ReferenceTarget.StartAsync(knownDeviations: KnownDeviations.Load(Path.Combine(Paths.Root, "fixtures", "known-deviations")));
        var runner = new Executor(target.Session);
        var problems = new List<string>();
        foreach (var probe in Probes.Where(p => p.Endpoint.Id.StartsWith("am.v2beta", StringComparison.Ordinal) || p.Endpoint.Id.StartsWith("ss.file.list", StringComparison.Ordinal)))
        {
            var verdict = await runner.RunAsync(probe, "self-test: " + probe.Name);
            if (!verdict.Passed && verdict.KnownDeviations.Count == 0)
            {
                problems.Add(probe.Name + ":\n" + verdict.Describe());
            }
        }

        problems.Should().BeEmpty();
    }

    [Test]
    public void Every_catalogue_endpoint_is_probed_or_excluded_with_a_reason_and_every_input_names_a_real_endpoint()
    {
        var inputs = Inputs.Value;
        var probed = inputs.Endpoints.Select(e => e.EndpointId).ToHashSet();
        var ids = ReferenceTarget.Catalogue.Endpoints.Select(e => e.Id).ToList();
        ids.Where(id => !probed.Contains(id) && !inputs.Excluded.ContainsKey(id)).Should().BeEmpty("every endpoint that takes input is probed");
        probed.Concat(inputs.Excluded.Keys).Concat(inputs.NotProbed.Select(n => n.Endpoint)).Should().BeSubsetOf(ids);
        probed.Should().NotIntersectWith(inputs.Excluded.Keys);
        inputs.Excluded.Values.Concat(inputs.NotProbed.Select(n => n.Reason)).Should().OnlyContain(r => r.Length > 10);
        inputs.Endpoints.SelectMany(e => e.Inputs).Where(i => i.OnSuccess is "any").Should().OnlyContain(i => i.Why != null, "an input that may be answered 2xx says where the contract says so");
    }

    [Test]
    public void Every_kind_of_bad_input_is_probed_somewhere_and_probes_take_their_endpoints_tier()
    {
        var probes = Probes.ToList();
        probes.Select(p => p.Kind).Distinct().Should().Contain(
        [
            ProbeKinds.MalformedUuid, ProbeKinds.TruncatedUuid, ProbeKinds.OverlongUuid, ProbeKinds.NonHexUuid, ProbeKinds.PathTraversal, ProbeKinds.EncodedTraversal,
            ProbeKinds.AbsolutePath, ProbeKinds.Base64Traversal, ProbeKinds.SqlInjection, ProbeKinds.TemplateInjection, ProbeKinds.InvalidJson, ProbeKinds.WrongContentType,
            ProbeKinds.OversizedBody, ProbeKinds.NonUtf8, ProbeKinds.NonUtf8Body, ProbeKinds.OddUnicode, ProbeKinds.DuplicateParameter,
        ]);
        probes.Should().OnlyContain(p => p.Tier == p.Endpoint.Tier);
        probes.Where(p => p.Tier == Tier.ReadOnly).Select(p => p.Endpoint.Method).Distinct().Should().BeSubsetOf(["GET", "POST", "PUT"], "read-only unsafe methods are only the contract's read-only POST (validate) and PUT (compress)");
        probes.Select(p => p.Name).Should().OnlyHaveUniqueItems();
    }

    private static HostileProbe Named(string name) => Probes.Single(p => p.Name == name);

    private static Task<Verdict> RunAsync(ProxiedTarget target, HostileProbe probe) =>
        new Executor(target.Session).RunAsync(probe, "self-test probe: " + probe.Name);

    /// <summary>Rewrites the probe's own request only (discovery, arrangement and state reads pass untouched).</summary>
    private static void BreakProbe(ProxiedTarget target, HostileProbe probe, Func<ProxiedRequest, ProxiedAnswer, ProxiedAnswer?> rewrite)
    {
        var proxy = probe.Service == Conformance.Framework.Configuration.ServiceKind.Archivematica ? target.Dashboard : target.Storage;
        proxy.Break((r, a) => r.TestName == "self-test probe: " + probe.Name ? rewrite(r, a) : null);
    }

}
