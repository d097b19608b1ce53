namespace Conformance.Compare;

/// <summary>
/// `dotnet run --project tools/Conformance.Compare -- [--only-exercised-by-both] EARLIER LATER`: writes what differs
/// between two conformance statements (a file, or a folder standing for the newest statement in it). Exit 0: the later run is not worse; 1: it is (a case went from
/// passed or known deviation to failed, or coverage fell); 2: bad input. An answer is compared by its
/// status, media type and body shape, as the statements record them (values masked, never bodies).
/// </summary>
public static class CompareCommand
{
    public const int NotWorse = 0;
    public const int Worse = 1;
    public const int BadInput = 2;

    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter errors)
    {
        var common = args.Contains(CommonScope.Option);
        var files = args.Where(a => a != CommonScope.Option).ToList();
        if (files.Count != 2 || files.Any(f => f.StartsWith("--", StringComparison.Ordinal)))
        {
            errors.WriteLine($"usage: Conformance.Compare [{CommonScope.Option}] EARLIER LATER  (two conformance statements, TestResults/conformance-statement-<run id>.json, or folders: the newest statement in each)");
            return BadInput;
        }

        StatementFile before, after;
        try
        {
            before = StatementFile.Load(files[0]);
            after = StatementFile.Load(files[1]);
        }
        catch (InvalidDataException e)
        {
            errors.WriteLine(e.Message);
            return BadInput;
        }

        WriteRuns(output, before, after);
        if (common)
        {
            (before, after, var summary) = CommonScope.Of(before, after);
            output.WriteLine(summary);
        }

        var difference = StatementDifference.Between(before, after);
        Write(output, before, after, difference);
        return difference.LaterIsWorse ? Worse : NotWorse;
    }

    private static void WriteRuns(TextWriter o, StatementFile before, StatementFile after)
    {
        o.WriteLine($"Earlier: run {before.RunId} of {before.Date}: {before.Verdict}; {before.Exercised} of {before.Applicable} matrix cells exercised");
        o.WriteLine($"Later:   run {after.RunId} of {after.Date}: {after.Verdict}; {after.Exercised} of {after.Applicable} matrix cells exercised");
    }

    private static void Write(TextWriter o, StatementFile before, StatementFile after, StatementDifference d)
    {
        if (d.IsEmpty)
        {
            o.WriteLine("No difference.");
            return;
        }

        Section(o, "Cases whose outcome changed", d.OutcomeChanged.Select(c => $"{c.Before!.Case}: {c.Before.Outcome} -> {c.After!.Outcome}{Answer(c)}{(c.IsRegression ? "  (worse)" : string.Empty)}  [{c.Test}]"));
        Section(o, "Cases whose answer changed: status, media type or body shape (same outcome)", d.AnswerChanged.Select(c => $"{c.Before!.Case}:{Answer(c)}  [{c.Test}]"));
        Section(o, "Cases only in the later run", d.CasesAdded);
        Section(o, "Cases only in the earlier run", d.CasesRemoved);
        Section(o, "Endpoints that appeared", d.EndpointsAppeared);
        Section(o, "Endpoints that disappeared", d.EndpointsDisappeared);
        Section(o, "Known deviations that started matching", d.DeviationsStarted);
        Section(o, "Known deviations that stopped matching", d.DeviationsStopped);
        if (d.CoverageFell)
        {
            o.WriteLine($"Coverage fell: {before.Exercised}/{before.Applicable} -> {after.Exercised}/{after.Applicable}");
        }

        o.WriteLine(d.LaterIsWorse ? "The later run is worse." : "The later run is not worse.");
    }

    private static string Answer(CaseChange c) => c.Before!.SameAnswer(c.After!) ? string.Empty : $" (answer {c.Before.Answer} -> {c.After!.Answer})";

    private static void Section(TextWriter o, string title, IEnumerable<string> lines)
    {
        var list = lines.ToList();
        if (list.Count == 0)
        {
            return;
        }

        o.WriteLine($"{title} ({list.Count}):");
        foreach (var line in list)
        {
            o.WriteLine("  " + line);
        }
    }
}
