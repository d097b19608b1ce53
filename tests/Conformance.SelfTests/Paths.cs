namespace Conformance.SelfTests;

/// <summary>Where the repository's folders are, found from the test binary upwards.</summary>
internal static class Paths
{
    public static string Root { get; } = FindRoot();

    public static string Schemas => Path.Combine(Root, "schemas");

    public static string Catalogue => Path.Combine(Root, "fixtures", "endpoints.json");

    /// <summary>../shared beside the repository (the contract and recordings); not part of the project.</summary>
    public static string Shared => Path.GetFullPath(Path.Combine(Root, "..", "shared"));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Conformance.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("Conformance.sln not found above " + AppContext.BaseDirectory);
    }
}
