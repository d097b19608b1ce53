using System.Security.Cryptography;
using System.Text;

namespace Conformance.Framework.Reports;

/// <summary>A result ready to be written: the result file's content and the attachment files it refers to.</summary>
public sealed record AllureOutput(AllureResult Result, IReadOnlyList<(string Source, string Content)> Files);

/// <summary>
/// Turns one finished test into an Allure result: labels for the report's tree (epic = service,
/// feature = resource, story = auth mode or kind of check), one step per check, and the exchange as
/// attachments (curl line, response, schema errors). Every text goes through <see cref="Redactor"/>.
/// </summary>
public static class AllureResultBuilder
{
    /// <summary>Attachments and bodies are cut at this many characters; the cut is said in the attachment.</summary>
    public const int MaxAttachmentCharacters = 64 * 1024;

    public const string RequirementLabel = "requirement";

    public static AllureOutput Build(TestFacts facts)
    {
        var uuid = UuidOf(facts.FullName);
        var files = new List<(string Source, string Content)>();
        var attachments = new List<AllureAttachment>();

        void Attach(string name, string content, string mediaType = "text/plain", string extension = "txt")
        {
            var source = $"{Guid.NewGuid()}-attachment.{extension}";
            files.Add((source, Bound(Redactor.Redact(content))));
            attachments.Add(new AllureAttachment(name, source, mediaType));
        }

        var testCase = facts.Arguments.OfType<ConformanceCase>().FirstOrDefault();
        var verdict = facts.Verdict;
        var exchange = verdict?.Exchange;
        if (exchange is not null)
        {
            Attach("Request (curl)", exchange.ToCurl() + "\n");
            Attach("Response", DescribeResponse(exchange));
        }

        var schemaFailure = verdict?.Failures.FirstOrDefault(f => f.Requirement == Requirement.Schema);
        if (schemaFailure is not null)
        {
            Attach("Schema errors", SchemaErrors(schemaFailure.Message));
        }

        if (facts.Status is ReportStatus.Failed or ReportStatus.Broken && verdict is not null && verdict.Failures.Any())
        {
            Attach("Failure", verdict.Describe());
        }

        if (!string.IsNullOrWhiteSpace(facts.Output) && !OnlyRepeatsTheSteps(facts.Output, verdict))
        {
            Attach("Test output", facts.Output);
        }

        var start = facts.Start.ToUnixTimeMilliseconds();
        var stop = Math.Max(start, facts.Stop.ToUnixTimeMilliseconds());
        var result = new AllureResult
        {
            Uuid = uuid,
            HistoryId = HistoryIdOf(facts.FullName),
            TestCaseId = StableId(facts.FullName),
            Name = Redactor.Redact(facts.Name),
            FullName = Redactor.Redact(facts.FullName),
            Description = Description(testCase, exchange) is { } description ? Redactor.Redact(description) : null,
            Status = facts.Status.ToString().ToLowerInvariant(),
            StatusDetails = StatusDetails(facts),
            Start = start,
            Stop = stop,
            Labels = Labels(facts, testCase, verdict).Select(l => l with { Value = Redactor.Redact(l.Value) }).ToList(),
            Parameters = Parameters(testCase, exchange).Select(p => p with { Value = Redactor.Redact(p.Value) }).ToList(),
            Steps = (verdict?.Results ?? []).Select(r => Step(r, start, stop)).ToList(),
            Attachments = attachments,
        };
        return new AllureOutput(result, files);
    }

    // A passing case prints its check lines, which are the steps already: one file less per test, thousands per run.
    private static bool OnlyRepeatsTheSteps(string output, Verdict? verdict) =>
        verdict is { Results.Count: > 0 } && output.ReplaceLineEndings("\n").Trim() == string.Join("\n", verdict.Results).ReplaceLineEndings("\n").Trim();

    /// <summary>Maps an NUnit-style outcome: failures of the test itself are failed, errors and set-up failures broken, the rest skipped.</summary>
    public static ReportStatus StatusOf(string status, string? label, string? site) => status switch
    {
        "Passed" => ReportStatus.Passed,
        "Failed" when string.IsNullOrEmpty(label) && site is null or "Test" => ReportStatus.Failed,
        "Failed" => ReportStatus.Broken,
        _ => ReportStatus.Skipped, // Skipped (ignored), Inconclusive, Warning: never passed
    };

    private static AllureStatusDetails? StatusDetails(TestFacts facts)
    {
        var message = facts.Message;
        if (string.IsNullOrWhiteSpace(message) && facts.Verdict is { NotRun: not NotRunKind.None } notRun)
        {
            message = notRun.NotRunReason;
        }

        if (string.IsNullOrWhiteSpace(message) && string.IsNullOrWhiteSpace(facts.StackTrace))
        {
            return null;
        }

        var known = message?.Contains(AllureCategories.KnownDeviationMarker, StringComparison.Ordinal) == true;
        return new AllureStatusDetails(Bound(Redactor.Redact(message)), string.IsNullOrWhiteSpace(facts.StackTrace) ? null : Bound(Redactor.Redact(facts.StackTrace))) { Known = known };
    }

