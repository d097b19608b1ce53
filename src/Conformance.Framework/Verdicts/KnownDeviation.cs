using System.Text.RegularExpressions;

namespace Conformance.Framework.Verdicts;

/// <summary>
/// A known failure of a real product release: which case (a glob over case names such as
/// "am.transfer.unapproved, *"), which requirement it breaks, why, and where it is tracked.
/// </summary>
public sealed record KnownDeviation(string Service, VersionRange Versions, string Case, string Requirement, string Reason, string Link, string Source)
{
    private readonly Regex _case = new("^" + Regex.Escape(Case).Replace("\\*", ".*", StringComparison.Ordinal) + "$");

    public bool Covers(string caseName, string requirementId) => requirementId == Requirement && Names(caseName);

    /// <summary>Whether the entry is about this case at all, whatever it failed.</summary>
    public bool Names(string caseName) => _case.IsMatch(caseName);

    public override string ToString() => $"{Case} [{Requirement}] on {Service} {Versions}: {Reason} ({Link})";
}
