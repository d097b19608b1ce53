using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Conformance.Framework.Workflows;

/// <summary>What one read of an asynchronous operation says: still processing, failed or finished.</summary>
public enum PollState
{
    Processing,
    Failed,
    Finished,
}

/// <summary>One status read of a poll: its state, a description for the report, and what the workflow needs next.</summary>
public sealed record PollResult(PollState State, string Description, JsonNode? Value = null)
{
    public static PollResult Processing(string description) => new(PollState.Processing, description);

    public static PollResult Failed(string description) => new(PollState.Failed, description);

    public static PollResult Finished(string description, JsonNode? value = null) => new(PollState.Finished, description, value);
}

/// <summary>What a poll does when the bound is reached while the operation is still processing.</summary>
public enum OnStillProcessing
{
    /// <summary>Inconclusive: the target may simply be slow (a transfer that takes an hour).</summary>
    Inconclusive,

    /// <summary>A failure of the step: the target acknowledged a change that reads never show.</summary>
    Fail,
}

/// <summary>An answer to one workflow step: the exchange and its JSON body (null when not JSON).</summary>
public sealed record StepAnswer(Exchange Exchange)
{
    private readonly Lazy<JsonNode?> _json = new(() => Parse(Exchange.Body));

    public JsonNode? Json => _json.Value;

    public int Status => Exchange.Status;

    /// <summary>A string field of the JSON body by dotted path ("meta.total_count", "objects[0].uuid"), or null.</summary>
    public string? Text(string path) => JsonPathLite.Select(Json, path) switch
    {
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonValue v => v.ToJsonString(),
        _ => null,
    };

    public JsonArray Array(string path) => JsonPathLite.Select(Json, path) as JsonArray ?? [];

