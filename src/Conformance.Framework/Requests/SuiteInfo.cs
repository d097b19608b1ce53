using System.Reflection;

namespace Conformance.Framework.Requests;

/// <summary>What the suite tells servers about itself.</summary>
public static class SuiteInfo
{
    public static string Version { get; } =
        typeof(SuiteInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    /// <summary>Sent on every request, so server logs show the traffic came from this suite.</summary>
    public static string UserAgent { get; } = $"archivematica-conformance/{Version}";

    /// <summary>Carries the full NUnit test name, so a server log line can be tied to its test.</summary>
    public const string TestNameHeader = "X-Conformance-Test";
}
