using System.Text;
using System.Text.RegularExpressions;

namespace Conformance.SelfTests.Recordings;

/// <summary>
/// Judges a recorded interaction the way the suite judges a live answer: finds the catalogue endpoint
/// the request hit, the auth mode the request used and the case it amounts to, then lets the suite's
/// own <see cref="CaseVerifier"/> check the recorded response.
/// </summary>
internal sealed partial class RecordedCaseResolver(EndpointCatalogue catalogue, SchemaRegistry schemas)
{
    private readonly IReadOnlyList<Route> _routes = catalogue.Endpoints
        .GroupBy(e => (e.Service, e.Path))
        .Select(g => new Route(g.ToList()))
        .ToList();

    public async Task<RecordedOutcome> JudgeAsync(RecordedInteraction x)
    {
        var match = Match(x.Path);
        if (match is null)
        {
            return RecordedOutcome.NotApplicable($"no catalogue route matches {x.Method} {x.Path}");
        }

        var (route, parameters, missingSlash) = match.Value;
        var first = route.Endpoints[0];
        var service = first.Service;
        var contract = catalogue.Services[service];
        var version = Version(service, x);
        var mode = InferMode(x, service);
        var apiVersion = parameters.GetValueOrDefault("api_version");

        var endpoint = route.Endpoints.FirstOrDefault(e => e.Method == x.Method);
        IReadOnlyList<ConformanceCase> candidates = missingSlash ? [new ConformanceCase(first, CaseKind.MissingSlash, mode, apiVersion)]
            : endpoint is null ? [new ConformanceCase(first, CaseKind.WrongMethod, mode, apiVersion, Method: x.Method)]
            : Candidates(Bind(endpoint, parameters), x, mode, apiVersion, contract, version);

        Verdict? chosen = null;
        foreach (var candidate in candidates)
        {
            var exchange = x.ToExchange(service.CatalogueName(), candidate.Mode);
            var results = await CaseVerifier.VerifyAsync(candidate, exchange, contract, version, x.Path, schemas);
            var verdict = new Verdict { Exchange = exchange, Results = results };
            chosen ??= verdict;
            if (verdict.Passed)
            {
                return new RecordedOutcome(candidate, verdict);
            }
        }

        return new RecordedOutcome(candidates[0], chosen!);
    }

    /// <summary>
    /// The cases the recorded request may be, in the order the suite would prefer them. A request with
    /// accepted credentials answered with another status than the endpoint's success is an error path:
    /// every catalogue case of that method whose expectation has the recorded status is a candidate
    /// (the recording cannot say which one it was; one of them must hold).
    /// </summary>
    private static List<ConformanceCase> Candidates(Endpoint endpoint, RecordedInteraction x, AuthMode mode, string? apiVersion, ServiceContract contract, string? version)
    {
        var service = endpoint.Service;
        var success = CaseVerifier.Select(endpoint.Expect, service, version);
        var open = endpoint.Auth != "key";

        // The recording cannot tell a valid key from a wrong one: credentials the server rejected with
        // its authentication failure are taken as wrong credentials (the matching rejection mode).
        if (!open && mode.IsAccepted(service) && x.Status == contract.AuthFailure.Status && success.Status != contract.AuthFailure.Status)
        {
            mode = mode switch
            {
                AuthMode.Header or AuthMode.HeaderOverBadQuery => AuthMode.BadKeyHeader,
                AuthMode.Query => AuthMode.BadKeyQuery,
                _ => mode,
            };
        }

        var auth = new ConformanceCase(endpoint, CaseKind.Auth, mode, apiVersion);
        if (x.Status == success.Status || (!open && !mode.IsAccepted(service)))
        {
            return [auth];
        }

        var variants = endpoint.Cases
            .Where(v => (v.Method ?? endpoint.Method) == x.Method
                && (open || v.Mode.IsAccepted(service))
                && CaseVerifier.Select(v.Expect, service, version).Status == x.Status)
            .Select(v => new ConformanceCase(endpoint, CaseKind.Variant, mode, apiVersion, v, v.Method))
            .ToList();
        return variants.Count > 0 ? variants : [auth];
    }

    /// <summary>
    /// The request's credentials as an auth mode: a well-formed ApiKey header decides (a header without
    /// a colon fails, with no fallback); another scheme is ignored in favour of username/api_key in the
    /// query or urlencoded form; HTTP Basic is its own mode.
    /// </summary>
    private static AuthMode InferMode(RecordedInteraction x, ServiceKind service)
    {
        var authorization = x.RequestHeader("Authorization");
        var scheme = authorization?.Split(' ', 2)[0];
        if (string.Equals(scheme, "ApiKey", StringComparison.OrdinalIgnoreCase))
        {
            return authorization!.Split(' ', 2) is [_, var rest] && rest.Contains(':', StringComparison.Ordinal) ? AuthMode.Header : AuthMode.HeaderWithoutColon;
        }

        if (string.Equals(scheme, "Basic", StringComparison.OrdinalIgnoreCase) && service == ServiceKind.Storage)
        {
            return AuthMode.Basic;
        }

        var formCredentials = x.Method == "POST"
            && x.RequestHeader("Content-Type")?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true
            && x.RequestBody is { } form && form.Split('&').Any(p => p.StartsWith("api_key=", StringComparison.Ordinal));
        return (x.HasQuery("username") && x.HasQuery("api_key")) || formCredentials ? AuthMode.Query
            : authorization is not null ? AuthMode.BearerScheme
            : AuthMode.NoCredentials;
    }

