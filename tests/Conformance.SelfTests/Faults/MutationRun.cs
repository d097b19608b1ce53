using System.Diagnostics;
using System.Globalization;
using System.Text;
using Conformance.ReferenceServer.Hosting;

namespace Conformance.SelfTests.Faults;

/// <summary>
/// The mutation check: for every fault of fixtures/fault-expectations.json, a separate in-process
/// reference server with only that fault switched on (for its endpoints), and the suite's own case
/// runner over the fault's cases; plus one clean server over all those cases. Everything runs in
/// parallel, once per test run (<see cref="Report"/>); the tests in <see cref="MutationCheckTests"/>
/// judge the result.
/// </summary>
internal static class MutationRun
{
    /// <summary>Suffix of the pseudo-case that walks a Storage Service list page by page (PAGE-01), e.g. "ss.file.list@v2, pagination walk".</summary>
    public const string PaginationWalkSuffix = ", pagination walk";

    /// <summary>The page size the walk uses, as the suite's StoragePagination does.</summary>
    private const int PageSize = 5;

    private static readonly Lazy<Task<MutationReport>> Shared = new(RunAsync, LazyThreadSafetyMode.ExecutionAndPublication);

    private static readonly Lazy<IReadOnlyDictionary<string, ConformanceCase>> CasesByName =
        new(() => CaseFactory.All(ReferenceTarget.Catalogue).ToDictionary(c => c.Name, StringComparer.Ordinal));

    /// <summary>Workflows by case name ("workflow am.transfer-lifecycle") and hostile-input probes by name, for faults only they can catch.</summary>
    private static readonly Lazy<IReadOnlyDictionary<string, WorkflowDefinition>> WorkflowsByName =
        new(() => WorkflowCatalogue.All.ToDictionary(w => w.CaseName, StringComparer.Ordinal));

    private static readonly Lazy<IReadOnlyDictionary<string, HostileProbe>> ProbesByName =
        new(() => ProbeFactory.All(ReferenceTarget.Catalogue, HostileInputCatalogue.Load(Path.Combine(Paths.Root, "fixtures", "hostile-inputs.json"))).ToDictionary(p => p.Name, StringComparer.Ordinal));

    public static Task<MutationReport> Report => Shared.Value;

    /// <summary>True when <paramref name="name"/> is a catalogue case, a pagination walk of a catalogued Storage Service list, a workflow ("workflow &lt;name&gt;") or a hostile-input probe.</summary>
    public static bool IsKnownCase(string name) =>
        CasesByName.Value.ContainsKey(name) || WorkflowsByName.Value.ContainsKey(name) || ProbesByName.Value.ContainsKey(name)
        || (PaginationTarget(name) is var (id, _) && ReferenceTarget.Catalogue.Endpoints.Any(e => e.Id == id && e.Service == ServiceKind.Storage));

    /// <summary>Cases that write run one after another, as the suite runs them.</summary>
    private static bool Writes(string name) =>
        CasesByName.Value.TryGetValue(name, out var c) ? c.Tier != Tier.ReadOnly
        : WorkflowsByName.Value.TryGetValue(name, out var w) ? w.Tier != Tier.ReadOnly
        : ProbesByName.Value.TryGetValue(name, out var p) && p.Tier != Tier.ReadOnly;

    private static async Task<MutationReport> RunAsync()
    {
        var expectations = FaultExpectations.Load();
        var stopwatch = Stopwatch.StartNew();
        var allCases = expectations.Faults.Where(f => f.IsRun).SelectMany(f => f.Cases.Keys).Distinct().Order(StringComparer.Ordinal).ToList();
        var clean = RunTargetAsync(FaultPlan.None, expectations.TimeoutSeconds, expectations, allCases.ToDictionary(c => c, _ => (IReadOnlyList<string>)[]));
        var faulty = expectations.Faults.Where(f => f.IsRun).Select(async f =>
        {
            var timeout = f.Fault == Fault.SlowResponse ? expectations.SlowTimeoutSeconds : expectations.TimeoutSeconds;
            var plan = FaultPlan.Of([.. f.On.Select(endpointId => (f.Fault, endpointId))]);
            var (outcomes, error, elapsed) = await RunTargetAsync(plan, timeout, expectations, f.Cases);
            return new FaultOutcome(f, outcomes, error, elapsed);
        }).ToList();

        var (cleanOutcomes, cleanError, _) = await clean;
        var faultOutcomes = await Task.WhenAll(faulty);
        return new MutationReport(faultOutcomes, cleanOutcomes, cleanError, stopwatch.Elapsed);
    }

