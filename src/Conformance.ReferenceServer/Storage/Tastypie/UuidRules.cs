using System.Globalization;

namespace Conformance.ReferenceServer.Storage.Tastypie;

/// <summary>
/// How a UUID column compares a lookup value. Before SS 0.21 the column is a plain string (anything
/// matches literally, a malformed value just finds nothing). From 0.21 Django's UUIDField parses the
/// value like Python's uuid.UUID and raises a ValidationError (400) when it cannot.
/// </summary>
internal static class UuidRules
{
    /// <summary>The value to compare with stored (canonical, lower-case) UUIDs, or null when nothing can match.</summary>
    public static string? LookupKey(string? value, StorageVersion version)
    {
        if (value is null)
        {
            return null;
        }
        if (!version.ValidatesUuids)
        {
            return value;
        }
        return TryCanonical(value, out var canonical) ? canonical : throw Invalid(value, version);
    }

    public static DjangoValidationException Invalid(string value, StorageVersion version) =>
        new(version.UsesCurlyQuotes ? $"“{value}” is not a valid UUID." : $"'{value}' is not a valid UUID.");

    /// <summary>Python uuid.UUID(str): optional "urn:"/"uuid:" prefix, braces and dashes, then 32 hex digits.</summary>
    public static bool TryCanonical(string value, out string canonical)
    {
        canonical = "";
        var hex = value.Replace("urn:", "", StringComparison.Ordinal).Replace("uuid:", "", StringComparison.Ordinal)
            .Trim('{', '}').Replace("-", "", StringComparison.Ordinal);
        if (hex.Length != 32 || !hex.All(Uri.IsHexDigit))
        {
            return false;
        }
        hex = hex.ToLower(CultureInfo.InvariantCulture);
        canonical = $"{hex[..8]}-{hex[8..12]}-{hex[12..16]}-{hex[16..20]}-{hex[20..]}";
        return true;
    }
}
