using System.Security.Cryptography;
using System.Text;

namespace Conformance.Framework.Reports.Statement;

/// <summary>SHA-256 of what a run used, so two statements show whether they ran with the same data.</summary>
public static class Digest
{
    /// <summary>
    /// A file: the hash of its bytes. A folder: the hash of one line per file, "relative/path hash",
    /// in ordinal order of the paths ('/' as separator), so a renamed, added or changed file changes it.
    /// Missing: "absent".
    /// </summary>
    public static string Of(string path)
    {
        if (File.Exists(path))
        {
            return Hex(File.ReadAllBytes(path));
        }

        if (!Directory.Exists(path))
        {
            return "absent";
        }

        var lines = Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
            .Select(f => (Name: Path.GetRelativePath(path, f).Replace('\\', '/'), File: f))
            .OrderBy(f => f.Name, StringComparer.Ordinal)
            .Select(f => $"{f.Name} {Hex(File.ReadAllBytes(f.File))}\n");
        return Hex(Encoding.UTF8.GetBytes(string.Concat(lines)));
    }

    private static string Hex(byte[] bytes) => Convert.ToHexString(SHA256.HashData(bytes)).ToLowerInvariant();
}
