namespace Conformance.Framework.Requests;

/// <summary>
/// A value a request took from the target by discovery: where it came from (the alternative of a
/// "discover:a or b" reference that answered, "am.transfer.unapproved:results[0].uuid") and the value.
/// Reported with the test (Allure parameter, failure message), never in its name: names stay stable.
/// </summary>
public sealed record DiscoveredValue(string Source, string Value)
{
    public override string ToString() => $"{Source} -> {Value}";
}