    private static IEnumerable<AllureLabel> Labels(TestFacts facts, ConformanceCase? c, Verdict? verdict)
    {
        string epic, feature, story, subSuite, severity;
        string? tier;
        if (c is not null)
        {
            epic = c.Endpoint.Service.DisplayName();
            feature = c.Endpoint.Resource;
            story = Story(c);
            subSuite = c.ApiVersion is null ? c.Endpoint.Id : $"{c.Endpoint.Id}@{c.ApiVersion}";
            severity = c.Kind switch
            {
                CaseKind.Auth => "critical",
                CaseKind.Variant => "normal",
                _ => "minor",
            };
            tier = c.Tier.Name();
        }
        else
        {
            // Tests outside the catalogue (the preflight): grouped by their categories and class.
            var service = facts.Categories.FirstOrDefault(k => k is Categories.Archivematica or Categories.Storage);
            epic = service is null ? "Run" : ServiceKindNames.Parse(service).DisplayName();
            feature = facts.Categories.FirstOrDefault(k => k.StartsWith("resource-", StringComparison.Ordinal))?["resource-".Length..]
                ?? facts.Categories.FirstOrDefault() ?? facts.ClassName?.Split('.')[^1] ?? "other";
            story = facts.Categories.FirstOrDefault(k => k.StartsWith("auth-", StringComparison.Ordinal) && k != Categories.AuthMatrix)?["auth-".Length..]
                ?? facts.MethodName ?? facts.Name;
            subSuite = facts.MethodName ?? facts.Name;
            severity = facts.Categories.Contains("preflight") ? "blocker" : "normal";
            tier = facts.Categories.FirstOrDefault(k => k is Categories.ReadOnly or Categories.Mutating or Categories.Destructive);
        }

        yield return new("epic", epic);
        yield return new("feature", feature);
        yield return new("story", story);
        yield return new("parentSuite", epic);
        yield return new("suite", feature);
        yield return new("subSuite", subSuite);
        yield return new("severity", severity);
        if (tier is not null)
        {
            yield return new("tag", tier);
        }

        foreach (var id in (verdict?.Failures ?? []).Select(f => f.Requirement.Id).Distinct())
        {
            yield return new(RequirementLabel, id);
        }

        if (facts.ClassName is not null)
        {
            var dot = facts.ClassName.LastIndexOf('.');
            yield return new("package", dot < 0 ? facts.ClassName : facts.ClassName[..dot]);
            yield return new("testClass", facts.ClassName);
        }

        if (facts.MethodName is not null)
        {
            yield return new("testMethod", facts.MethodName);
        }

        yield return new("framework", "nunit");
        yield return new("language", "csharp");
        yield return new("host", Environment.MachineName);
        if (facts.Thread is not null)
        {
            yield return new("thread", facts.Thread);
        }
    }

    /// <summary>The auth mode for auth-matrix cases, the kind of check for the others.</summary>
    public static string Story(ConformanceCase c) => c.Kind switch
    {
        CaseKind.Auth => $"auth mode {c.Mode}",
        CaseKind.Variant => "error cases",
        CaseKind.WrongMethod => "method not allowed",
        CaseKind.MissingSlash => "trailing slash",
        _ => c.Kind.ToString(),
    };

    private static IEnumerable<AllureParameter> Parameters(ConformanceCase? c, Exchange? exchange) =>
        CaseParameters(c, exchange).Concat(DiscoveredParameters(exchange));

    /// <summary>"discovered" (then "discovered 2", ...): "am.transfer.unapproved:results[0].uuid -> &lt;uuid&gt;", what the request was sent with and where it was found.</summary>
    public static IEnumerable<AllureParameter> DiscoveredParameters(Exchange? exchange) =>
        (exchange?.Discovered ?? []).Select((found, i) => new AllureParameter(i == 0 ? "discovered" : $"discovered {i + 1}", found.ToString()) { Excluded = true });

    private static IEnumerable<AllureParameter> CaseParameters(ConformanceCase? c, Exchange? exchange)
    {
        if (c is null)
        {
            yield break;
        }

        yield return new("endpoint", c.Endpoint.Id);
        yield return new("auth mode", c.Mode.ToString());
        yield return new("request", $"{c.SentMethod} {c.Endpoint.Path}");
        if (c.ApiVersion is not null)
        {
            yield return new("API version", c.ApiVersion);
        }

        if (c.Variant is not null)
        {
            yield return new("case", c.Variant.Name);
        }

        if (exchange is not null)
        {
            yield return new("URL", exchange.Url);
        }
    }

