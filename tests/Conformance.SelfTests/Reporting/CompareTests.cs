using Conformance.Compare;
using FluentAssertions;
using NUnit.Framework;

namespace Conformance.SelfTests.Reporting;

/// <summary>tools/Conformance.Compare on statements made by the suite's own builder: the same run twice, and a run with one case broken.</summary>
[TestFixture]
public sealed class CompareTests
{
    private const string BrokenCase = "am.transfer.unapproved, BadKeyHeader";

    private string _folder = null!;

    [SetUp]
    public void MakeFolder() => _folder = Directory.CreateTempSubdirectory("compare-").FullName;

    [TearDown]
    public void RemoveFolder() => Directory.Delete(_folder, recursive: true);

    [Test]
    public void A_statement_compared_with_itself_has_no_difference_and_exits_0()
    {
        var clean = Write("clean.json", StatementSamples.Clean());

        var (exit, output) = Compare(clean, clean);

        exit.Should().Be(CompareCommand.NotWorse);
        output.Should().Contain("No difference.").And.NotContain("Cases whose outcome changed");
    }

    [Test]
    public void A_folder_stands_for_its_newest_statement()
    {
        var earlier = Directory.CreateDirectory(Path.Combine(_folder, "earlier")).FullName;
        var later = Directory.CreateDirectory(Path.Combine(_folder, "later")).FullName;
        Write("earlier/conformance-statement-a.json", StatementSamples.Clean());
        File.SetLastWriteTimeUtc(Write("later/conformance-statement-old.json", StatementSamples.Clean()), DateTime.UtcNow.AddHours(-1));
        Write("later/conformance-statement-new.json", StatementSamples.WithFailure(BrokenCase));

        var (exit, output) = Compare(earlier, later);

        exit.Should().Be(CompareCommand.Worse, "the newest statement of the later folder has the failure");
        output.Should().Contain(BrokenCase);
        Compare(earlier, _folder).ExitCode.Should().Be(CompareCommand.BadInput, "a folder with no statement is bad input");
    }

    [Test]
    public void A_case_that_now_fails_is_listed_alone_and_exits_1()
    {
        var clean = Write("clean.json", StatementSamples.Clean());
        var broken = Write("broken.json", StatementSamples.WithFailure(BrokenCase));

        var (exit, output) = Compare(clean, broken);

        exit.Should().Be(CompareCommand.Worse);
        var listed = output.Split('\n').Where(l => l.StartsWith("  ", StringComparison.Ordinal)).ToList();
        listed.Should().ContainSingle().Which.Should().Contain($"{BrokenCase}: passed -> failed").And.Contain("(worse)");
        output.Should().Contain("Cases whose outcome changed (1):").And.Contain("The later run is worse.");
    }

    [Test]
    public void The_reverse_comparison_is_not_worse()
    {
        var clean = Write("clean.json", StatementSamples.Clean());
        var broken = Write("broken.json", StatementSamples.WithFailure(BrokenCase));

        Compare(broken, clean).ExitCode.Should().Be(CompareCommand.NotWorse);
    }

    [Test]
    public void Fewer_cells_exercised_is_worse()
    {
        var clean = Write("clean.json", StatementSamples.Clean());
        var partial = Write("partial.json", StatementSamples.Without(BrokenCase));

        var (exit, output) = Compare(clean, partial);

        exit.Should().Be(CompareCommand.Worse);
        output.Should().Contain("Coverage fell").And.Contain("Cases only in the earlier run (1):");
    }

    [Test]
    public void An_answer_of_another_body_shape_is_listed_but_not_worse()
    {
        var clean = Write("clean.json", StatementSamples.Clean());
        var reshaped = Write("reshaped.json", StatementSamples.WithOtherShape(BrokenCase));

        var (exit, output) = Compare(clean, reshaped);

        exit.Should().Be(CompareCommand.NotWorse);
        var listed = output.Split('\n').Where(l => l.StartsWith("  ", StringComparison.Ordinal)).ToList();
        listed.Should().ContainSingle().Which.Should().Contain($"{BrokenCase}: (answer 403 application/json json-object:2b1e0c5a9d7f -> 403 application/json json-object:0123456789ab)");
        output.Should().Contain("Cases whose answer changed: status, media type or body shape (same outcome) (1):");
    }

    [Test]
    public void Only_exercised_by_both_leaves_out_an_endpoint_one_run_could_not_reach()
    {
        var full = Write("full.json", StatementSamples.WithProbe("ss.file.delete_aip@v2"));
        var partial = Write("partial.json", StatementSamples.WithEndpointNotExercised("ss.file.delete_aip@v2"));

        var (plainExit, plain) = Compare(full, partial);
        var (exit, output) = Compare(full, partial, CommonScope.Option);

        plainExit.Should().Be(CompareCommand.Worse, "coverage fell");
        plain.Should().Contain("Coverage fell").And.Contain("ss.file.delete_aip@v2, hostile body: invalid-json: (answer 400");
        exit.Should().Be(CompareCommand.NotWorse, output);
        output.Should().Contain("Compared only what both runs exercised").And.EndWith("No difference." + Environment.NewLine);
    }

    [Test]
    public void Bad_input_exits_2()
    {
        var notJson = Path.Combine(_folder, "not.json");
        File.WriteAllText(notJson, "{ not json");

        Compare(notJson, notJson).ExitCode.Should().Be(CompareCommand.BadInput);
        Compare(Path.Combine(_folder, "missing.json"), notJson).ExitCode.Should().Be(CompareCommand.BadInput);
        CompareCommand.Run([notJson], TextWriter.Null, TextWriter.Null).Should().Be(CompareCommand.BadInput);
    }

    private string Write(string name, ConformanceStatement statement)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, StatementJson.Serialize(statement));
        return path;
    }

    private static (int ExitCode, string Output) Compare(string before, string after, params string[] options)
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var exit = CompareCommand.Run([.. options, before, after], output, errors);
        return (exit, output + errors.ToString());
    }
}
