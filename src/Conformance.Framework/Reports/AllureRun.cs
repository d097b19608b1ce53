using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using NUnit.Framework;
using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;

namespace Conformance.Framework.Reports;

/// <summary>
/// One run per process: the folder, which tests already have a result, and the background writers.
/// A test hands over its facts and goes on; the writers build and write the results (creating
/// thousands of small files is slow on some file systems and must not hold the tests up), and the
/// end of the run waits until everything is on disk.
/// </summary>
internal sealed class AllureRun
{
    private static readonly Lock Gate = new();
    private static AllureRun? _current;
    private static int _warned;
    private static bool _failed;

    private readonly AllureResultsWriter _writer;
    private readonly ConcurrentDictionary<string, DateTimeOffset> _starts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _written = new(StringComparer.Ordinal);

    /// <summary>Two: one folder's files are created under one lock, so more writers only wait for each other.</summary>
    private const int Writers = 2;

    private readonly BlockingCollection<TestFacts> _pending = [];
    private readonly Task _draining;

    private AllureRun(AllureResultsWriter writer, Action deleteEarlierRun)
    {
        _writer = writer;
        _deleteEarlierRun = deleteEarlierRun;
        // Threads of their own: blocking file calls on the thread pool would starve the suite's requests.
        _draining = Task.WhenAll(Enumerable.Range(0, Writers)
            .Select(_ => Task.Factory.StartNew(Drain, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default)));
    }

    private readonly Action _deleteEarlierRun;

    /// <summary>The run, started on first use; null when it could not start (said once, and not tried again).</summary>
    public static AllureRun? Ensure()
    {
        lock (Gate)
        {
            if (_current is null && !_failed)
            {
                try
                {
                    var source = new SettingsSource(name => TestContext.Parameters.Get(name), System.Environment.GetEnvironmentVariable);
                    var writer = new AllureResultsWriter(ReportLocations.AllureResultsDirectory(source));
                    var deleteEarlierRun = writer.Prepare();
                    writer.WriteCategories(AllureCategories.All);
                    writer.WriteExecutor(Executor());
                    writer.WriteEnvironment(BaseEnvironment());
                    _current = new AllureRun(writer, deleteEarlierRun);
                    TestContext.Progress.WriteLine($"Allure results: {writer.Directory}");
                }
                catch
                {
                    _failed = true;
                    throw;
                }
            }

            return _current;
        }
    }

    public static void Guard(Action action)
    {
        try
        {
            action();
        }
#pragma warning disable CA1031 // a report that cannot be written must not fail the test it reports on
        catch (Exception e)
#pragma warning restore CA1031
        {
            if (Interlocked.Exchange(ref _warned, 1) == 0)
            {
                var warning = $"Allure results could not be written (the tests go on): {Redaction.Redactor.Redact(e.GetType().Name + ": " + e.Message)}";
                TestContext.Progress.WriteLine(warning);
                TestContext.Error.WriteLine(warning);
            }
        }
    }

    public void Started(string testId) => _starts[testId] = DateTimeOffset.UtcNow;

    public void Finished(ITest test, ITestResult result, Verdict? verdict, string? thread)
    {
        var stop = DateTimeOffset.UtcNow;
        var start = _starts.TryRemove(test.Id, out var s) ? s : new DateTimeOffset(DateTime.SpecifyKind(result.StartTime, DateTimeKind.Utc));
        Write(test, result, verdict, start, stop, thread);
    }

    /// <summary>Writes results for tests that never ran their actions (their suite's set-up failed), then the environment and the run's own attachments.</summary>
    public void Finish(ITestResult root, Type? environmentType)
    {
        foreach (var leaf in Leaves(root))
        {
            if (!_written.ContainsKey(leaf.Test.Id))
            {
                var start = new DateTimeOffset(DateTime.SpecifyKind(leaf.StartTime, DateTimeKind.Utc));
                var stop = new DateTimeOffset(DateTime.SpecifyKind(leaf.EndTime, DateTimeKind.Utc));
                Write(leaf.Test, leaf, TestVerdict.Take(leaf.Test), start, stop < start ? start : stop, null);
            }
        }

        var entries = BaseEnvironment().ToList();
        var attachments = new List<PendingAttachment>();
        if (environmentType is not null && Activator.CreateInstance(environmentType, nonPublic: true) is IReportEnvironment environment)
        {
            entries.AddRange(environment.Describe());
            attachments.AddRange(environment.Attachments());
        }

        _pending.CompleteAdding();
        _draining.GetAwaiter().GetResult();
        _writer.WriteEnvironment(entries);
        _writer.WriteGlobals(attachments, DateTimeOffset.UtcNow);
        _deleteEarlierRun();
    }

    private void Drain()
    {
        foreach (var facts in _pending.GetConsumingEnumerable())
        {
            Guard(() => _writer.Write(AllureResultBuilder.Build(facts)));
        }
    }

    private void Write(ITest test, ITestResult result, Verdict? verdict, DateTimeOffset start, DateTimeOffset stop, string? thread)
    {
        if (!_written.TryAdd(test.Id, 0))
        {
            return;
        }

        var state = result.ResultState;
        var facts = new TestFacts
        {
            Name = test.Name,
            FullName = test.FullName,
            ClassName = test.ClassName,
            MethodName = test.MethodName,
            Categories = TestCategories.Of(test),
            Arguments = test.Arguments,
            Status = AllureResultBuilder.StatusOf(state.Status.ToString(), state.Label, state.Site.ToString()),
            Message = result.Message,
            StackTrace = result.StackTrace,
            Output = result.Output,
            Start = start,
            Stop = stop,
            Thread = thread,
            Verdict = verdict,
        };
        _pending.Add(facts);
    }


    private static IEnumerable<ITestResult> Leaves(ITestResult result) =>
        result.HasChildren ? result.Children.SelectMany(Leaves) : result.Test.IsSuite ? [] : [result];

    private static IEnumerable<KeyValuePair<string, string>> BaseEnvironment() =>
    [
        new("suite.version", SuiteInfo.Version),
        new("dotnet", RuntimeInformation.FrameworkDescription),
        new("os", RuntimeInformation.OSDescription),
    ];

    private static AllureExecutor Executor()
    {
        string? Env(string name) => System.Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : null;
        if (Env("GITHUB_ACTIONS") == "true")
        {
            var runUrl = $"{Env("GITHUB_SERVER_URL")}/{Env("GITHUB_REPOSITORY")}/actions/runs/{Env("GITHUB_RUN_ID")}";
            return new AllureExecutor
            {
                Name = "GitHub Actions",
                Type = "github",
                Url = Env("GITHUB_SERVER_URL"),
                BuildName = $"{Env("GITHUB_WORKFLOW")} #{Env("GITHUB_RUN_NUMBER")}",
                BuildUrl = runUrl,
                ReportName = "Archivematica API conformance",
            };
        }

        return new AllureExecutor
        {
            Name = Env("CI") == "true" ? "CI" : "dotnet test",
            Type = Env("CI") == "true" ? "ci" : "local",
            BuildName = $"{System.Environment.MachineName} {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC",
            ReportName = "Archivematica API conformance",
        };
    }
}
