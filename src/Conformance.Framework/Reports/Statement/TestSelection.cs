namespace Conformance.Framework.Reports.Statement;

/// <param name="Category">A test category ("read-only", "auth-matrix", ...), or "(none)".</param>
/// <param name="Loaded">Tests of the category in the test assembly.</param>
/// <param name="Ran">Of those, the tests that ran (whatever their outcome).</param>
public sealed record CategoryCount(string Category, int Loaded, int Ran);

/// <summary>
/// Which tests ran, against the tests the assembly holds: the trace a `dotnet test --filter` leaves.
/// NUnit tells a test neither the filter nor the filtered set, but it does tell each test's own
/// outcome (every test that ran is recorded) and the whole loaded tree.
/// </summary>
/// <param name="Loaded">Tests in the assembly (null when the tree could not be read).</param>
public sealed record TestSelection(int? Loaded, int Ran, IReadOnlyList<CategoryCount> ByCategory)
{
    public const string FilterNotVisible =
        "not visible to the tests (NUnit gives a test run no public way to read its --filter): 'selection' counts the tests that ran against those the assembly holds";

    public const string NoCategory = "(none)";

    /// <summary>The selection from the loaded tests (full name, categories) and the records of the tests that ran.</summary>
    public static TestSelection Of(IReadOnlyList<(string FullName, IReadOnlyList<string> Categories)>? loaded, IReadOnlyList<CaseRecord> ran)
    {
        static IEnumerable<string> Of(IReadOnlyList<string> categories) => categories.Count == 0 ? [NoCategory] : categories;

        var loadedBy = (loaded ?? []).SelectMany(t => Of(t.Categories)).CountBy(c => c, StringComparer.Ordinal).ToDictionary(StringComparer.Ordinal);
        var ranBy = ran.SelectMany(r => Of(r.Categories)).CountBy(c => c, StringComparer.Ordinal).ToDictionary(StringComparer.Ordinal);
        var counts = loadedBy.Keys.Union(ranBy.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select(c => new CategoryCount(c, loadedBy.GetValueOrDefault(c), ranBy.GetValueOrDefault(c)))
            .ToList();
        return new TestSelection(loaded?.Count, ran.Count, counts);
    }

    /// <summary>One line for people: "3127 of 3127 tests ran (nothing was left out)".</summary>
    public string Text => Loaded is not { } all ? $"{Ran} tests ran (the assembly's tests could not be counted)"
        : Ran >= all ? $"{Ran} of {all} tests ran (none was left out)"
        : $"{Ran} of {all} tests ran ({all - Ran} left out by the filter, or explicit)";
}
