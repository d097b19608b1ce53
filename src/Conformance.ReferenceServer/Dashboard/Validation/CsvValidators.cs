namespace Conformance.ReferenceServer.Dashboard.Validation;

/// <summary>The document is invalid; the message is the <c>reason</c> of the 400 answer.</summary>
internal sealed class CsvValidationException(string message) : Exception(message);

/// <summary>
/// Ports of the dashboard's validators (<c>components/api/validators.py</c>), quirks included: blank
/// header cells are dropped while checking, and a missing column or short row makes the original
/// crash (IndexError/TypeError), which the view reports as an unexpected error, not as invalid.
/// </summary>
internal static class CsvValidators
{
    public static readonly IReadOnlyList<string> Names = ["avalon", "rights"];

    public static Action<string>? Find(string name) => name switch
    {
        "avalon" => ValidateAvalon,
        "rights" => ValidateRights,
        _ => null,
    };

    /// <summary>
    /// Avalon Media System manifest: row 1 administrative data (reference name, author), row 2 the
    /// metadata headers, then one row per item. Valid needs at least those three rows.
    /// </summary>
    public static void ValidateAvalon(string document)
    {
        var rows = PythonCsv.Read(document);
        List<int> fileColumns = [], operationalColumns = [];
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            if (i == 0)
            {
                if (row.Count < 2 || row[0].Length == 0 || row[1].Length == 0)
                {
                    throw new CsvValidationException("Administrative data must include reference name and author.");
                }
            }
            if (i == 1)
            {
                CheckAvalonHeader(row);
                fileColumns = [.. Enumerable.Range(0, row.Count).Where(c => row[c] == "File")];
                operationalColumns = [.. Enumerable.Range(0, row.Count).Where(c => row[c] is "Publish" or "Hidden")];
                CheckAvalonPairs(row);
            }
            if (i >= 2)
            {
                foreach (var c in fileColumns)
                {
                    var value = row[c];
                    if (value.Count(ch => ch == '.') > 1 && !new[] { ".high.", ".medium.", ".low" }.Any(q => value.Contains(q, StringComparison.Ordinal)))
                    {
                        throw new CsvValidationException("Filepath " + value + " contains more than one period.");
                    }
                }
                foreach (var c in operationalColumns)
                {
                    var value = row[c];
                    if (value.Length > 0 && value.ToLowerInvariant() is not ("yes" or "no"))
                    {
                        throw new CsvValidationException("Publish/Hidden fields must have boolean value (yes or no). Value is " + value);
                    }
                }
            }
        }
        EnsureRows(rows.Count, 3);
    }

    private static readonly string[] AvalonHeaders =
    [
        "Bibliographic ID", "Bibliographic ID Label", "Other Identifier", "Other Identifier Type", "Title",
        "Creator", "Contributor", "Genre", "Publisher", "Date Created", "Date Issued", "Abstract", "Language",
        "Physical Description", "Related Item URL", "Related Item Label", "Topical Subject", "Geographic Subject",
        "Temporal Subject", "Terms of Use", "Table of Contents", "Statement of Responsibility", "Note", "Note Type",
        "Publish", "Hidden", "File", "Label", "Offset", "Skip Transcoding", "Absolute Location", "Date Ingested",
    ];

    private static readonly string[] AvalonUniqueHeaders =
    [
        "Bibliographic ID", "Bibliographic ID Label", "Title", "Date Created", "Date Issued", "Abstract",
        "Physical Description", "Terms of Use",
    ];

    private static void CheckAvalonHeader(List<string> row)
    {
        var repeated = row.GroupBy(h => h).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        DropBlanks(row, "Header fields cannot have leading or trailing blanks. Invalid field: ");
        var invalid = row.Except(AvalonHeaders).ToList();
        if (invalid.Count > 0)
        {
            throw new CsvValidationException("Manifest includes invalid metadata field(s). Invalid field(s): " + string.Join(",", invalid));
        }
        if (AvalonUniqueHeaders.Any(repeated.Contains))
        {
            throw new CsvValidationException("A non-repeatable header field is repeated. Repeating field(s): " + string.Join(",", repeated));
        }
        if (!new[] { "Title", "Date Issued", "File" }.All(row.Contains) && !row.Contains("Bibliographic ID"))
        {
            throw new CsvValidationException("One of the required headers is missing: Title, Date Issued, File.");
        }
    }

    private static void CheckAvalonPairs(List<string> row)
    {
        foreach (var field in row)
        {
            var (pair, label) = field switch
            {
                "Other Identifier Type" => ("Other Identifier", field),
                "Related Item Label" => ("Related Item URL", field),
                "Note Type" => ("Note", field),
                _ => (null, null),
            };
            if (pair is not null && !row.Contains(pair))
            {
                throw new CsvValidationException(label + " field missing its required pair.");
            }
        }
    }

    /// <summary>
    /// PREMIS rights CSV: a header of known columns including <c>file</c> and <c>basis</c>, then at least
    /// one row; copyright and statute rows need their specific fields, grants a valid restriction.
    /// The columns of the dashboard's rights template are
    /// <c>file,basis,status,determination_date,jurisdiction,start_date,end_date,terms,citation,note,grant_act,grant_restriction,grant_start_date,grant_end_date,grant_note,doc_id_type,doc_id_value,doc_id_role</c>.
    /// </summary>
    public static void ValidateRights(string document)
    {
        var rows = PythonCsv.Read(document);
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            if (i == 0)
            {
                CheckRightsHeader(row);
                for (var c = 0; c < row.Count; c++)
                {
                    columns[row[c]] = c;
                }
                continue;
            }
            var basis = Cell(row, columns, "basis");
            if (basis.Length == 0)
            {
                throw new CsvValidationException("No basis specified.");
            }
            switch (basis.ToLowerInvariant())
            {
                case "copyright":
                    if (Cell(row, columns, "status").Length == 0)
                    {
                        throw new CsvValidationException("No copyright status specified for copyright basis.");
                    }
                    if (Cell(row, columns, "jurisdiction").Length == 0)
                    {
                        throw new CsvValidationException("No jurisdiction specified for copyright basis.");
                    }
                    if (AnyFilled(row, columns, "terms", "citation"))
                    {
                        throw new CsvValidationException("Copyright row contains fields that cannot pertain to copyright basis.");
                    }
                    break;
                case "statute":
                    if (Cell(row, columns, "citation").Length == 0)
                    {
                        throw new CsvValidationException("No statute citation specified for statute basis.");
                    }
                    if (Cell(row, columns, "jurisdiction").Length == 0)
                    {
                        throw new CsvValidationException("No jurisdiction specified for statute basis.");
                    }
                    if (AnyFilled(row, columns, "terms", "status"))
                    {
                        throw new CsvValidationException("Statute row contains fields that cannot pertain to statute basis.");
                    }
                    break;
                default:
                    break;
            }
            if (AnyFilled(row, columns, "doc_id_type", "doc_id_value", "doc_id_role")
                && Cell(row, columns, "doc_id_type").Length == 0 && Cell(row, columns, "doc_id_value").Length == 0)
            {
                throw new CsvValidationException("Documentation identifier type and value are required.");
            }
            if (AnyFilled(row, columns, "grant_act", "grant_restriction", "grant_start_date", "grant_end_date", "grant_note"))
            {
                var restriction = Cell(row, columns, "grant_restriction");
                if (restriction.Length == 0)
                {
                    throw new CsvValidationException("No restriction specified.");
                }
                if (restriction.ToLowerInvariant() is not ("disallow" or "conditional" or "allow"))
                {
                    throw new CsvValidationException("The value of element restriction must be: 'allow', 'disallow', or 'conditional'");
                }
            }
        }
        EnsureRows(rows.Count, 2);
    }

    private static readonly string[] RightsColumns =
    [
        "file", "basis", "status", "determination_date", "start_date", "end_date", "jurisdiction", "terms",
        "citation", "note", "grant_act", "grant_restriction", "grant_start_date", "grant_end_date", "grant_note",
        "doc_id_type", "doc_id_value", "doc_id_role",
    ];

    private static void CheckRightsHeader(List<string> row)
    {
        DropBlanks(row, "Columns cannot have leading or trailing blanks. Invalid column: ");
        var invalid = row.Except(RightsColumns).ToList();
        if (invalid.Count > 0)
        {
            throw new CsvValidationException("Invalid column(s) found: " + string.Join(",", invalid));
        }
        if (!row.Contains("file") || !row.Contains("basis"))
        {
            throw new CsvValidationException("One of the required columns is missing: file, basis");
        }
    }

    /// <summary>
    /// The original's <c>for x in row: while "" in row: row.remove("")</c> loop: blank cells are removed
    /// while iterating, and a blank one reached by the iterator crashes on <c>x[0]</c>.
    /// </summary>
    private static void DropBlanks(List<string> row, string message)
    {
        for (var i = 0; i < row.Count; i++)
        {
            var x = row[i];
            row.RemoveAll(cell => cell.Length == 0);
            if (x.Length == 0)
            {
                throw new InvalidOperationException("string index out of range");
            }
            if (x[0] == ' ' || x[^1] == ' ')
            {
                throw new CsvValidationException(message + x);
            }
        }
    }

    /// <summary><c>row[columns.get(name)]</c>: a missing column or a short row crashes.</summary>
    private static string Cell(List<string> row, Dictionary<string, int> columns, string name) =>
        columns.TryGetValue(name, out var index)
            ? row[index]
            : throw new InvalidOperationException("list indices must be integers or slices, not NoneType");

    /// <summary>Evaluates every field (as the original's list comprehension does), then tests any.</summary>
    private static bool AnyFilled(List<string> row, Dictionary<string, int> columns, params string[] names) =>
        names.Select(n => Cell(row, columns, n)).ToList().Exists(v => v.Length > 0);

    private static void EnsureRows(int count, int minimum)
    {
        if (count == 0)
        {
            throw new CsvValidationException("The document is empty.");
        }
        if (count < minimum)
        {
            throw new CsvValidationException("The document is incomplete.");
        }
    }
}
