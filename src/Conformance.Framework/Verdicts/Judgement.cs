
namespace Conformance.Framework.Verdicts;

/// <summary>Checks an exchange that was already sent and returns the verdict.</summary>
public delegate Task<Verdict> Judgement();

public static class Judgements
{
    /// <summary>A judgement that needs no exchange: the case was not run, for this reason.</summary>
    public static Judgement NotRun(NotRunKind kind, string reason) => Of(Verdict.Skipped(kind, reason));

    /// <summary>A verdict already reached (a walk or a workflow judges as it goes).</summary>
    public static Judgement Of(Verdict verdict) => () => Task.FromResult(verdict);
}
