namespace Conformance.Framework.Reports.Statement;

/// <summary>
/// How many catalogue endpoints a run exercised, per service and auth mode: the figure a run against
/// a sandbox is judged by ("at least 85 of 94 endpoints exercised under Header"). An endpoint is
/// exercised under a mode when its auth-matrix case passed, failed or was a known deviation
/// (<see cref="CaseOutcomes.Exercised"/>); inconclusive and not run are counted apart, each with
/// its reason, and so are endpoints the target's release does not have. Storage Service endpoints
/// run under API v2 and v1: they count under v2, and v1 is shown beside.
/// </summary>
/// <param name="CountingRule">The rule above, in one sentence, for whoever reads the table alone.</param>
/// <param name="Services">dashboard, Storage Service (API v2, counted), Storage Service (API v1, beside).</param>
/// <param name="Inconclusive">Inconclusive cases grouped by service and reason.</param>
/// <param name="NotRun">Cases not run grouped by service and the setting that would run them (or why not).</param>
/// <param name="NotExercisedUnderHeader">Each endpoint of a counted block whose Header case was not exercised, and why.</param>
public sealed record EndpointCoverage(
    string Headline, string CountingRule, IReadOnlyList<string> AuthModes, IReadOnlyList<CoverageBlock> Services,
    IReadOnlyList<CoverageReason> Inconclusive, IReadOnlyList<CoverageReason> NotRun, IReadOnlyList<EndpointGap> NotExercisedUnderHeader)
{
    public const string HeadlineMode = nameof(AuthMode.Header);

    public const string Rule =
        "an endpoint is exercised under an auth mode when its auth-matrix case passed, failed or was a known deviation; " +
        "inconclusive and not run are not exercised; a Storage Service endpoint counts under API v2, v1 is shown beside";

    /// <summary>The coverage of a run from its case records, against the catalogue's auth-matrix cases and the target's versions.</summary>
    public static EndpointCoverage Of(EndpointCatalogue catalogue, IReadOnlyDictionary<ServiceKind, string> versions, IReadOnlyList<CaseRecord> records)
    {
        var byCase = records.Where(r => r.MatrixEndpoint is not null).GroupBy(r => r.Case, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var cells = CaseFactory.All(catalogue).Where(c => c.Kind == CaseKind.Auth).Select(c => Cell.Of(c, versions, byCase.GetValueOrDefault(c.Name))).ToList();
        var modes = global::Conformance.Framework.Requests.AuthModes.All.Where(m => cells.Any(c => c.Mode == m)).ToList();

        var blocks = cells.GroupBy(c => (c.Service, c.ApiVersion)).OrderBy(g => g.Key.Service).ThenByDescending(g => g.Key.ApiVersion, StringComparer.Ordinal)
            .Select(g => new CoverageBlock(
                g.Key.Service.CatalogueName(), BlockName(g.Key.Service, g.Key.ApiVersion), g.Key.ApiVersion, IsCounted(g.Key.ApiVersion),
                g.Select(c => c.Endpoint).Distinct(StringComparer.Ordinal).Count(),
                modes.Select(m => Count(m, g.Where(c => c.Mode == m).ToList())).ToList()))
            .ToList();

        return new EndpointCoverage(HeadlineOf(blocks), Rule, modes.Select(m => m.ToString()).ToList(), blocks,
            Reasons(cells, CaseOutcome.Inconclusive), Reasons(cells, CaseOutcome.NotRun), Gaps(cells));
    }

    /// <summary>The counted block of a service (the dashboard, the Storage Service under v2); null when it has none.</summary>
    public CoverageBlock? CountedBlock(string service) => Services.FirstOrDefault(b => b.Service == service && b.Counted);

    // "Header: 27 of 29 dashboard and 60 of 65 Storage Service endpoints exercised (87 of 94)".
    private static string HeadlineOf(IReadOnlyList<CoverageBlock> blocks)
    {
        var counted = blocks.Where(b => b.Counted).Select(b => (Block: b, Mode: b.Mode(HeadlineMode))).Where(x => x.Mode is not null).ToList();
        var parts = counted.Select(x => $"{x.Mode!.Exercised} of {x.Block.Endpoints} {x.Block.ServiceName}");
        var all = $"{counted.Sum(x => x.Mode!.Exercised)} of {counted.Sum(x => x.Block.Endpoints)}";
        var absent = counted.Sum(x => x.Mode!.NotApplicable);
        return $"{HeadlineMode}: {string.Join(" and ", parts)} endpoints exercised ({all}"
            + (absent > 0 ? $"; {absent} not in the target's release" : string.Empty) + ")";
    }

    private static ModeCount Count(AuthMode mode, IReadOnlyList<Cell> cells) => new(mode.ToString(),
        cells.Count(c => c.Outcome.Exercised()),
        cells.Count(c => c.Outcome == CaseOutcome.Inconclusive),
        cells.Count(c => c.Outcome == CaseOutcome.NotRun && !c.NotApplicable),
        cells.Count(c => c.NotApplicable));

    private static IReadOnlyList<CoverageReason> Reasons(IReadOnlyList<Cell> cells, CaseOutcome outcome) =>
        cells.Where(c => c.Outcome == outcome && !c.NotApplicable)
            .GroupBy(c => (c.Service, c.Reason))
            .Select(g => new CoverageReason(
                g.Key.Service.CatalogueName(), g.Key.Reason,
                g.Select(c => c.Endpoint).Distinct(StringComparer.Ordinal).Count(),
                g.Count(),
                g.Count(c => c.Counted && c.Mode == AuthMode.Header),
                global::Conformance.Framework.Requests.AuthModes.All.Where(m => g.Any(c => c.Mode == m)).Select(m => m.ToString()).ToList()))
            .OrderBy(r => r.Service, StringComparer.Ordinal).ThenByDescending(r => r.Cases).ThenBy(r => r.Reason, StringComparer.Ordinal)
            .ToList();

    private static IReadOnlyList<EndpointGap> Gaps(IReadOnlyList<Cell> cells) =>
        cells.Where(c => c.Counted && c.Mode == AuthMode.Header && !c.Outcome.Exercised())
            .Select(c => new EndpointGap(c.Service.CatalogueName(), c.Endpoint, c.NotApplicable ? StatementBuilder.NotApplicable : c.Outcome.Text(), c.Reason))
            .OrderBy(g => g.Service, StringComparer.Ordinal).ThenBy(g => g.Outcome, StringComparer.Ordinal).ThenBy(g => g.Endpoint, StringComparer.Ordinal)
            .ToList();

    private static bool IsCounted(string? apiVersion) => apiVersion is null or "v2";

    private static string BlockName(ServiceKind service, string? apiVersion) =>
        ServiceName(service) + (apiVersion is null ? string.Empty : $" {apiVersion}");

    /// <summary>"dashboard" or "Storage Service", as the issue and docs/coverage.md name them.</summary>
    public static string ServiceName(ServiceKind service) => service == ServiceKind.Archivematica ? "dashboard" : "Storage Service";

    /// <summary>One endpoint × auth-mode cell: its outcome, and why it was not exercised.</summary>
    private sealed record Cell(ServiceKind Service, string Endpoint, string? ApiVersion, AuthMode Mode, CaseOutcome Outcome, bool NotApplicable, string Reason)
    {
        public bool Counted => IsCounted(ApiVersion);

        public static Cell Of(ConformanceCase c, IReadOnlyDictionary<ServiceKind, string> versions, CaseRecord? record)
        {
            var service = c.Endpoint.Service;
            if (!StatementBuilder.Applies(c.Endpoint, versions))
            {
                return new Cell(service, c.Endpoint.Id, c.ApiVersion, c.Mode, CaseOutcome.NotRun, true, $"not in {service.DisplayName()} {versions[service]}");
            }

            var (outcome, reason) = record switch
            {
                null => (CaseOutcome.NotRun, CoverageReasons.NotSelected),
                { SuiteError: true } => (CaseOutcome.Inconclusive, CoverageReasons.SuiteError),
                _ => (record.Outcome, record.Reason ?? record.Outcome.Text()),
            };
            return new Cell(service, c.Endpoint.Id, c.ApiVersion, c.Mode, outcome, false, reason);
        }
    }
}

/// <param name="Service">"archivematica" or "storage".</param>
/// <param name="Name">"dashboard", "Storage Service v2", "Storage Service v1" (the API version).</param>
/// <param name="ApiVersion">The Storage Service API version; null for the dashboard.</param>
/// <param name="Counted">The block the headline counts: the dashboard, the Storage Service under v2.</param>
/// <param name="Endpoints">Catalogue endpoints of the block.</param>
public sealed record CoverageBlock(string Service, string Name, string? ApiVersion, bool Counted, int Endpoints, IReadOnlyList<ModeCount> Modes)
{
    public string ServiceName => EndpointCoverage.ServiceName(ServiceKindNames.Parse(Service));

    public ModeCount? Mode(string authMode) => Modes.FirstOrDefault(m => m.AuthMode == authMode);
}

/// <summary>Endpoints of a block under one auth mode, by what became of their case; the four add up to the block's endpoints.</summary>
/// <param name="NotApplicable">The endpoint does not exist in the target's release.</param>
public sealed record ModeCount(string AuthMode, int Exercised, int Inconclusive, int NotRun, int NotApplicable);

/// <param name="Reason">Inconclusive: the reason, short (<see cref="CoverageReasons"/>). Not run: the setting that would run the cases, or why not.</param>
/// <param name="Endpoints">Distinct endpoints (a Storage Service endpoint once for v1 and v2).</param>
/// <param name="Cases">Endpoint × auth-mode cases (Storage Service: both API versions).</param>
/// <param name="UnderHeader">Of those, endpoints of a counted block under Header: what the headline misses for this reason.</param>
/// <param name="AuthModes">The modes among the cases.</param>
public sealed record CoverageReason(string Service, string Reason, int Endpoints, int Cases, int UnderHeader, IReadOnlyList<string> AuthModes);

/// <param name="Outcome">"inconclusive", "not run" or "not applicable".</param>
public sealed record EndpointGap(string Service, string Endpoint, string Outcome, string Reason);