    private static string? Description(ConformanceCase? c, Exchange? exchange)
    {
        if (c is null)
        {
            return null;
        }

        var text = new StringBuilder();
        text.Append($"`{c.SentMethod} {c.Endpoint.Path}` of the {c.Endpoint.Service.DisplayName()}, resource `{c.Endpoint.Resource}`, {c.Tier.Name()}. ");
        text.Append(c.Kind switch
        {
            CaseKind.Auth => $"The endpoint's valid request under auth mode **{c.Mode}**: {AuthModeMeaning(c.Mode)}",
            CaseKind.Variant => $"Error case **{c.Variant!.Name}**, sent with valid credentials.",
            CaseKind.WrongMethod => $"**{c.SentMethod}** is not allowed on this route: sent without credentials, it must get 405 before authentication.",
            CaseKind.MissingSlash => "The path without its required trailing slash must be redirected (301) to the slash URL.",
            _ => string.Empty,
        });
        if (exchange is not null)
        {
            text.Append($"\n\nSent: `{exchange.Method} {exchange.Url}`");
        }

        return text.ToString();
    }

    // Said in words: text shaped like a credential ("ApiKey user:key") would be masked in the report.
    private static string AuthModeMeaning(AuthMode mode) => mode switch
    {
        AuthMode.Header => "the user and key in an ApiKey Authorization header; must be accepted.",
        AuthMode.Query => "the user and key as username and api_key query parameters; must be accepted.",
        AuthMode.BadKeyHeader => "an ApiKey Authorization header with a wrong key; must be rejected.",
        AuthMode.BadKeyQuery => "query parameters with a wrong api_key; must be rejected.",
        AuthMode.NoCredentials => "no credentials at all; must be rejected.",
        AuthMode.UnknownUser => "an ApiKey Authorization header naming an unknown user; must be rejected.",
        AuthMode.HeaderWithoutColon => "an ApiKey Authorization header without the colon between user and key, plus valid query parameters; must be rejected (no fallback).",
        AuthMode.BearerScheme => "the key as a Bearer token, a foreign scheme; must be rejected.",
        AuthMode.HeaderOverBadQuery => "a valid ApiKey Authorization header and a wrong api_key query parameter; the header wins, so it must be accepted.",
        AuthMode.BadHeaderOverQuery => "an ApiKey Authorization header with a wrong key and valid query parameters; the header wins, so it must be rejected.",
        AuthMode.Basic => "HTTP Basic with the user's password; the Storage Service accepts it, the dashboard must reject it.",
        _ => $"see AuthMode.{mode} in the suite's source.",
    };

    private static AllureStep Step(CheckResult check, long start, long stop) => new()
    {
        Name = Redactor.Redact($"[{check.Requirement.Id}] {check.Message}"),
        Status = check.Passed ? "passed" : "failed",
        StatusDetails = new AllureStatusDetails(check.Requirement.Shall, null),
        Start = start,
        Stop = stop,
    };

    /// <summary>Status line, every response header, then the body, as an HTTP message reads.</summary>
    public static string DescribeResponse(Exchange x)
    {
        var text = new StringBuilder();
        text.AppendLine($"{x.Method} {x.Url}  [{x.Service}, auth mode {x.AuthMode}]");
        text.AppendLine();
        if (x.TransportError is not null)
        {
            text.AppendLine($"No response: {x.TransportError} (after {x.Elapsed.TotalMilliseconds:F0} ms)");
            return text.ToString();
        }

        text.AppendLine($"HTTP {x.Status} {x.Reason}  ({x.Elapsed.TotalMilliseconds:F0} ms)");
        foreach (var (name, value) in x.ResponseHeaders)
        {
            text.AppendLine($"{name}: {value}");
        }

        text.AppendLine();
        text.Append(x.Body.Length == 0 ? "(empty body)" : x.Body);
        return text.ToString();
    }

    // "body does not match <schema>: kind at path (detail); kind at path; and N more" -> one error a line.
    private static string SchemaErrors(string message)
    {
        var colon = message.IndexOf(": ", StringComparison.Ordinal);
        if (colon < 0)
        {
            return message;
        }

        var errors = message[(colon + 2)..].Split("; ", StringSplitOptions.RemoveEmptyEntries);
        return message[..colon] + ":\n" + string.Join('\n', errors.Select(e => "  - " + e)) + "\n";
    }

    private static string Bound(string text) => text.Length <= MaxAttachmentCharacters
        ? text
        : text[..MaxAttachmentCharacters] + $"\n... (cut: {text.Length} characters in all, the report keeps the first {MaxAttachmentCharacters})";

    /// <summary>The result's historyId: the same for a test in every run, so the conformance statement can name it.</summary>
    public static string HistoryIdOf(string fullName) => StableId(fullName);

    private static readonly byte[] RunSalt = RandomNumberGenerator.GetBytes(16);

    /// <summary>
    /// The result's uuid: a hash of the test's full name (unique in a run) with a salt drawn once per
    /// process (so two runs never share one), known before the result is written: the conformance
    /// statement links each test to its result in the report by it (<see cref="Statement.StatementBuilder.LinkTo"/>).
    /// </summary>
    public static string UuidOf(string fullName)
    {
        var bytes = SHA256.HashData([.. RunSalt, .. Encoding.UTF8.GetBytes(fullName)])[..16];
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40); // version 4 (random-looking), as Guid.NewGuid() gives
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC 4122 variant
        return new Guid(bytes).ToString();
    }

    // Allure wants a stable id per test across runs; any hash of the full name serves.
    private static string StableId(string text) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..32].ToLowerInvariant();
}
