using System.Text;
using System.Text.Json;

namespace Conformance.Framework.Redaction;

/// <summary>Where a secret was found: the file and in which form. Never the secret itself.</summary>
public sealed record SecretFinding(string File, string Form)
{
    public override string ToString() => $"{File}: a configured secret ({Form})";
}

/// <summary>
/// The leak scan: looks for each configured secret in every file a run wrote (TRX, JUnit, Allure
/// results, the HTML report, console logs), in the forms a secret takes on its way into them: as
/// is, URL-encoded, JSON-escaped and base64 (the HTML report embeds its data as base64; a secret
/// there shows as one of three fragments, one per byte alignment). tools/scan-for-secrets.sh does
/// the same for CI; the self-tests prove both catch a planted key.
/// </summary>
public static class SecretScanner
{
    /// <summary>Shorter secrets are not scanned for: they would match by chance (the redactor masks them by pattern only).</summary>
    public const int MinimumLength = 8;

    /// <summary>The forms to look for, each with its name; distinct, and none shorter than <see cref="MinimumLength"/>.</summary>
    public static IReadOnlyList<(string Form, string Text)> Forms(string secret)
    {
        var forms = new List<(string Form, string Text)>
        {
            ("as is", secret),
            ("URL-encoded", Uri.EscapeDataString(secret)),
            ("JSON-escaped", JsonSerializer.Serialize(secret)[1..^1]),
        };
        forms.AddRange(Base64Fragments(secret).Select(f => ("base64", f)));
        return forms
            .Where(f => f.Text.Length >= MinimumLength)
            .DistinctBy(f => f.Text)
            .ToList();
    }

    /// <summary>
    /// The base64 characters that depend on the secret alone, for each of the three byte offsets at
    /// which it can start inside a larger encoded text.
    /// </summary>
    public static IEnumerable<string> Base64Fragments(string secret)
    {
        var bytes = Encoding.UTF8.GetBytes(secret);
        for (var offset = 0; offset < 3; offset++)
        {
            var padded = new byte[offset + bytes.Length];
            bytes.CopyTo(padded, offset);
            var encoded = Convert.ToBase64String(padded);
            var first = (int)Math.Ceiling(offset * 8 / 6.0);
            var last = (offset + bytes.Length) * 8 / 6; // exclusive: characters wholly inside the secret's bits
            if (last - first >= MinimumLength)
            {
                yield return encoded[first..last];
            }
        }
    }

    /// <summary>Scans every file under each path (a file or a folder, recursively); paths that do not exist are skipped.</summary>
    public static IReadOnlyList<SecretFinding> Scan(IEnumerable<string> paths, IEnumerable<string?> secrets)
    {
        var needles = secrets
            .OfType<string>()
            .Where(s => s.Length >= MinimumLength)
            .Distinct(StringComparer.Ordinal)
            .SelectMany(Forms)
            .Select(f => (f.Form, Bytes: Encoding.UTF8.GetBytes(f.Text)))
            .ToList();
        if (needles.Count == 0)
        {
            return [];
        }

        var findings = new List<SecretFinding>();
        foreach (var file in paths.SelectMany(Files).Distinct(StringComparer.Ordinal))
        {
            byte[] content;
            try
            {
                content = File.ReadAllBytes(file);
            }
            catch (IOException)
            {
                continue;
            }
            catch (UnauthorizedAccessException)
            {
                continue;
            }

            foreach (var (form, bytes) in needles)
            {
                if (content.AsSpan().IndexOf(bytes) >= 0)
                {
                    findings.Add(new SecretFinding(file, form));
                    break;
                }
            }
        }

        return findings;
    }

    private static IEnumerable<string> Files(string path)
    {
        if (File.Exists(path))
        {
            return [Path.GetFullPath(path)];
        }

        return Directory.Exists(path)
            ? Directory.EnumerateFiles(path, "*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.ReparsePoint })
            : [];
    }
}