    private static async Task<(IReadOnlyList<CaseOutcome> Cases, string? Error, TimeSpan Elapsed)> RunTargetAsync(
        FaultPlan plan, double timeoutSeconds, FaultExpectations expectations, IReadOnlyDictionary<string, IReadOnlyList<string>> cases)
    {
        var stopwatch = Stopwatch.StartNew();
        try
        {
            var options = new ReferenceServerOptions { ApiKey = "selftest-key-0123456789", SlowResponseDelay = TimeSpan.FromSeconds(expectations.SlowResponseDelaySeconds) };
            await using var target = await ReferenceTarget.StartAsync(plan, options, timeout: TimeSpan.FromSeconds(timeoutSeconds));

            // Read-only cases side by side; cases that write one after another, as the suite runs them.
            var byTier = cases.Keys.ToLookup(Writes);
            var outcomes = (await Task.WhenAll(byTier[false].Select(name => RunCaseAsync(target, name, cases[name])))).ToList();
            foreach (var name in byTier[true])
            {
                outcomes.Add(await RunCaseAsync(target, name, cases[name]));
            }

            return (outcomes.OrderBy(o => o.Case, StringComparer.Ordinal).ToList(), null, stopwatch.Elapsed);
        }
#pragma warning disable CA1031 // One broken target is reported with its fault, not allowed to hide the others' results.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return ([], $"{plan}: {e.GetType().Name}: {e.Message}", stopwatch.Elapsed);
        }
    }

    private static async Task<CaseOutcome> RunCaseAsync(ReferenceTarget target, string name, IReadOnlyList<string> expected)
    {
        Verdict verdict;
        if (PaginationTarget(name) is var (endpointId, apiVersion))
        {
            var path = ReferenceTarget.Catalogue[endpointId].Path.Replace("{api_version}", apiVersion, StringComparison.Ordinal);
            verdict = await PaginationWalk.RunAsync(target.Session.Client(ServiceKind.Storage)!, path, PageSize, "self-test: " + name);
        }
        else if (CasesByName.Value.TryGetValue(name, out var testCase))
        {
            verdict = await target.RunAsync(testCase);
        }
        else if (WorkflowsByName.Value.TryGetValue(name, out var workflow))
        {
            verdict = await new Executor(target.Session).RunAsync(workflow, "self-test: " + name);
        }
        else if (ProbesByName.Value.TryGetValue(name, out var probe))
        {
            verdict = await new Executor(target.Session).RunAsync(probe, "self-test: " + name);
        }
        else
        {
            return new CaseOutcome(name, Sorted(expected), ["UNKNOWN-CASE"], $"'{name}' is neither a catalogue case, '<ss list>@v1|v2{PaginationWalkSuffix}', 'workflow <name>' nor a hostile-input probe");
        }

        var actual = verdict.NotRun != NotRunKind.None
            ? ["NOT-RUN"]
            : verdict.Failures.Select(f => f.Requirement.Id).Distinct().Order(StringComparer.Ordinal).ToList();
        var detail = verdict.NotRun != NotRunKind.None ? verdict.NotRunReason ?? "not run" : verdict.Describe();
        return new CaseOutcome(name, Sorted(expected), actual, detail);
    }

    private static (string EndpointId, string ApiVersion)? PaginationTarget(string name)
    {
        if (!name.EndsWith(PaginationWalkSuffix, StringComparison.Ordinal))
        {
            return null;
        }

        var parts = name[..^PaginationWalkSuffix.Length].Split('@');
        return parts.Length == 2 && parts[1] is "v1" or "v2" ? (parts[0], parts[1]) : null;
    }

    private static List<string> Sorted(IEnumerable<string> ids) => ids.Distinct().Order(StringComparer.Ordinal).ToList();
}

