using NUnit.Framework;

namespace Conformance.Tests;

/// <summary>
/// Writes the run's conformance statement, conformance-statement-&lt;run id&gt;.json and .html, into
/// <see cref="Settings.StatementDirectory"/> (TestResults/ by default): README, "Conformance statement".
/// </summary>
internal static class StatementReport
{
    public static void Write(ConformanceSession session)
    {
        var source = new SettingsSource(name => TestContext.Parameters.Get(name), Environment.GetEnvironmentVariable);
        var settings = session.Settings;
        var records = RunOutcomes.All;
        var statement = StatementBuilder.Build(
            session.Run.RunId,
            DateTimeOffset.UtcNow,
            Target(session),
            new StatementSuite(
                SuiteInfo.Version,
                Digest.Of(Suite.FromOutput("fixtures", "endpoints.json")),
                Digest.Of(Suite.FromOutput("schemas")),
                Digest.Of(Suite.FromOutput("fixtures", "known-deviations"))),
            // The embedded server allows every tier (README, settings table): the statement says what was in force.
            new StatementSettings(settings.IsEmbedded, settings.IsEmbedded || settings.AllowWrites, settings.IsEmbedded || settings.AllowDestructive,
                settings.IsEmbedded || settings.AllowHostileWrites, settings.DryRun, TestSelection.FilterNotVisible, TestSelection.Of(LoadedTests(), records)),
            Suite.Catalogue,
            session.Versions,
            records);

        var folder = Directory.CreateDirectory(ReportLocations.StatementDirectory(source)).FullName;
        var json = Path.Combine(folder, $"conformance-statement-{session.Run.RunId}.json");
        var html = Path.Combine(folder, $"conformance-statement-{session.Run.RunId}.html");
        File.WriteAllText(json, Redact(StatementJson.Serialize(statement), shall => shall));
        File.WriteAllText(html, Redact(StatementHtml.Render(statement), System.Net.WebUtility.HtmlEncode));
        TestContext.Progress.WriteLine($"Conformance statement: {statement.Verdict.Line}");
        TestContext.Progress.WriteLine($"Conformance statement written to {json} and {html}");
        CoverageReport.Write(session.Run.RunId, statement.EndpointCoverage!, folder);
    }

    // Nothing in a statement should be secret (host names, versions, case names); the redactor makes
    // sure, but the requirement sentences quote a header's shape ("ApiKey user:key") and stay as written.
    private static string Redact(string text, Func<string, string> encode)
    {
        var redacted = Redactor.Redact(text);
        foreach (var requirement in Framework.Checks.Requirement.All)
        {
            var sentence = encode(requirement.Shall);
            redacted = redacted.Replace(Redactor.Redact(sentence), sentence, StringComparison.Ordinal);
        }

        return redacted;
    }

    // Every test of the assembly, filtered or not: the tree NUnit loaded, from the running suite up (public ITest members).
    private static List<(string FullName, IReadOnlyList<string> Categories)>? LoadedTests()
    {
        var root = NUnit.Framework.Internal.TestExecutionContext.CurrentContext.CurrentTest as NUnit.Framework.Interfaces.ITest;
        while (root?.Parent is not null)
        {
            root = root.Parent;
        }

        if (root is null)
        {
            return null;
        }

        var tests = new List<(string, IReadOnlyList<string>)>();
        var pending = new Stack<NUnit.Framework.Interfaces.ITest>([root]);
        while (pending.TryPop(out var test))
        {
            if (!test.IsSuite)
            {
                tests.Add((test.FullName, TestCategories.Of(test)));
            }

            foreach (var child in test.Tests)
            {
                pending.Push(child);
            }
        }

        return tests;
    }

    // Host names only: a URL may carry a user, a port that says too much, or a query with a key.
    private static StatementTarget Target(ConformanceSession session)
    {
        var hosts = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var endpoint in new[] { session.Settings.Archivematica, session.Settings.Storage }.OfType<ServiceEndpoint>())
        {
            hosts[endpoint.Kind.CatalogueName()] = endpoint.BaseUrl.Host;
        }

        var versions = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (kind, version) in session.Versions)
        {
            if (session.Settings.For(kind) is not null && !string.IsNullOrEmpty(version))
            {
                versions[kind.CatalogueName()] = version;
            }
        }

        var basis = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (versions.ContainsKey(ServiceKind.Storage.CatalogueName()))
        {
            basis[ServiceKind.Storage.CatalogueName()] = session.StorageRelease.Basis;
        }

        return new StatementTarget(session.Settings.IsEmbedded, hosts, versions, basis);
    }
}
