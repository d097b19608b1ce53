using System.Text;
using System.Text.Json.Nodes;

namespace Conformance.ReferenceServer.Storage.Resources;

/// <summary>
/// Space.browse for local filesystems (path2browse_dict): visible entries sorted case-insensitively,
/// directories among them, and per-entry properties (size; object count for directories).
/// </summary>
internal static class Browsing
{
    public static JsonObject List(VirtualFileSystem disk, string path)
    {
        var entries = new List<string>();
        var directories = new JsonArray();
        var properties = new JsonObject();
        if (disk.IsDirectory(path))
        {
            entries = disk.Children(path).Where(name => !name.StartsWith('.')).OrderBy(name => name.ToLowerInvariant(), StringComparer.Ordinal).ToList();
        }
        foreach (var name in entries)
        {
            var full = PosixPath.Join(path, name);
            var entry = new JsonObject { ["size"] = disk.Size(full) };
            if (disk.IsDirectory(full))
            {
                directories.Add(name);
                entry["object count"] = disk.FilesUnder(full).Count();
            }
            properties[name] = entry;
        }
        return new JsonObject
        {
            ["directories"] = directories,
            ["entries"] = new JsonArray([.. entries.Select(e => (JsonNode)e)]),
            ["properties"] = properties,
        };
    }

    /// <summary>v2: base64 entries and directories; location browse also encodes the property keys.</summary>
    public static JsonObject Encode(JsonObject listing, bool encodePropertyKeys)
    {
        static JsonArray EncodeAll(JsonNode? names) => new([.. names!.AsArray().Select(n => (JsonNode)Base64(n!.GetValue<string>()))]);
        var properties = new JsonObject();
        foreach (var (key, value) in listing["properties"]!.AsObject())
        {
            properties[encodePropertyKeys ? Base64(key) : key] = value?.DeepClone();
        }
        return new JsonObject
        {
            ["directories"] = EncodeAll(listing["directories"]),
            ["entries"] = EncodeAll(listing["entries"]),
            ["properties"] = properties,
        };
    }

    public static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    /// <summary>Python base64.b64decode(...).decode("utf8"): non-alphabet characters dropped; bad padding or UTF-8 → ValueError (500).</summary>
    public static string DecodeBase64(string text)
    {
        var filtered = new string(text.Where(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '/' or '=').ToArray());
        var bytes = Convert.FromBase64String(filtered);
        return new UTF8Encoding(false, true).GetString(bytes);
    }
}
