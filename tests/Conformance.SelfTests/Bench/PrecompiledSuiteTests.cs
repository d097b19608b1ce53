using System.Reflection.PortableExecutable;
using System.Text.Json.Nodes;
using FluentAssertions;
using NUnit.Framework;

namespace Conformance.SelfTests.Bench;

/// <summary>
/// The suite's build precompiles its output folder (tests/Conformance.Tests/ReadyToRun.targets) and its
/// test host keeps that code instead of compiling it again once hot: in a run of seconds the JIT's work
/// otherwise takes processor time from the target on the same machine. Nothing else would notice if
/// either part were lost; the benchmark would only get slower.
/// </summary>
[TestFixture]
public sealed class PrecompiledSuiteTests
{
    // The suite's code and what it runs for every exchange; the rest of the folder is compiled the same way.
    private static readonly string[] Assemblies =
        ["Conformance.Tests", "Conformance.Framework", "Conformance.ReferenceServer", "RestSharp", "NJsonSchema", "Newtonsoft.Json", "nunit.framework"];

    [Test]
    public void The_suite_is_built_precompiled()
    {
        var notPrecompiled = Assemblies.Where(name => !IsReadyToRun(Path.Combine(SuiteOutput, name + ".dll"))).ToList();

        notPrecompiled.Should().BeEmpty(
            $"the build of tests/Conformance.Tests compiles its output ahead of time (ReadyToRun.targets; off with -p:ReadyToRun=false), in {SuiteOutput}");
    }

    [Test]
    public void The_suite_test_host_keeps_the_precompiled_code()
    {
        var runtimeConfig = JsonNode.Parse(File.ReadAllText(Path.Combine(SuiteOutput, "Conformance.Tests.runtimeconfig.json")))!;

        var tiered = runtimeConfig["runtimeOptions"]?["configProperties"]?["System.Runtime.TieredCompilation"]?.GetValue<bool>();

        tiered.Should().Be(false, "tiered compilation would compile the hot precompiled code again during the run, on the cores the target uses");
    }

    /// <summary>tests/Conformance.Tests' output folder, in the configuration these self-tests were built in.</summary>
    private static string SuiteOutput
    {
        get
        {
            var ownOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            return Path.Combine(Paths.Root, "tests", "Conformance.Tests", "bin", ownOutput.Parent!.Name, ownOutput.Name);
        }
    }

    // A ReadyToRun image carries a managed native header beside its IL.
    private static bool IsReadyToRun(string assembly)
    {
        using var reader = new PEReader(File.OpenRead(assembly));
        return reader.PEHeaders.CorHeader is { ManagedNativeHeaderDirectory.Size: > 0 };
    }
}
