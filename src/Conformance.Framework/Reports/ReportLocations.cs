
namespace Conformance.Framework.Reports;

/// <summary>Where reports go: the repository root (found from the test binary upwards) and the Allure results folder.</summary>
public static class ReportLocations
{
    /// <summary>The folder holding Conformance.sln above the running binary, or null when the binary runs outside the repository.</summary>
    public static string? RepositoryRoot { get; } = FindRoot();

    /// <summary>
    /// The Allure results folder: <see cref="Settings.AllureResultsDirectory"/> (environment variable
    /// first, then runsettings, then "allure-results"); a relative path is taken from the repository
    /// root, or from the current folder when there is none.
    /// </summary>
    public static string AllureResultsDirectory(SettingsSource source)
    {
        var configured = source.Get(Settings.AllureResultsDirectory) ?? "allure-results";
        return Path.GetFullPath(Path.IsPathRooted(configured) ? configured : Path.Combine(RepositoryRoot ?? Environment.CurrentDirectory, configured));
    }

    /// <summary>The folder for the conformance statements (<see cref="Settings.StatementDirectory"/>), taken as <see cref="AllureResultsDirectory"/> is.</summary>
    public static string StatementDirectory(SettingsSource source)
    {
        var configured = source.Get(Settings.StatementDirectory) ?? "TestResults";
        return Path.GetFullPath(Path.IsPathRooted(configured) ? configured : Path.Combine(RepositoryRoot ?? Environment.CurrentDirectory, configured));
    }

    private static string? FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Conformance.sln")))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}
