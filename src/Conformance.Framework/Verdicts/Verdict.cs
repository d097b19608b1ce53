using System.Text;

namespace Conformance.Framework.Verdicts;

/// <summary>Why a case did not run: a missing capability or setting (ignored) or a missing precondition (inconclusive).</summary>
public enum NotRunKind
{
    None,
    Ignored,
    Inconclusive,
}

/// <summary>Everything a case found: the exchange and each check's result, or why it did not run.</summary>
public sealed record Verdict
{
    public Exchange? Exchange { get; init; }

    public IReadOnlyList<CheckResult> Results { get; init; } = [];

    public NotRunKind NotRun { get; init; }

    public string? NotRunReason { get; init; }

    public IEnumerable<CheckResult> Failures => Results.Where(r => !r.Passed);

    /// <summary>Known deviations of the target's release that cover every failure: the verdict is then a warning.</summary>
    public IReadOnlyList<Verdicts.KnownDeviation> KnownDeviations { get; init; } = [];

    public bool Passed => NotRun == NotRunKind.None && !Failures.Any();

    public static Verdict Skipped(NotRunKind kind, string reason) => new() { NotRun = kind, NotRunReason = reason };

    /// <summary>The failure message: each failed requirement first, then the whole (redacted) exchange.</summary>
    public string Describe()
    {
        var text = new StringBuilder();
        foreach (var failure in Failures)
        {
            text.AppendLine($"[{failure.Requirement.Id}] {failure.Message}");
            text.AppendLine($"    {failure.Requirement.Shall}");
        }

        if (Exchange is not null)
        {
            text.Append(Exchange.Describe());
        }

        return text.ToString();
    }
}
