using NUnit.Framework;
using NUnit.Framework.Interfaces;

namespace Conformance.Framework.Reports;

/// <summary>
/// A test's <see cref="Verdict"/> travels on the test itself, through NUnit's public property bag:
/// before the test the reporter (an <see cref="ITestAction"/>) gives the test an empty slot
/// (<see cref="Open"/>), the test fills it (<see cref="Attach"/>, from <c>Should().Pass()</c>),
/// and after the test the reporter takes the verdict out (<see cref="Take"/>). Taking it empties
/// the property, so it never reaches NUnit's result XML. Without a reporter nothing is kept.
/// </summary>
public static class TestVerdict
{
    private const string Property = "ConformanceVerdict";

    /// <summary>Gives <paramref name="test"/> a slot for its verdict.</summary>
    public static void Open(ITest test) => test.Properties.Set(Property, new Slot());

    /// <summary>Puts the verdict in the slot of the test running now (a later call replaces an earlier one).</summary>
    public static void Attach(Verdict verdict)
    {
        if (TestContext.CurrentContext.Test.Properties.Get(Property) is Slot slot)
        {
            slot.Verdict = verdict;
        }
    }

    /// <summary>The verdict <paramref name="test"/> put in its slot, removed with the slot; null if none.</summary>
    public static Verdict? Take(ITest test)
    {
        if (!test.Properties.ContainsKey(Property))
        {
            return null;
        }

        var verdict = (test.Properties.Get(Property) as Slot)?.Verdict;
        test.Properties[Property].Clear();
        return verdict;
    }

    /// <summary>Written to one test by that test alone; short when printed, should NUnit print it.</summary>
    private sealed class Slot
    {
        public Verdict? Verdict { get; set; }

        public override string ToString() => "verdict";
    }
}
