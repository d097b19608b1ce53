using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Conformance.Framework.Reports;

/// <summary>
/// Writes an Allure results folder: one <c>&lt;uuid&gt;-result.json</c> per test with its
/// <c>&lt;uuid&gt;-attachment.&lt;ext&gt;</c> files, and <c>categories.json</c>,
/// <c>executor.json</c>, <c>environment.properties</c> and <c>&lt;uuid&gt;-globals.json</c> for the run. Thread-safe: every file has a
/// unique name. Results and run files appear whole (temporary file, then rename); an attachment is
/// written before the result that names it, so no reader meets a result whose attachment is not
/// complete. Every byte written passes <see cref="Redactor"/> here, whatever the caller already did.
/// </summary>
public sealed class AllureResultsWriter
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public AllureResultsWriter(string directory) => Directory = Path.GetFullPath(directory);

    public string Directory { get; }

    /// <summary>
    /// Creates the folder, or empties it of what an earlier run wrote. A folder holding nothing but
    /// Allure files is renamed away at once; the returned action deletes it, once this run's files
    /// are written (thousands of deletions while thousands of files are created make every creation
    /// slow on ext4). Otherwise only Allure's own file names are removed, so a folder set by mistake
    /// to somewhere else loses nothing else.
    /// </summary>
    public Action Prepare()
    {
        if (System.IO.Directory.Exists(Directory)
            && !System.IO.Directory.EnumerateDirectories(Directory).Any()
            && System.IO.Directory.EnumerateFiles(Directory).All(f => IsAllureFile(Path.GetFileName(f))))
        {
            var folder = Directory.TrimEnd(Path.DirectorySeparatorChar);
            var earlier = $"{folder}.earlier-{Guid.NewGuid():N}";
            // Left behind by a run that was killed before its end.
            var abandoned = System.IO.Directory.GetDirectories(Path.GetDirectoryName(folder)!, Path.GetFileName(folder) + ".earlier-*");
            try
            {
                System.IO.Directory.Move(Directory, earlier);
                System.IO.Directory.CreateDirectory(Directory);
                return () =>
                {
                    foreach (var old in abandoned.Append(earlier))
                    {
                        System.IO.Directory.Delete(old, recursive: true);
                    }
                };
            }
            catch (IOException)
            {
                // A mount point or a folder in use cannot be renamed: empty it file by file below.
            }
        }

        System.IO.Directory.CreateDirectory(Directory);
        foreach (var file in System.IO.Directory.EnumerateFiles(Directory).Where(f => IsAllureFile(Path.GetFileName(f))).ToList())
        {
            File.Delete(file);
        }

        return () => { };
    }

    public static bool IsAllureFile(string name) =>
        name.EndsWith("-result.json", StringComparison.Ordinal)
        || name.EndsWith("-container.json", StringComparison.Ordinal)
        || name.EndsWith("-globals.json", StringComparison.Ordinal)
        || name.Contains("-attachment", StringComparison.Ordinal)
        || name is "categories.json" or "executor.json" or "environment.properties" or "environment.xml"
        || name.EndsWith(".tmp", StringComparison.Ordinal);

    /// <summary>Attachments first, so a reader never meets a result whose attachment is not there yet.</summary>
    public void Write(AllureOutput output)
    {
        foreach (var (source, content) in output.Files)
        {
            WriteText(source, content, whole: false);
        }

        WriteJson($"{output.Result.Uuid}-result.json", output.Result);
    }

    /// <summary>Attachments of the whole run (<see cref="AllureGlobals"/>): each file, then one globals file naming them all.</summary>
    public void WriteGlobals(IReadOnlyList<PendingAttachment> attachments, DateTimeOffset at)
    {
        if (attachments.Count == 0)
        {
            return;
        }

        var named = new List<AllureGlobalAttachment>();
        foreach (var attachment in attachments)
        {
            var source = $"{Guid.NewGuid()}-attachment.{attachment.Extension}";
            WriteText(source, attachment.Content, whole: false);
            named.Add(new AllureGlobalAttachment(attachment.Name, source, attachment.MediaType, at.ToUnixTimeMilliseconds()));
        }

        WriteJson($"{Guid.NewGuid()}-globals.json", new AllureGlobals(named, []));
    }

    public void WriteCategories(IReadOnlyList<AllureCategory> categories) => WriteJson("categories.json", categories);

    public void WriteExecutor(AllureExecutor executor) => WriteJson("executor.json", executor);

    /// <summary>environment.properties: one "key=value" line each, Java properties escaping.</summary>
    public void WriteEnvironment(IEnumerable<KeyValuePair<string, string>> entries)
    {
        var text = new StringBuilder();
        foreach (var (key, value) in entries)
        {
            text.Append(EscapeProperty(key, isKey: true)).Append('=').Append(EscapeProperty(Redactor.Redact(value), isKey: false)).Append('\n');
        }

        WriteText("environment.properties", text.ToString());
    }

    // Redacts every string value, not the serialized text: a pattern run over JSON could eat the
    // backslash of an escaped quote and leave the file unreadable.
    private void WriteJson<T>(string name, T value)
    {
        var node = JsonSerializer.SerializeToNode(value, AllureJson.Options);
        WriteFile(name, node is null ? "null" : RedactStrings(node).ToJsonString(AllureJson.Options));
    }

    private void WriteText(string name, string content, bool whole = true) => WriteFile(name, Redactor.Redact(content), whole);

    private void WriteFile(string name, string content, bool whole = true)
    {
        var path = Path.Combine(Directory, name);
        if (!whole)
        {
            File.WriteAllText(path, content, Utf8);
            return;
        }

        var temporary = path + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp";
        File.WriteAllText(temporary, content, Utf8);
        File.Move(temporary, path, overwrite: true);
    }

    private static JsonNode RedactStrings(JsonNode node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var key in obj.Select(p => p.Key).ToList())
                {
                    if (obj[key] is { } child)
                    {
                        var redacted = RedactStrings(child);
                        if (!ReferenceEquals(redacted, child))
                        {
                            obj[key] = redacted;
                        }
                    }
                }

                return obj;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is { } child)
                    {
                        var redacted = RedactStrings(child);
                        if (!ReferenceEquals(redacted, child))
                        {
                            array[i] = redacted;
                        }
                    }
                }

                return array;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                var text = value.GetValue<string>();
                var masked = Redactor.Redact(text);
                return masked == text ? value : JsonValue.Create(masked);
            default:
                return node;
        }
    }

    private static string EscapeProperty(string text, bool isKey)
    {
        var escaped = new StringBuilder();
        foreach (var c in text)
        {
            escaped.Append(c switch
            {
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                '=' or ':' or ' ' or '#' or '!' when isKey => "\\" + c,
                < ' ' or > '~' => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }

        return escaped.ToString();
    }
}
