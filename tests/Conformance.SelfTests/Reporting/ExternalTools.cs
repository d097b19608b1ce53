using NUnit.Framework;

namespace Conformance.SelfTests.Reporting;

/// <summary>
/// Programs some self-tests need beyond .NET (node with the pinned Allure CLI, Chromium). Missing on
/// a developer's machine: the test is skipped, saying how to install it. Missing in CI (CI=true):
/// the test fails, because .ci/run installs them.
/// </summary>
internal static class ExternalTools
{
    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The dotnet host running these tests (dotnet test sets DOTNET_HOST_PATH), else dotnet from PATH.</summary>
    public static string Dotnet => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : Find("dotnet") ?? "dotnet";

    public static string? Node => Find("node");

    public static string? Npm => Find("npm");

    /// <summary>The Allure CLI installed by `npm ci` from the committed package-lock.json.</summary>
    public static string AllureCli => Path.Combine(Paths.Root, "node_modules", ".bin", "allure");

    /// <summary>CHROMIUM if set, else the first of chromium, chromium-browser, google-chrome on PATH.</summary>
    public static string? Chromium =>
        Environment.GetEnvironmentVariable("CHROMIUM") is { Length: > 0 } configured && File.Exists(configured)
            ? configured
            : Find("chromium") ?? Find("chromium-browser") ?? Find("google-chrome");

    public static void RequireNodeAndAllure()
    {
        if (Node is null || Npm is null)
        {
            Missing("node and npm are not installed (Debian: apt-get install nodejs npm)");
        }

        if (!File.Exists(AllureCli))
        {
            Missing("the Allure CLI is not installed: run `npm ci` in the repository root");
        }
    }

    public static string RequireChromium() => Chromium ?? Missing("Chromium is not installed (Debian: apt-get install chromium)");

    private static string Missing(string why)
    {
        if (InCi)
        {
            Assert.Fail($"{why}; CI=true, so this is a failure (.ci/run installs it).");
        }

        Assert.Ignore($"{why}; skipped (it fails instead when CI=true).");
        return string.Empty;
    }

    private static string? Find(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, program))
            .FirstOrDefault(File.Exists);
}
