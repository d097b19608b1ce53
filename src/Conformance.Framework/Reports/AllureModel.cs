using System.Text.Json.Serialization;

namespace Conformance.Framework.Reports;

// The Allure 2 results format (https://allurereport.org/docs/how-it-works-test-result-file/), as much
// of it as the suite writes. Allure 2 and Allure 3 both read it. Property names are camelCase on disk.

/// <summary>One test's <c>&lt;uuid&gt;-result.json</c>.</summary>
public sealed record AllureResult
{
    public required string Uuid { get; init; }

    public required string HistoryId { get; init; }

    public required string TestCaseId { get; init; }

    public required string Name { get; init; }

    public required string FullName { get; init; }

    public string? Description { get; init; }

    /// <summary>passed, failed, broken or skipped.</summary>
    public required string Status { get; init; }

    public AllureStatusDetails? StatusDetails { get; init; }

    public string Stage { get; init; } = "finished";

    public long Start { get; init; }

    public long Stop { get; init; }

    public IReadOnlyList<AllureLabel> Labels { get; init; } = [];

    public IReadOnlyList<AllureParameter> Parameters { get; init; } = [];

    public IReadOnlyList<AllureLink> Links { get; init; } = [];

    public IReadOnlyList<AllureStep> Steps { get; init; } = [];

    public IReadOnlyList<AllureAttachment> Attachments { get; init; } = [];
}

public sealed record AllureStatusDetails(string? Message, string? Trace)
{
    public bool Known { get; init; }
}

public sealed record AllureLabel(string Name, string Value);

public sealed record AllureParameter(string Name, string Value)
{
    /// <summary>Left out of the history id Allure 3 computes from the parameters: true for a value that changes from run to run (a discovered UUID).</summary>
    public bool? Excluded { get; init; }
}

public sealed record AllureLink(string Name, string Url, string Type);

public sealed record AllureStep
{
    public required string Name { get; init; }

    public required string Status { get; init; }

    public AllureStatusDetails? StatusDetails { get; init; }

    public string Stage { get; init; } = "finished";

    public long Start { get; init; }

    public long Stop { get; init; }

    public IReadOnlyList<AllureStep> Steps { get; init; } = [];

    public IReadOnlyList<AllureAttachment> Attachments { get; init; } = [];

    public IReadOnlyList<AllureParameter> Parameters { get; init; } = [];
}

/// <summary>A reference from a result to an attachment file in the same folder.</summary>
public sealed record AllureAttachment(string Name, string Source, string Type);

/// <summary>One entry of <c>categories.json</c>: failures whose message matches go under this name.</summary>
public sealed record AllureCategory(string Name, string Description, IReadOnlyList<string> MatchedStatuses, string MessageRegex);

/// <summary><c>executor.json</c>: who ran the tests (a CI build or a person's machine).</summary>
public sealed record AllureExecutor
{
    public required string Name { get; init; }

    public required string Type { get; init; }

    public string? Url { get; init; }

    public string? BuildName { get; init; }

    public string? BuildUrl { get; init; }

    public string? ReportName { get; init; }
}

/// <summary>
/// <c>&lt;uuid&gt;-globals.json</c>: attachments and errors of the whole run, not of one test. Allure 3
/// reads it (its report lists them as global attachments); Allure 2 ignores the file.
/// </summary>
public sealed record AllureGlobals(IReadOnlyList<AllureGlobalAttachment> Attachments, IReadOnlyList<AllureStatusDetails> Errors);

/// <param name="Timestamp">When it was attached, milliseconds since the epoch.</param>
public sealed record AllureGlobalAttachment(string Name, string Source, string Type, long Timestamp);

/// <summary>An attachment before it is written: its title, MIME type, file extension and content.</summary>
public sealed record PendingAttachment(string Name, string MediaType, string Extension, string Content);

internal static class AllureJson
{
    public static System.Text.Json.JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
