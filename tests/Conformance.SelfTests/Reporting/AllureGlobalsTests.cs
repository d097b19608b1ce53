using System.Text.Json;
using FluentAssertions;
using NUnit.Framework;

namespace Conformance.SelfTests.Reporting;

/// <summary>The run's own attachments (the coverage table) as Allure 3 reads them: a globals file naming each attachment file.</summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class AllureGlobalsTests
{
    private const string Secret = "globals-canary-key-51c0e7";

    [Test]
    public void A_run_attachment_is_written_as_a_global_attachment_and_redacted()
    {
        Redactor.Register(Secret);
        var folder = Directory.CreateTempSubdirectory("allure-globals-").FullName;
        try
        {
            var table = $"Endpoint coverage of run r1: Header: 29 of 29 dashboard ...\nkey {Secret}\n";
            var at = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);
            new AllureResultsWriter(folder).WriteGlobals([new PendingAttachment("Endpoint coverage per service and auth mode", "text/plain", "txt", table)], at);

            var globals = Directory.GetFiles(folder, "*-globals.json").Should().ContainSingle().Subject;
            using var json = JsonDocument.Parse(File.ReadAllText(globals));
            var attachment = json.RootElement.GetProperty("attachments").EnumerateArray().Should().ContainSingle().Subject;
            attachment.GetProperty("name").GetString().Should().Be("Endpoint coverage per service and auth mode");
            attachment.GetProperty("type").GetString().Should().Be("text/plain");
            attachment.GetProperty("timestamp").GetInt64().Should().Be(at.ToUnixTimeMilliseconds());
            json.RootElement.GetProperty("errors").GetArrayLength().Should().Be(0);

            var source = attachment.GetProperty("source").GetString()!;
            source.Should().EndWith("-attachment.txt");
            var written = File.ReadAllText(Path.Combine(folder, source));
            written.Should().StartWith("Endpoint coverage of run r1: Header: 29 of 29").And.NotContain(Secret);

            new AllureResultsWriter(folder).Prepare()();
            Directory.GetFiles(folder).Should().BeEmpty("the next run removes an earlier run's globals with its attachments");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public void Nothing_is_written_when_the_run_has_no_attachment()
    {
        var folder = Directory.CreateTempSubdirectory("allure-globals-none-").FullName;
        try
        {
            new AllureResultsWriter(folder).WriteGlobals([], DateTimeOffset.UtcNow);

            Directory.GetFiles(folder).Should().BeEmpty();
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
