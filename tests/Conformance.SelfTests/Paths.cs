namespace Conformance.SelfTests;

/// <summary>Where the repository's folders are, found from the test binary upwards.</summary>
internal static class Paths
{
    public static string Root { get; } = ReportLocations.RepositoryRoot
        ?? throw new DirectoryNotFoundException("Conformance.sln not found above " + AppContext.BaseDirectory);

    public static string Schemas => Path.Combine(Root, "schemas");

    public static string Catalogue => Path.Combine(Root, "fixtures", "endpoints.json");

    /// <summary>../shared beside the repository (the contract and recordings); not part of the project.</summary>
    public static string Shared => Path.GetFullPath(Path.Combine(Root, "..", "shared"));
}
