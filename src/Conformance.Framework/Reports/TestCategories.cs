using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;

namespace Conformance.Framework.Reports;

public static class TestCategories
{
    /// <summary>
    /// A test's own categories, then its fixture's and so on up (the preflight's is on its fixture).
    /// Never through the property bag's indexer alone: for a missing key it adds one, and fixtures
    /// are shared by tests finishing on several threads at once (a race that broke NUnit's own
    /// bookkeeping).
    /// </summary>
    public static List<string> Of(ITest test)
    {
        var categories = new List<string>();
        for (var t = test; t is not null; t = t.Parent)
        {
            if (t.Properties.ContainsKey(PropertyNames.Category))
            {
                categories.AddRange(t.Properties[PropertyNames.Category].OfType<string>().Where(c => !categories.Contains(c)));
            }
        }

        return categories;
    }
}