    private static JsonNode? Parse(string body)
    {
        try
        {
            return body.Length == 0 ? null : JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary>
/// One run of a stateful workflow against the session's target: named steps, each an exchange
/// checked the way the suite checks catalogue cases (status, Content-Type, body kind, schema,
/// headers) plus the step's own effect on state; bounded polls of asynchronous operations that end
/// as finished, failed (a failure) or still processing (inconclusive, never a bare timeout).
/// The first failed step stops the run; the verdict names it.
/// </summary>
public sealed class WorkflowRun
{
    private readonly ConformanceSession _session;
    private readonly string _testName;
    private readonly CancellationToken _cancellationToken;
    private readonly List<CheckResult> _results = [];
    private readonly List<string> _notes = [];
    private Exchange? _last;
    private int _stepNumber;
    private string _stepName = "";

    private WorkflowRun(ConformanceSession session, string testName, CancellationToken cancellationToken)
    {
        _session = session;
        _testName = testName;
        _cancellationToken = cancellationToken;
    }

    public ConformanceSession Session => _session;

    public TargetSettings Settings => _session.Settings;

    /// <summary>Things worth knowing that are not checks (a step left out because a service is not configured).</summary>
    public IReadOnlyList<string> Notes => _notes;

    /// <summary>A name unique to this run, for what the workflow creates ("cf01231530ab-lifecycle-3").</summary>
    public string Unique(string what) => _session.Run.Unique(what);

    public string? Version(ServiceKind kind) => _session.Version(kind);

    public bool Has(ServiceKind kind) => _session.Client(kind) is not null;

    /// <summary>A placeholder's value on this target ({pipeline-uuid}, {transfer-source-location}, ...), or null.</summary>
    public string? Placeholder(string name) => _session.Placeholder(name);

    /// <summary>Runs a workflow's steps; the gates are the <see cref="Executor"/>'s (see <see cref="WorkflowDefinition.PrepareAsync"/>).</summary>
    internal static async Task<Verdict> RunStepsAsync(ConformanceSession session, WorkflowDefinition workflow, string testName, CancellationToken cancellationToken)
    {
        var run = new WorkflowRun(session, testName, cancellationToken);
        Verdict verdict;
        try
        {
            await workflow.Body(run);
            verdict = new Verdict { Exchange = run._last, Results = run._results.ToList() };
        }
        catch (StepFailedException)
        {
            verdict = new Verdict { Exchange = run._last, Results = run._results.ToList() };
        }
        catch (StepInconclusiveException e)
        {
            return Verdict.Skipped(NotRunKind.Inconclusive, $"workflow {workflow.Name} could not be completed: {e.Message}{run.StepsSoFar()}");
        }
        catch (UnresolvableException e)
        {
            return Verdict.Skipped(NotRunKind.Inconclusive, $"workflow {workflow.Name}, {run.StepLabel}: {e.Message}{run.StepsSoFar()}");
        }

        foreach (var note in run._notes)
        {
            NUnit.Framework.TestContext.Out.WriteLine("NOTE: " + note);
        }

        var service = workflow.Services[0];
        return verdict with { KnownDeviations = session.KnownDeviations.Covering(workflow.CaseName, service, session.Version(service), verdict) };
    }

    /// <summary>Starts a named step; its checks are reported as "step N (name): ...".</summary>
    public void Step(string name)
    {
        _stepNumber++;
        _stepName = name;
    }

    public void Note(string note) => _notes.Add($"{StepLabel}: {note}");

    /// <summary>
    /// Sends one request of the catalogue endpoint (values expanded as in the catalogue) with header
    /// credentials and checks the answer against <paramref name="expect"/>: the endpoint's success
    /// expectation for this version unless a variant name or an expectation is given.
    /// </summary>
    public async Task<StepAnswer> CallAsync(string endpointId, RequestTemplate request, string? apiVersion = null, Expectation? expect = null, string? variant = null, bool quiet = false)
    {
        var answer = await SendAsync(endpointId, request, apiVersion);
        await VerifyAsync(answer, endpointId, expect, variant, quiet);
        return answer;
    }

    /// <summary>Checks an answer as the suite checks catalogue cases; a failed check stops the workflow. Quiet: only failures are recorded (polls).</summary>
    public async Task VerifyAsync(StepAnswer answer, string endpointId, Expectation? expect = null, string? variant = null, bool quiet = false)
    {
        var endpoint = _session.Catalogue[endpointId];
        var expectation = expect ?? (variant is null ? Expected(endpointId) : Variant(endpointId, variant));
        var contract = _session.Catalogue.Services[endpoint.Service];
        var successHeaders = expectation.Status is >= 200 and < 300 ? contract.SuccessHeaders : null;
        var results = await CaseVerifier.VerifyAsync(answer.Exchange, expectation, Requirement.Status, _session.Schemas, successHeaders);
        foreach (var result in results.Where(r => !quiet || !r.Passed))
        {
            Record(result with { Message = $"{Describe(answer.Exchange)}: {result.Message}" });
        }

        if (results.Any(r => !r.Passed))
        {
            throw new StepFailedException();
        }
    }

    /// <summary>The endpoint's success expectation for the target's release.</summary>
    public Expectation Expected(string endpointId)
    {
        var endpoint = _session.Catalogue[endpointId];
        return CaseVerifier.Select(endpoint.Expect, endpoint.Service, _session.Version(endpoint.Service));
    }

    /// <summary>The expectation of one of the endpoint's catalogue cases ("unknown-uuid") for the target's release.</summary>
    public Expectation Variant(string endpointId, string name)
    {
        var endpoint = _session.Catalogue[endpointId];
        return CaseVerifier.Select(endpoint.Cases.Single(c => c.Name == name).Expect, endpoint.Service, _session.Version(endpoint.Service));
    }

    /// <summary>Sends one request of the catalogue endpoint and returns the answer unchecked (the caller judges it).</summary>
    public async Task<StepAnswer> SendAsync(string endpointId, RequestTemplate request, string? apiVersion = null)
    {
        var endpoint = _session.Catalogue[endpointId];
        var client = _session.Client(endpoint.Service) ?? throw new UnresolvableException(Gates.NotConfiguredReason(endpoint.Service));
        var plan = await _session.Expander.ExpandAsync(endpoint, request, endpoint.Path.Contains("{api_version}", StringComparison.Ordinal) ? apiVersion ?? "v2" : null, forProbe: false, _cancellationToken);
        var exchange = await client.SendAsync(plan, AuthMode.Header, _testName, _cancellationToken);
        await _session.AfterWriteAsync(_testName, endpoint, endpoint.Tier, exchange, _cancellationToken);
        _last = exchange;
        if (exchange.TransportError is not null)
        {
            Record(AnswerArrived.Check(exchange) with { Message = $"{Describe(exchange)}: no response: {exchange.TransportError}" });
            throw new StepFailedException();
        }

        return new StepAnswer(exchange);
    }

    /// <summary>Records a check of the step's effect (FLOW-01, <see cref="WorkflowEffect"/>); a failed one stops the workflow.</summary>
    public void Check(bool condition, string passed, string failed) => Check(WorkflowEffect.Check(condition, passed, failed));

    /// <summary>Records the result of a check on the step's answers; a failed one stops the workflow.</summary>
    public void Check(CheckResult result)
    {
        Record(result);
        if (!result.Passed)
        {
            throw new StepFailedException();
        }
    }

    /// <summary>Stops the workflow as inconclusive: a precondition this target cannot offer.</summary>
    public static Exception Inconclusive(string reason) => new StepInconclusiveException(reason);

    /// <summary>Stops the workflow as inconclusive, naming the current step.</summary>
    public Exception InconclusiveHere(string reason) => new StepInconclusiveException($"{StepLabel}: {reason}");

    /// <summary>
    /// Reads an operation's status until it finishes, fails, or the bound (PollAttempts reads,
    /// PollTimeoutSeconds) is reached, pausing PollInterval between reads and nowhere else.
    /// </summary>
    public async Task<PollResult> PollAsync(Func<int, Task<PollResult>> read, OnStillProcessing onStillProcessing = OnStillProcessing.Inconclusive)
    {
        var settings = _session.Settings;
        var stopwatch = Stopwatch.StartNew();
        var seen = new List<string>();
        PollResult result = PollResult.Processing("not read yet");
        var attempts = 0;
        while (attempts < settings.PollAttempts)
        {
            attempts++;
            result = await read(attempts);
            if (seen.Count == 0 || seen[^1] != result.Description)
            {
                seen.Add(result.Description);
            }

            if (result.State != PollState.Processing)
            {
                break;
            }

            if (stopwatch.Elapsed + settings.PollInterval > settings.PollTimeout || attempts >= settings.PollAttempts)
            {
                break;
            }

            await Task.Delay(settings.PollInterval, _cancellationToken);
        }

        var history = $"{attempts} status read{(attempts == 1 ? "" : "s")} in {stopwatch.Elapsed.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture)} s: {string.Join(" → ", seen)}";
        if (WorkflowFinishes.Check(result.State, history) is { } finished)
        {
            Check(finished);
            return result;
        }

        var bound = $"bounds: {Configuration.Settings.PollAttempts.Name}={settings.PollAttempts}, {Configuration.Settings.PollTimeoutSeconds.Name}={settings.PollTimeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)}";
        if (onStillProcessing == OnStillProcessing.Fail)
        {
            Check(WorkflowEffect.NeverVisible(history, bound));
        }

        throw new StepInconclusiveException($"{StepLabel}: STILL PROCESSING (not failed, not finished) after {history} ({bound}; raise them for a slow target)");
    }

    private string StepLabel => _stepNumber == 0 ? "before the first step" : $"step {_stepNumber.ToString(CultureInfo.InvariantCulture)} ({_stepName})";

    private static string Describe(Exchange exchange)
    {
        var url = exchange.Url;
        var path = Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.PathAndQuery : url;
        return $"{exchange.Method} {path}";
    }

    private void Record(CheckResult result)
    {
        var message = result.Message.StartsWith(StepLabel, StringComparison.Ordinal) ? result.Message : $"{StepLabel}: {result.Message}";
        _results.Add(result with { Message = message });
    }

    private string StepsSoFar() =>
        _results.Count == 0 ? "" : $" (after {_results.Count(r => r.Passed)} passed checks; last: {_results[^1].Message})";

    private sealed class StepFailedException : Exception
    {
        public StepFailedException()
            : base("a workflow step failed")
        {
        }
    }

    private sealed class StepInconclusiveException(string message) : Exception(message);
}
