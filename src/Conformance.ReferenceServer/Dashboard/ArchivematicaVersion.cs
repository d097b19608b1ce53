using System.Globalization;

namespace Conformance.ReferenceServer.Dashboard;

/// <summary>
/// The emulated release, compared numerically on major.minor.patch. Pre-release suffixes
/// ("1.17.0-rc.2") are ignored, so a release candidate behaves like its release.
/// </summary>
internal readonly record struct ArchivematicaVersion(string Text)
{
    public bool AtLeast(string other) => Compare(Parts(Text), Parts(other)) >= 0;

    public bool Below(string other) => !AtLeast(other);

    /// <summary>True for exactly this major.minor.patch (e.g. the 1.15.0-only regressions).</summary>
    public bool Is(string release) => Compare(Parts(Text), Parts(release)) == 0;

    private static int Compare(int[] a, int[] b)
    {
        for (var i = 0; i < 3; i++)
        {
            if (a[i] != b[i])
            {
                return a[i].CompareTo(b[i]);
            }
        }
        return 0;
    }

    private static int[] Parts(string version)
    {
        var core = version.Split('-', '+')[0];
        var parts = new int[3];
        var pieces = core.Split('.');
        for (var i = 0; i < 3 && i < pieces.Length; i++)
        {
            parts[i] = int.TryParse(pieces[i], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
        }
        return parts;
    }
}