    /// <summary>The dashboard announces its version (older releases did not); the Storage Service is taken at the suite's default.</summary>
    private static string? Version(ServiceKind service, RecordedInteraction x) => service == ServiceKind.Archivematica
        ? x.ResponseHeader("X-Archivematica-Version")
        : Settings.StorageServiceVersion.Default;

    /// <summary>
    /// An exact body fixed for the catalogue's own literal path value (e.g. "Resource with UUID
    /// 00000000-... does not exist") quotes the recorded request's value instead.
    /// </summary>
    private static Endpoint Bind(Endpoint endpoint, IReadOnlyDictionary<string, string> recorded)
    {
        IReadOnlyList<Expectation> BindAll(IReadOnlyList<Expectation> expectations, RequestTemplate request) =>
            expectations.Select(e => e.ExactBody is null ? e : e with
            {
                ExactBody = request.PathParams
                    .Where(p => IsLiteral(p.Value) && recorded.ContainsKey(p.Key))
                    .Aggregate(e.ExactBody, (body, p) => body.Replace(p.Value, recorded[p.Key], StringComparison.Ordinal)),
            }).ToList();

        return endpoint with
        {
            Expect = BindAll(endpoint.Expect, endpoint.Request),
            Cases = endpoint.Cases.Select(c => c with { Expect = BindAll(c.Expect, c.Request) }).ToList(),
        };

        static bool IsLiteral(string value) => !value.Contains('{', StringComparison.Ordinal) && !value.Contains(':', StringComparison.Ordinal);
    }

    /// <summary>
    /// The most specific route whose template matches the path (literal segments beat parameters, as
    /// the services' prepended routes do); failing that, a slash-requiring route the path lacks the slash of.
    /// </summary>
    private (Route Route, IReadOnlyDictionary<string, string> Parameters, bool MissingSlash)? Match(string path)
    {
        foreach (var (candidate, missingSlash) in new[] { (path, false), (path + "/", true) })
        {
            var best = _routes
                .Where(r => !missingSlash || r.Endpoints[0].TrailingSlashRequired)
                .Select(r => (Route: r, Match: r.Pattern.Match(candidate)))
                .Where(m => m.Match.Success)
                .OrderByDescending(m => m.Route.LiteralLength)
                .FirstOrDefault();
            if (best.Route is not null)
            {
                var parameters = best.Route.Pattern.GetGroupNames().Where(n => !int.TryParse(n, out _))
                    .ToDictionary(n => n, n => Uri.UnescapeDataString(best.Match.Groups[n].Value));
                return (best.Route, parameters, missingSlash);
            }
        }

        return null;
    }

    /// <summary>The endpoints sharing one path template, with the template as an anchored regex.</summary>
    private sealed partial class Route
    {
        public Route(IReadOnlyList<Endpoint> endpoints)
        {
            Endpoints = endpoints;
            var template = endpoints[0].Path;
            var pattern = new StringBuilder("^");
            var position = 0;
            foreach (Match parameter in Parameter().Matches(template))
            {
                pattern.Append(Regex.Escape(template[position..parameter.Index]));
                var name = parameter.Groups[1].Value;
                pattern.Append(name == "api_version" ? "(?<api_version>v1|v2)" : $"(?<{name}>[^/]+?)");
                position = parameter.Index + parameter.Length;
            }

            var rest = Regex.Escape(template[position..]);
            // Dashboard routes without a required slash match with or without it.
            pattern.Append(endpoints[0].TrailingSlashRequired ? rest : rest.TrimEnd('/') + "/?");
            Pattern = new Regex(pattern.Append('$').ToString(), RegexOptions.CultureInvariant);
            LiteralLength = Parameter().Replace(template, string.Empty).Length;
        }

        public IReadOnlyList<Endpoint> Endpoints { get; }

        public Regex Pattern { get; }

        public int LiteralLength { get; }

        [GeneratedRegex(@"\{(\w+)\}")]
        private static partial Regex Parameter();
    }
}

/// <summary>What the suite concluded about one recorded interaction.</summary>
internal sealed record RecordedOutcome(ConformanceCase? Case, Verdict? Verdict, string? NotApplicableReason = null)
{
    public const string Pass = "pass";
    public const string Fail = "fail";
    public const string NotApplicableVerdict = "not-applicable";

    public string Name => Verdict is null ? NotApplicableVerdict : Verdict.Passed ? Pass : Fail;

    public IReadOnlyList<string> FailedRequirements =>
        Verdict?.Failures.Select(f => f.Requirement.Id).Distinct().Order(StringComparer.Ordinal).ToList() ?? [];

    public static RecordedOutcome NotApplicable(string reason) => new(null, null, reason);

    public string Describe() => Verdict is null
        ? $"not applicable: {NotApplicableReason}"
        : $"judged as {Case}: {Name}" + (FailedRequirements.Count > 0 ? $" [{string.Join(", ", FailedRequirements)}]" : "") + Environment.NewLine
          + string.Join(Environment.NewLine, Verdict.Results) + Environment.NewLine + Verdict.Exchange?.Describe();
}
