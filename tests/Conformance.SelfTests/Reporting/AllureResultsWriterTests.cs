using System.Text.Json;
using FluentAssertions;
using NUnit.Framework;

namespace Conformance.SelfTests.Reporting;

[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class AllureResultsWriterTests
{
    [Test]
    public void Preparing_the_folder_removes_an_earlier_runs_allure_files_and_nothing_else()
    {
        var folder = Directory.CreateTempSubdirectory("allure-prepare-").FullName;
        try
        {
            string[] allure = ["1-result.json", "2-container.json", "3-attachment.txt", "categories.json", "executor.json", "environment.properties"];
            foreach (var name in allure.Append("notes.txt").Append("report.json"))
            {
                File.WriteAllText(Path.Combine(folder, name), "x");
            }

            new AllureResultsWriter(folder).Prepare()();

            Directory.GetFiles(folder).Select(Path.GetFileName).Should().BeEquivalentTo("notes.txt", "report.json");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public void A_folder_of_allure_files_only_is_emptied_at_once_and_the_earlier_files_deleted_when_asked()
    {
        var parent = Directory.CreateTempSubdirectory("allure-prepare-own-").FullName;
        var folder = Path.Combine(parent, "allure-results");
        try
        {
            Directory.CreateDirectory(folder);
            foreach (var name in new[] { "1-result.json", "2-attachment.txt", "categories.json" })
            {
                File.WriteAllText(Path.Combine(folder, name), "x");
            }

            Directory.CreateDirectory(Path.Combine(parent, "allure-results.earlier-0123456789abcdef0123456789abcdef")); // a killed run's
            var deleteEarlierRun = new AllureResultsWriter(folder).Prepare();
            Directory.GetFiles(folder).Should().BeEmpty("the new run starts in an empty folder");
            Directory.GetDirectories(parent).Should().HaveCount(3, "the earlier files wait beside it");
            deleteEarlierRun();
            Directory.GetFileSystemEntries(parent).Select(Path.GetFileName).Should().Equal("allure-results");
        }
        finally
        {
            Directory.Delete(parent, recursive: true);
        }
    }

    [Test]
    public void Run_files_are_what_allure_reads()
    {
        var folder = Directory.CreateTempSubdirectory("allure-run-files-").FullName;
        try
        {
            var writer = new AllureResultsWriter(folder);
            writer.Prepare()();
            writer.WriteCategories(AllureCategories.All);
            writer.WriteExecutor(new AllureExecutor { Name = "dotnet test", Type = "local" });
            writer.WriteEnvironment([new("archivematica.url", "http://127.0.0.1:8000/"), new("odd key=1", "two\nlines")]);

            using var categories = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "categories.json")));
            categories.RootElement.EnumerateArray().Select(c => c.GetProperty("name").GetString()).Should().Contain(["Authentication", "Known deviations"]);
            categories.RootElement[0].GetProperty("matchedStatuses").EnumerateArray().Select(s => s.GetString()).Should().Equal("failed", "broken");
            File.ReadAllText(Path.Combine(folder, "environment.properties")).Should().Be("archivematica.url=http://127.0.0.1:8000/\nodd\\ key\\=1=two\\nlines\n");
            using var executor = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "executor.json")));
            executor.RootElement.GetProperty("name").GetString().Should().Be("dotnet test");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
