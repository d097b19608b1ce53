using System.Text;
using System.Text.RegularExpressions;
using FluentAssertions;
using NUnit.Framework;

namespace Conformance.SelfTests.HostileInput;

/// <summary>
/// No hostile value names a real file. Real services copied and moved what an accepted traversal
/// named, so every path payload must aim at the run's canary folder, which exists nowhere. Generated
/// over every kind of every input type and location, so bringing a real path back fails here.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class HarmlessPayloadTests
{
    private const string RunId = "cfselftest42";
    private const string Marker = RunId + "7";
    private static readonly string Canary = ProbeKinds.Canary(RunId);

    private static readonly string[] Types = ["uuid", "integer", "name", "path", "filename", "text", "base64-path", "uri"];
    private static readonly string[] Locations = ["path", "query", "form", "json"];
    private static readonly string[] Resources = ["location", "pipeline", "space", "file", "package"];

    /// <summary>Every value kind of every type and location (the duplicate parameter's included), with what the server decodes from it (non-utf8: the raw bytes the runner sends).</summary>
    public static IEnumerable<TestCaseData> Values() =>
        from type in Types
        from location in Locations
        from kind in ProbeKinds.For(type, location).Append(ProbeKinds.DuplicateKind(type, location)).Distinct()
        from resource in type == "uri" ? Resources : ["location"]
        let prefix = type == "base64-path" ? "6f3b1e2a-1c4d-4f7b-9a2e-5d6c7b8a9f01:" : ""
        let sent = kind == ProbeKinds.NonUtf8 ? ProbeKinds.InvalidUtf8Escaped + Marker : ProbeKinds.Value(kind, Marker, RunId, prefix, resource)
        let decoded = Decoded(kind, sent, prefix)
        select new TestCaseData(kind, decoded).SetName($"{{m}}({type}, {location}, {kind}, {resource})");

    [TestCaseSource(nameof(Values))]
    public void No_value_names_a_real_file_or_a_path_outside_the_canary(string kind, string decoded)
    {
        decoded.Should().NotContainEquivalentOf("etc/passwd").And.NotContainEquivalentOf("passwd");
        if (!NamesAPath(decoded))
        {
            return;
        }

        var resolved = Resolve(decoded);
        var inCanary = resolved.StartsWith($"/{Canary}/", StringComparison.Ordinal);
        var anApiResource = Regex.IsMatch(resolved, @"^/api/v2/[a-z_]+/[^/]");
        (inCanary || anApiResource).Should().BeTrue($"{kind} «{decoded}» resolves to «{resolved}»: a path outside /{Canary}/ may name a real file");
    }

    [TestCaseSource(nameof(Values))]
    public void Every_path_payload_aims_at_the_runs_canary(string kind, string decoded)
    {
        if (ProbeKinds.PathKinds.Contains(kind))
        {
            decoded.Should().Contain($"/{Canary}/absent", $"{kind} aims at the run's canary folder");
        }
        else
        {
            decoded.Split('/').Should().NotContain("..", $"{kind} leaves its folder, so it is a path kind (ProbeKinds.PathKinds) and its acceptance must say so");
        }
    }

    [Test]
    public void Injection_payloads_only_read()
    {
        string[] writes = ["DROP", "DELETE", "UPDATE", "INSERT", "TRUNCATE", "ALTER", "EXEC", ";"];
        foreach (var kind in new[] { ProbeKinds.SqlInjection, ProbeKinds.UriSqlInjection, ProbeKinds.TemplateInjection })
        {
            var value = ProbeKinds.Value(kind, Marker, RunId);
            writes.Should().NotContain(w => value.Contains(w, StringComparison.OrdinalIgnoreCase), $"{kind} «{value}» must only read");
        }
    }

    [Test]
    public async Task The_runner_sends_the_canary_of_its_own_run()
    {
        await using var target = await ReferenceTarget.StartAsync();
        var probe = ProbeFactory.All(ReferenceTarget.Catalogue, HostileInputCatalogue.Load(Path.Combine(Paths.Root, "fixtures", "hostile-inputs.json")))
            .Single(p => p.Name == "ss.file.create@v2, hostile json origin_path: path-traversal");
        var verdict = await new Executor(target.Session).RunAsync(probe, "self-test: " + probe.Name);
        verdict.Exchange!.RequestBody.Should().Contain($"/{ProbeKinds.Canary(target.Session.Run.RunId)}/absent", "the canary carries the run id, not the probe's unique marker");
    }

    /// <summary>What the server reads: base64 decoded, the location prefix dropped, percent-escapes undone.</summary>
    private static string Decoded(string kind, string value, string prefix)
    {
        var text = value;
        if (kind.StartsWith("base64-", StringComparison.Ordinal) && kind != ProbeKinds.Base64NonUtf8 && kind != ProbeKinds.InvalidBase64)
        {
            text = Encoding.UTF8.GetString(Convert.FromBase64String(value));
            text = text.StartsWith(prefix, StringComparison.Ordinal) ? text[prefix.Length..] : text;
        }

        for (var previous = ""; previous != text;)
        {
            previous = text;
            text = Uri.UnescapeDataString(text);
        }

        return text;
    }

    /// <summary>An absolute path, or one that climbs with "..".</summary>
    private static bool NamesAPath(string text) => text.StartsWith('/') || text.Split('/').Contains("..");

    /// <summary>Where a path lands from the root, ".." stopping there (os.path.normpath of "/" + path).</summary>
    private static string Resolve(string path)
    {
        var parts = new List<string>();
        foreach (var part in path.Split('/'))
        {
            if (part == "..")
            {
                if (parts.Count > 0)
                {
                    parts.RemoveAt(parts.Count - 1);
                }
            }
            else if (part is not ("" or "."))
            {
                parts.Add(part);
            }
        }

        return "/" + string.Join('/', parts) + (path.EndsWith('/') ? "/" : "");
    }
}
