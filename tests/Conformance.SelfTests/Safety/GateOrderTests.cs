using FluentAssertions;
using NUnit.Framework;

namespace Conformance.SelfTests.Safety;

/// <summary>
/// The executor's gates in one table: each row is a case that more than one gate would stop, and
/// the first gate in the executor's order (preflight, service configured, version, tier and
/// opt-ins (hostile writes, bulk changes), halt, prepared request, dry run, bad-credential budget) is the one it reports.
/// Nothing here reaches a server: a row that gets past every gate sends nothing but a stub.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class GateOrderTests
{
    private const string Preflight = "not run: the preflight check failed";

    public static IEnumerable<TestCaseData> Rows()
    {
        yield return Row("preflight before everything", preflightFailed: true, storage: false, tier: Tier.Destructive, dryRun: true, expect: Preflight);
        yield return Row("service before version", storage: false, tier: Tier.Destructive, outOfVersion: true, dryRun: true, expect: "the Storage Service is not configured");
        yield return Row("version before tier", tier: Tier.Destructive, outOfVersion: true, dryRun: true, expect: "is not part of Storage Service 0.19.0");
        yield return Row("tier before dry run", tier: Tier.Mutating, dryRun: true, expect: "not run: mutating test");
        yield return Row("hostile opt-in before dry run", tier: Tier.Mutating, allowWrites: true, hostile: true, dryRun: true, expect: "AllowHostileWrites=true");
        yield return Row("tier before the bulk-change opt-in", tier: Tier.Mutating, changesAll: true, dryRun: true, expect: "not run: mutating test");
        yield return Row("bulk-change opt-in before dry run", tier: Tier.Mutating, allowWrites: true, changesAll: true, dryRun: true, expect: "AllowBulkChanges=true");
        yield return Row("bulk-change opt-in given: sent", tier: Tier.Mutating, allowWrites: true, changesAll: true, allowBulk: true, expect: null);
        yield return Row("tier before the request is prepared", tier: Tier.Destructive, allowWrites: true, cannotPrepare: true, dryRun: true, expect: "not run: destructive test");
        yield return Row("prepared request before dry run", cannotPrepare: true, dryRun: true, expect: "cannot be arranged here", kind: NotRunKind.Inconclusive);
        yield return Row("dry run before the budget", wrongCredentials: true, budget: 0, dryRun: true, expect: "DRY RUN: would send GET ");
        yield return Row("budget last", wrongCredentials: true, budget: 0, expect: "bad-credential budget (0) is used up");
        yield return Row("all open: sent", wrongCredentials: true, budget: 1, expect: null);
    }

    [TestCaseSource(nameof(Rows))]
    public async Task The_first_gate_in_order_is_reported(GateRow row)
    {
        var settings = new TargetSettings
        {
            Storage = row.Storage ? new ServiceEndpoint(ServiceKind.Storage, new Uri("http://192.0.2.1:8000/"), new Credentials("test", "not-a-real-key")) : null,
            AllowWrites = row.AllowWrites,
            AllowBulkChanges = row.AllowBulk,
            DryRun = row.DryRun,
            BadCredentialBudget = row.Budget,
        };
        using var session = new ConformanceSession(settings, ReferenceTarget.Catalogue, ReferenceTarget.Schemas, new NoArranger());
        var c = new StubCase(row);
        var verdict = await new Executor(_ => row.PreflightFailed ? null : session, Preflight).RunAsync(c, "self-test: " + row.Name);

        if (row.Expect is null)
        {
            verdict.NotRunReason.Should().BeNull();
            c.Sent.Should().BeTrue();
            return;
        }

        verdict.NotRunReason.Should().Contain(row.Expect);
        verdict.NotRun.Should().Be(row.Kind);
        c.Sent.Should().BeFalse("a gate stopped it");
        c.WasPrepared.Should().Be(row.Expect.StartsWith("DRY RUN", StringComparison.Ordinal) || row.Kind == NotRunKind.Inconclusive || row.Expect.Contains("budget", StringComparison.Ordinal),
            "the request is prepared (and arranged) only once every gate before it is open");
        session.BadCredentialRequests.Should().Be(row.Expect.Contains("budget", StringComparison.Ordinal) ? 1 : 0, "a dry run spends no budget");
    }

    private static TestCaseData Row(string name, Tier tier = Tier.ReadOnly, bool preflightFailed = false, bool storage = true, bool outOfVersion = false,
        bool allowWrites = false, bool changesAll = false, bool allowBulk = false, bool hostile = false, bool cannotPrepare = false, bool dryRun = false, bool wrongCredentials = false, int? budget = null,
        string? expect = null, NotRunKind kind = NotRunKind.Ignored) =>
        new TestCaseData(new GateRow(name, tier, preflightFailed, storage, outOfVersion, allowWrites, changesAll, allowBulk, hostile, cannotPrepare, dryRun, wrongCredentials, budget, expect, kind)).SetName($"{{m}}({name})");

    public sealed record GateRow(string Name, Tier Tier, bool PreflightFailed, bool Storage, bool OutOfVersion, bool AllowWrites, bool ChangesAll, bool AllowBulk, bool Hostile,
        bool CannotPrepare, bool DryRun, bool WrongCredentials, int? Budget, string? Expect, NotRunKind Kind)
    {
        public override string ToString() => Name;
    }

    /// <summary>A case of any kind, as the gates see it; it records whether it was prepared and sent.</summary>
    private sealed class StubCase(GateRow row) : ISuiteCase
    {
        public bool WasPrepared { get; private set; }

        public bool Sent { get; private set; }

        public string Name => "stub " + row.Name;

        public Tier Tier => row.Tier;

        public IReadOnlyList<ServiceKind> Services => [ServiceKind.Storage];

        public Endpoint? Endpoint { get; } = new()
        {
            Id = "ss.stub",
            Service = ServiceKind.Storage,
            Resource = "stub",
            Method = "GET",
            Path = "/api/v2/stub/",
            AllowedMethods = ["GET"],
            Tier = row.Tier,
            Versions = row.OutOfVersion ? new Dictionary<string, VersionRange> { ["storage"] = VersionRange.Parse(">=0.21") } : new Dictionary<string, VersionRange>(),
            Request = new RequestTemplate(),
            Expect = [],
            ChangesAll = row.ChangesAll ? "every stub of the target" : null,
        };

        public bool Hostile => row.Hostile;

        public bool PresentsWrongCredentials => row.WrongCredentials;

        public Task<Prepared> PrepareAsync(ConformanceSession session, CancellationToken cancellationToken)
        {
            WasPrepared = true;
            return Task.FromResult(row.CannotPrepare
                ? Prepared.Cannot("not run: the stub's precondition cannot be arranged here")
                : Prepared.Ready("GET http://192.0.2.1:8000/api/v2/stub/  [read-only, auth Header]", (_, _) =>
                {
                    Sent = true;
                    return Task.FromResult(Judgements.Of(new Verdict()));
                }));
        }
    }
}
