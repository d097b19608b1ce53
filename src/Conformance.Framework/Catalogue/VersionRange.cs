namespace Conformance.Framework.Catalogue;

/// <summary>
/// A space-separated list of comparisons such as "&gt;=1.13 &lt;1.15". Missing version parts count
/// as zero; pre-release suffixes ("1.17.0-rc.2") are ignored.
/// </summary>
public sealed class VersionRange
{
    private readonly IReadOnlyList<(string Operator, Version Bound)> _conditions;

    private VersionRange(string text, IReadOnlyList<(string, Version)> conditions)
    {
        Text = text;
        _conditions = conditions;
    }

    public string Text { get; }

    public static VersionRange Parse(string text)
    {
        var conditions = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(part =>
        {
            var op = new string(part.TakeWhile(c => c is '<' or '>' or '=').ToArray());
            if (op is not ("<" or "<=" or ">" or ">=" or "=" or ""))
            {
                throw new FormatException($"Bad version comparison '{part}' in '{text}'.");
            }

            return (op.Length == 0 ? "=" : op, ParseVersion(part[op.Length..]));
        }).ToList();
        return new VersionRange(text, conditions);
    }

    public bool Contains(string version) => Contains(ParseVersion(version));

    public bool Contains(Version version) => _conditions.All(c =>
    {
        var comparison = version.CompareTo(c.Bound);
        return c.Operator switch
        {
            "<" => comparison < 0,
            "<=" => comparison <= 0,
            ">" => comparison > 0,
            ">=" => comparison >= 0,
            _ => comparison == 0,
        };
    });

    /// <summary>"1.13.2", "v1.17.0-rc.2", "0.19" → a Version with three parts.</summary>
    public static Version ParseVersion(string text)
    {
        var core = text.Trim().TrimStart('v', 'V').Split('-', '+')[0];
        var parts = core.Split('.').Select(p => int.TryParse(p, out var n) ? n : throw new FormatException($"Bad version '{text}'.")).ToList();
        while (parts.Count < 3)
        {
            parts.Add(0);
        }

        return new Version(parts[0], parts[1], parts[2]);
    }

    public override string ToString() => Text;
}
