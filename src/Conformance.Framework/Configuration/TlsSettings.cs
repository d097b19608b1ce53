using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace Conformance.Framework.Configuration;

/// <summary>
/// TLS verification: on by default; a CA bundle adds trusted roots (a private CA) without switching
/// verification off; skipping verification is an explicit, loudly reported opt-in.
/// </summary>
public sealed record TlsSettings(string? CaBundlePath = null, bool SkipVerification = false)
{
    /// <summary>The certificate check for the HTTP client; null means the platform's default check.</summary>
    public RemoteCertificateValidationCallback? ValidationCallback()
    {
        if (SkipVerification)
        {
            return (_, _, _, _) => true;
        }

        if (CaBundlePath is null)
        {
            return null;
        }

        if (!File.Exists(CaBundlePath))
        {
            throw new ConfigurationException($"{Settings.CaBundle.Name} ({Settings.CaBundle.EnvironmentVariable}): no file at '{CaBundlePath}'.");
        }

        var roots = new X509Certificate2Collection();
        roots.ImportFromPemFile(CaBundlePath);
        return (_, certificate, _, errors) =>
        {
            if (errors == SslPolicyErrors.None)
            {
                return true;
            }

            if (certificate is null || (errors & SslPolicyErrors.RemoteCertificateNameMismatch) != 0)
            {
                return false;
            }

            using var chain = new X509Chain();
            chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            chain.ChainPolicy.CustomTrustStore.AddRange(roots);
            chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            using var leaf = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
            return chain.Build(leaf);
        };
    }

    public string Describe() =>
        SkipVerification ? "TLS VERIFICATION OFF (InsecureSkipTlsVerify): any certificate is accepted"
        : CaBundlePath is not null ? $"TLS verified, also trusting {CaBundlePath}"
        : "TLS verified";
}
