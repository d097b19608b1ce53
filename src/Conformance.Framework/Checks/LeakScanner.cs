using System.Text.RegularExpressions;

namespace Conformance.Framework.Checks;

/// <summary>
/// Finds what an answer must never carry (INPUT-02): a debug page, a stack trace, a database error,
/// a server-side source path. Patterns are specific to each stack (Django/Python, SQL drivers, .NET,
/// Java) so that the paths the contract itself returns (/var/archivematica/sharedDirectory/...) are
/// not mistaken for leaks.
/// </summary>
public static partial class LeakScanner
{
    private static readonly (string What, Regex Pattern)[] Patterns =
    [
        ("a Django debug page", DjangoDebug()),
        ("a Python stack trace", PythonTraceback()),
        ("a Python source location", PythonFrame()),
        ("a Django exception name", DjangoException()),
        ("a database error", DatabaseError()),
        ("a server-side source path", SourcePath()),
        ("a .NET exception or stack trace", DotNet()),
        ("a Java stack trace", Java()),
    ];

    /// <summary>What leaked and the text that shows it, or null when nothing did.</summary>
    public static (string What, string Evidence)? Find(string body)
    {
        foreach (var (what, pattern) in Patterns)
        {
            if (pattern.Match(body) is { Success: true } match)
            {
                return (what, match.Value.Length > 120 ? match.Value[..120] + "…" : match.Value);
            }
        }

        return null;
    }

    [GeneratedRegex(@"You're seeing this error because you have <code>DEBUG = True</code>|<title>[^<]*(Error|Exception|DoesNotExist)[^<]* at /[^<]*</title>|id=""traceback_area""", RegexOptions.IgnoreCase)]
    private static partial Regex DjangoDebug();

    [GeneratedRegex(@"Traceback \(most recent call last\)")]
    private static partial Regex PythonTraceback();

    [GeneratedRegex(@"File ""[^""]+\.py"", line \d+")]
    private static partial Regex PythonFrame();

    [GeneratedRegex(@"\bdjango\.(db|core|http|urls|template|utils)\.[\w.]*(Error|Exception|DoesNotExist)\b")]
    private static partial Regex DjangoException();

    [GeneratedRegex(@"You have an error in your SQL syntax|\b(psycopg2?|pymysql|MySQLdb|sqlite3)\.\w+|\bSQLSTATE\[|\bORA-\d{5}\b|\bOperationalError: \(\d+|\bIntegrityError: ", RegexOptions.IgnoreCase)]
    private static partial Regex DatabaseError();

    [GeneratedRegex(@"/usr/(local/)?lib/python\d|/(site|dist)-packages/|/src/(dashboard|MCPServer|MCPClient|archivematicaCommon)/|/storage_service/\w+/\w+\.py|\b[A-Z]:\\[^\s""]*\\[\w.]+\.(cs|py)\b")]
    private static partial Regex SourcePath();

    [GeneratedRegex(@"\bSystem\.[A-Z]\w+(\.\w+)*Exception\b|^\s+at [A-Z][\w.]+\.[\w<>`]+\(.*\) in .+:line \d+", RegexOptions.Multiline)]
    private static partial Regex DotNet();

    [GeneratedRegex(@"\bjava\.lang\.\w+(Exception|Error)\b|^\s+at (java|org|com)\.[\w.$]+\(", RegexOptions.Multiline)]
    private static partial Regex Java();
}
