using System.Diagnostics;

namespace Conformance.SelfTests;

/// <summary>Runs the real suite (`dotnet test tests/Conformance.Tests`) as a user would, with a given environment, bounded in time.</summary>
internal static class SuiteProcess
{
    public static async Task<(int ExitCode, string Output)> RunAsync(IReadOnlyDictionary<string, string> environment, string? filter = null, TimeSpan? timeout = null)
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

        if (filter is not null)
        {
            start.ArgumentList.Add("--filter");
            start.ArgumentList.Add(filter);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

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