/// <summary>One case against one target: the requirement ids it had to fail with and those it failed with.</summary>
internal sealed record CaseOutcome(string Case, IReadOnlyList<string> Expected, IReadOnlyList<string> Actual, string Detail)
{
    public bool AsExpected => Expected.SequenceEqual(Actual);

    public string Describe() =>
        $"{Case}: expected {Ids(Expected)}, got {Ids(Actual)}\n    " + Detail.ReplaceLineEndings("\n    ");

    public static string Ids(IReadOnlyList<string> ids) => ids.Count == 0 ? "a pass" : "[" + string.Join(", ", ids) + "]";
}

internal sealed record FaultOutcome(FaultExpectation Expectation, IReadOnlyList<CaseOutcome> Cases, string? Error, TimeSpan Elapsed)
{
    public Fault Fault => Expectation.Fault;

    /// <summary>At least one case failed: the suite noticed the fault.</summary>
    public bool Killed => Error is null && Cases.Any(c => c.Actual.Count > 0 && c.Actual[0] is not ("NOT-RUN" or "UNKNOWN-CASE"));

    public bool AsExpected => Error is null && Cases.All(c => c.AsExpected);

    public IEnumerable<CaseOutcome> Killers => Cases.Where(c => c.Actual.Count > 0);
}

internal sealed record MutationReport(IReadOnlyList<FaultOutcome> Faults, IReadOnlyList<CaseOutcome> Clean, string? CleanError, TimeSpan Elapsed)
{
    public int Killed => Faults.Count(f => f.Killed);

    public string KillRatio => string.Create(CultureInfo.InvariantCulture, $"{Killed}/{Faults.Count} faults killed ({(Faults.Count == 0 ? 0 : 100.0 * Killed / Faults.Count):F0} %)");

    public string Summary => string.Create(CultureInfo.InvariantCulture,
        $"Kill ratio: {KillRatio}; {Faults.Sum(f => f.Cases.Count)} cases against {Faults.Count} faulty servers, {Clean.Count} against the clean server, {Elapsed.TotalSeconds:F1} s in all.");

    /// <summary>The whole result as Markdown: the summary, one row per fault, then every case that did not go as expected.</summary>
    public string Render()
    {
        var text = new StringBuilder();
        text.AppendLine("# Mutation check").AppendLine().AppendLine(Summary).AppendLine();
        text.AppendLine("| fault | breaks | switched on for | killed by | as expected | time |").AppendLine("|---|---|---|---|---|---|");
        foreach (var f in Faults)
        {
            var killers = string.Join("; ", f.Killers.Select(c => $"{c.Case} [{string.Join(", ", c.Actual)}]"));
            text.AppendLine(CultureInfo.InvariantCulture, $"| {f.Fault} | {string.Join(", ", BreaksAttribute.Of(f.Fault))} | {string.Join(", ", f.Expectation.On)} | {(f.Killed ? killers : "**survived**")} | {(f.AsExpected ? "yes" : "**no**")} | {f.Elapsed.TotalSeconds:F1} s |");
        }

        var surprises = Faults.Where(f => f.Error is not null).Select(f => $"{f.Fault}: {f.Error}")
            .Concat(Faults.SelectMany(f => f.Cases.Where(c => !c.AsExpected).Select(c => $"{f.Fault}: {c.Describe()}")))
            .Concat(CleanError is null ? [] : [$"clean server: {CleanError}"])
            .Concat(Clean.Where(c => !c.AsExpected).Select(c => $"clean server: {c.Describe()}"))
            .ToList();
        text.AppendLine().AppendLine(surprises.Count == 0 ? "Every case went as expected; the clean server passed every case." : "## Not as expected").AppendLine();
        foreach (var surprise in surprises)
        {
            text.AppendLine("```").AppendLine(surprise).AppendLine("```");
        }

        return text.ToString();
    }
}
