using System.Text;
using FluentAssertions;
using NUnit.Framework;

namespace Conformance.SelfTests.Reporting;

/// <summary>The leak scan (C# class and the CI script) finds a planted key in every form it takes in run artefacts.</summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class SecretScannerTests
{
    private const string Key = "Planted+Key/0123456789abcdef";

    private static string Folder() => Directory.CreateTempSubdirectory("leak-scan-").FullName;

    private static string Plant(string folder, string relative, string content)
    {
        var path = Path.Combine(folder, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    public static IEnumerable<TestCaseData> Plantings()
    {
        yield return new TestCaseData($"curl -H 'Authorization: ApiKey test:{Key}'").SetName("as is");
        yield return new TestCaseData($"GET /api/?api_key={Uri.EscapeDataString(Key)}").SetName("URL-encoded");
        yield return new TestCaseData("{\"k\": \"" + Key.Replace("+", "\\u002B", StringComparison.Ordinal) + "\"}").SetName("JSON-escaped");
        for (var offset = 0; offset < 3; offset++)
        {
            var prefix = new string('p', offset + 4);
            yield return new TestCaseData("d(\"data/x.json\",\"" + Convert.ToBase64String(Encoding.UTF8.GetBytes(prefix + "{\"echo\": \"" + Key + "\"}")) + "\")")
                .SetName($"base64 after {prefix.Length} bytes");
        }
    }

    [TestCaseSource(nameof(Plantings))]
    public void Finds_a_planted_key(string content)
    {
        var folder = Folder();
        try
        {
            Plant(folder, "clean.txt", "nothing here");
            var planted = Plant(folder, Path.Combine("allure-report", "deep", "index.html"), content);

            var findings = SecretScanner.Scan([folder], [Key]);

            findings.Should().ContainSingle().Which.File.Should().Be(planted);
            findings[0].ToString().Should().NotContain(Key);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public void Finds_nothing_in_clean_artefacts_and_ignores_missing_paths_and_short_secrets()
    {
        var folder = Folder();
        try
        {
            Plant(folder, "a.txt", "ApiKey test:*** and a short one: abc");
            SecretScanner.Scan([folder, Path.Combine(folder, "missing")], [Key, "abc", null]).Should().BeEmpty();
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public void Base64_fragments_are_those_of_each_alignment() =>
        SecretScanner.Base64Fragments("0123456789abcdef").Should().HaveCount(3)
            .And.OnlyContain(f => f.Length >= SecretScanner.MinimumLength);

    [Test]
    public async Task The_ci_script_fails_on_a_planted_key_without_printing_it()
    {
        var bash = new[] { "/bin/bash", "/usr/bin/bash" }.FirstOrDefault(File.Exists);
        if (bash is null)
        {
            Assert.Ignore("bash is not installed");
        }

        var folder = Folder();
        try
        {
            var script = Path.Combine(Paths.Root, "tools", "scan-for-secrets.sh");
            var environment = new Dictionary<string, string?>
            {
                ["SCAN_SECRETS"] = Key,
                ["ARCHIVEMATICA_API_KEY"] = null,
                ["STORAGE_SERVICE_API_KEY"] = null,
                ["STORAGE_SERVICE_PASSWORD"] = null,
                ["EMBEDDED_API_KEY"] = null,
            };
            Plant(folder, "TestResults/run.trx", "<Message>ApiKey test:***</Message>");
            var clean = await Subprocess.RunAsync(bash!, [script, folder], folder, TimeSpan.FromMinutes(1), environment);
            clean.ExitCode.Should().Be(0, clean.Output);

            var planted = Plant(folder, "allure-report/index.html", Convert.ToBase64String(Encoding.UTF8.GetBytes("xx" + Key + "yy")));
            var leaked = await Subprocess.RunAsync(bash!, [script, folder], folder, TimeSpan.FromMinutes(1), environment);
            leaked.ExitCode.Should().Be(1, leaked.Output);
            leaked.Output.Should().Contain(planted).And.NotContain(Key);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
