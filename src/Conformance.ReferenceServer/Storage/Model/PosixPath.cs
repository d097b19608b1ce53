namespace Conformance.ReferenceServer.Storage.Model;

/// <summary>Python os.path semantics for POSIX paths (join, normpath, basename, splitext).</summary>
internal static class PosixPath
{
    /// <summary>os.path.join: an absolute later part discards what came before.</summary>
    public static string Join(string first, params string[] rest)
    {
        var path = first;
        foreach (var part in rest)
        {
            if (part.StartsWith('/'))
            {
                path = part;
            }
            else if (path.Length == 0 || path.EndsWith('/'))
            {
                path += part;
            }
            else
            {
                path += "/" + part;
            }
        }
        return path;
    }

    /// <summary>os.path.normpath: collapses "//", "." and "..".</summary>
    public static string Normalize(string path)
    {
        if (path.Length == 0)
        {
            return ".";
        }
        var absolute = path.StartsWith('/');
        var parts = new List<string>();
        foreach (var part in path.Split('/'))
        {
            if (part.Length == 0 || part == ".")
            {
                continue;
            }
            if (part == "..")
            {
                if (parts.Count > 0 && parts[^1] != "..")
                {
                    parts.RemoveAt(parts.Count - 1);
                }
                else if (!absolute)
                {
                    parts.Add(part);
                }
                continue;
            }
            parts.Add(part);
        }
        var joined = string.Join('/', parts);
        return absolute ? "/" + joined : (joined.Length == 0 ? "." : joined);
    }

    public static string BaseName(string path)
    {
        var slash = path.LastIndexOf('/');
        return slash >= 0 ? path[(slash + 1)..] : path;
    }

    /// <summary>os.path.splitext(name)[1]: the extension with its dot, or "" (leading dots do not count).</summary>
    public static string Extension(string path)
    {
        var name = BaseName(path);
        var dot = name.LastIndexOf('.');
        return dot > 0 && name[..dot].Trim('.').Length > 0 ? name[dot..] : "";
    }

    /// <summary>True when <paramref name="path"/>, normalised, is <paramref name="root"/> or inside it.</summary>
    public static bool IsInside(string root, string path)
    {
        var normalRoot = Normalize(root);
        var normalPath = Normalize(path);
        return normalRoot == "/" ? normalPath.StartsWith('/')
            : normalPath == normalRoot || normalPath.StartsWith(normalRoot + "/", StringComparison.Ordinal);
    }

    /// <summary>
    /// The Storage Service's _is_relative_path (browse/): Path(path).resolve().relative_to(Path(root).resolve()),
    /// where resolve() raises ValueError on an embedded NUL, which the helper counts as not relative.
    /// </summary>
    public static bool IsRelativePath(string root, string path) =>
        !root.Contains('\0', StringComparison.Ordinal) && !path.Contains('\0', StringComparison.Ordinal) && IsInside(root, path);
}
