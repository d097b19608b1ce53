using System.Diagnostics;

namespace Conformance.SelfTests;

/// <summary>Runs the real suite (`dotnet test tests/Conformance.Tests`) as a user would, with a given environment, bounded in time.</summary>
internal static class SuiteProcess
{
    /// <param name="settingsFile">A runsettings file relative to the repository root, e.g. "runsettings/production.runsettings".</param>
    /// <param name="arguments">More `dotnet test` arguments, e.g. a logger.</param>
    public static async Task<(int ExitCode, string Output)> RunAsync(IReadOnlyDictionary<string, string> environment, string? filter = null, TimeSpan? timeout = null, string? settingsFile = null, IReadOnlyList<string>? arguments = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Paths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { "test", "tests/Conformance.Tests", "--no-build" })
        {
            start.ArgumentList.Add(argument);
        }

        if (settingsFile is not null)
        {
            start.ArgumentList.Add("--settings");
            start.ArgumentList.Add(settingsFile);
        }

        if (filter is not null)
        {
            start.ArgumentList.Add("--filter");
            start.ArgumentList.Add(filter);
        }

        foreach (var argument in arguments ?? [])
        {
            start.ArgumentList.Add(argument);
        }

        // Allure results go to a folder of their own, not over the user's allure-results/.
        var allureResults = Directory.CreateTempSubdirectory("selftest-allure-results-").FullName;
        start.Environment["ALLURE_RESULTS_DIRECTORY"] = allureResults;
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        try
        {
            return await RunAsync(start, timeout);
        }
        finally
        {
            Directory.Delete(allureResults, recursive: true);
        }
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(ProcessStartInfo start, TimeSpan? timeout)
    {
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(3));
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("The suite did not finish in time:\n" + await output);
        }

        return (process.ExitCode, await output + await errors);
    }
}
