using NUnit.Framework;

// Fixtures run in parallel; each fixture says how far its own cases may go. The worker count is
// NUnit.NumberOfTestWorkers in runsettings (lower it for a fragile target without rebuilding).
[assembly: Parallelizable(ParallelScope.Fixtures)]
[assembly: LevelOfParallelism(8)]
