using System.Text;

namespace Conformance.Tests;

/// <summary>One block at the start of a run saying what is being tested (never the keys).</summary>
internal static class TargetSummary
{
    public static string Describe(ConformanceSession session)
    {
        var s = session.Settings;
        var text = new StringBuilder($"Conformance run {session.Run.RunId} against {(s.IsEmbedded ? "the embedded reference server" : "a configured target")}:\n");
        foreach (var kind in new[] { ServiceKind.Archivematica, ServiceKind.Storage })
        {
            var endpoint = s.For(kind);
            text.AppendLine(endpoint is null
                ? $"  {kind.DisplayName()}: not configured (its tests are reported as not run)"
                : $"  {kind.DisplayName()}: {endpoint.BaseUrl} as '{endpoint.Credentials.User}', version {session.Version(kind) ?? "unknown"}"
                    + (kind == ServiceKind.Storage ? $" ({session.StorageRelease.Basis})" : ""));
        }

        text.AppendLine($"  writes: {(s.IsEmbedded || s.AllowWrites ? "allowed" : "not allowed")}, destructive: {(s.IsEmbedded || s.AllowDestructive ? "allowed" : "not allowed")}, hostile probes of writes: {(s.IsEmbedded || s.AllowHostileWrites ? "allowed" : "not allowed")}, timeout {s.RequestTimeout.TotalSeconds:F0} s, retries of reads {s.MaxRetries}");
        text.Append($"  {s.Tls.Describe()}; bad-credential budget {(s.BadCredentialBudget?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none")}{(s.DryRun ? "; DRY RUN" : "")}");
        if (s.Tls.SkipVerification)
        {
            text.Append("\n  WARNING: TLS certificates are NOT verified (InsecureSkipTlsVerify). Anyone on the path can read the API keys.");
        }

        return text.ToString();
    }
}
