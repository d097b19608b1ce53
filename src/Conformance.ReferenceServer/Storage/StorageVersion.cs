using System.Globalization;

namespace Conformance.ReferenceServer.Storage;

/// <summary>
/// The emulated Storage Service release and the behaviour rows of version-differences.md that depend
/// on it. Versions compare numerically; a pre-release ("0.23.0-rc.2") sorts before its release.
/// </summary>
internal sealed class StorageVersion(string version)
{
    public string Value { get; } = version;

    /// <summary>S3: spaces expose (and filter on) staging_path from 0.20.0.</summary>
    public bool HasStagingPath => AtLeast("0.20.0");

    /// <summary>S4: packages expose (and filter on) stored_date from 0.20.0.</summary>
    public bool HasStoredDate => AtLeast("0.20.0");

    /// <summary>
    /// tastypie serializes XML only when lxml and defusedxml both import; 0.19 pinned defusedxml, 0.20 and
    /// later do not (requirements), so there ?format=xml and Accept: application/xml are answered in JSON.
    /// </summary>
    public bool OffersXml => !AtLeast("0.20.0");

    /// <summary>
    /// From 0.20.0 storing an AIP or AIC checksums it whether it is a file or not: a directory's checksum is
    /// that of its BagIt tag manifest, so a directory without one is a TypeError after the move (0.19 only
    /// checksummed compressed AIPs).
    /// </summary>
    public bool ChecksumsAipDirectories => AtLeast("0.20.0");

    /// <summary>S1/S2: Django UUIDField (0.21.0): a malformed UUID is a 400 ValidationError instead of "not found".</summary>
    public bool ValidatesUuids => AtLeast("0.21.0");

    /// <summary>S3: before Django 3 (SS 0.21.0) model_to_dict(fields=[]) leaks every protocol-model field ("id", "space").</summary>
    public bool LeaksProtocolModelFields => !AtLeast("0.21.0");

    /// <summary>S5: a hydrate_uuid hook makes the body uuid of file POST/PUT mandatory from 0.21.0.</summary>
    public bool RequiresBodyUuid => AtLeast("0.21.0");

    /// <summary>S10: the SWORD service-document route is anchored from 0.21.0 (before, any prefix matched).</summary>
    public bool AnchorsSwordServiceDocument => AtLeast("0.21.0");

    /// <summary>
    /// From 0.21.0 Package.uuid is Django's UUIDField (a uuid.UUID, not a str), and the SWORD collection
    /// feed titles a deposit without description "Deposit " + deposit.uuid: a TypeError, the canned 500.
    /// </summary>
    public bool FailsOnUndescribedDeposit => AtLeast("0.21.0");

    /// <summary>Django 3+ (SS 0.21.0+) quotes values in validation messages with curly quotes.</summary>
    public bool UsesCurlyQuotes => AtLeast("0.21.0");

    /// <summary>S7/S8: the move-message fixes landed after 0.23.0-rc.2; treated as present from 0.23.0 (final).</summary>
    public bool HasMoveMessageFix => AtLeast("0.23.0");

    public bool AtLeast(string other) => Compare(Value, other) >= 0;

    /// <summary>Compares dotted numeric versions; a "-suffix" pre-release is lower than the plain release.</summary>
    public static int Compare(string a, string b)
    {
        var (numbersA, preA) = Split(a);
        var (numbersB, preB) = Split(b);
        for (var i = 0; i < Math.Max(numbersA.Length, numbersB.Length); i++)
        {
            var x = i < numbersA.Length ? numbersA[i] : 0;
            var y = i < numbersB.Length ? numbersB[i] : 0;
            if (x != y)
            {
                return x.CompareTo(y);
            }
        }
        if (preA is null || preB is null)
        {
            return preA is null ? (preB is null ? 0 : 1) : -1;
        }
        return string.CompareOrdinal(preA, preB);
    }

    private static (int[] Numbers, string? PreRelease) Split(string version)
    {
        var text = version.Trim().TrimStart('v', 'V');
        var dash = text.IndexOf('-', StringComparison.Ordinal);
        var pre = dash >= 0 ? text[(dash + 1)..] : null;
        var core = dash >= 0 ? text[..dash] : text;
        var numbers = core.Split('.').Select(part => int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0).ToArray();
        return (numbers, pre);
    }
}
