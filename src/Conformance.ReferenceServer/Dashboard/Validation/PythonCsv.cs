using System.Text;

namespace Conformance.ReferenceServer.Dashboard.Validation;

/// <summary>A document the CSV reader itself rejects (<c>_csv.Error</c>).</summary>
internal sealed class CsvFormatException(string message) : Exception(message);

/// <summary>
/// Python's <c>csv.reader(StringIO(text))</c> with the default excel dialect: comma, double quote,
/// doubled quotes inside quotes, non-strict. Input is consumed line by line (split after "\n"),
/// a blank line yields an empty row, a newline inside quotes is kept, and an unquoted field
/// containing a lone "\r" mid-line is an error.
/// </summary>
internal static class PythonCsv
{
    private enum ParseState
    {
        StartRecord,
        StartField,
        InField,
        InQuotedField,
        QuoteInQuotedField,
        EatNewline,
    }

    public static List<List<string>> Read(string text)
    {
        var rows = new List<List<string>>();
        var position = 0;
        while (position < text.Length)
        {
            var end = text.IndexOf('\n', position);
            end = end < 0 ? text.Length : end + 1;
            ReadRecord(text, ref position, end, rows);
        }
        return rows;
    }

    /// <summary>Reads one record, which may take further lines when a quoted field spans them.</summary>
    private static void ReadRecord(string text, ref int position, int lineEnd, List<List<string>> rows)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var state = ParseState.StartRecord;
        while (true)
        {
            for (; position < lineEnd; position++)
            {
                state = Step(state, text[position], fields, field);
            }
            state = Step(state, null, fields, field); // end of line
            if (state == ParseState.StartRecord)
            {
                rows.Add(fields);
                return;
            }
            if (position >= text.Length)
            {
                // End of data inside a quoted field: non-strict readers keep what they have.
                fields.Add(field.ToString());
                rows.Add(fields);
                return;
            }
            var next = text.IndexOf('\n', position);
            lineEnd = next < 0 ? text.Length : next + 1;
        }
    }

    private static ParseState Step(ParseState state, char? c, List<string> fields, StringBuilder field)
    {
        var newline = c is '\n' or '\r';
        switch (state)
        {
            case ParseState.StartRecord:
                if (c is null)
                {
                    return ParseState.StartRecord;
                }
                if (newline)
                {
                    return ParseState.EatNewline;
                }
                goto case ParseState.StartField;
            case ParseState.StartField:
                if (c is null || newline)
                {
                    Save(fields, field);
                    return c is null ? ParseState.StartRecord : ParseState.EatNewline;
                }
                if (c == '"')
                {
                    return ParseState.InQuotedField;
                }
                if (c == ',')
                {
                    Save(fields, field);
                    return ParseState.StartField;
                }
                field.Append(c.Value);
                return ParseState.InField;
            case ParseState.InField:
                if (c is null || newline)
                {
                    Save(fields, field);
                    return c is null ? ParseState.StartRecord : ParseState.EatNewline;
                }
                if (c == ',')
                {
                    Save(fields, field);
                    return ParseState.StartField;
                }
                field.Append(c.Value);
                return ParseState.InField;
            case ParseState.InQuotedField:
                if (c is null)
                {
                    return ParseState.InQuotedField;
                }
                if (c == '"')
                {
                    return ParseState.QuoteInQuotedField;
                }
                field.Append(c.Value);
                return ParseState.InQuotedField;
            case ParseState.QuoteInQuotedField:
                if (c == '"')
                {
                    field.Append('"');
                    return ParseState.InQuotedField;
                }
                if (c == ',')
                {
                    Save(fields, field);
                    return ParseState.StartField;
                }
                if (c is null || newline)
                {
                    Save(fields, field);
                    return c is null ? ParseState.StartRecord : ParseState.EatNewline;
                }
                field.Append(c.Value);
                return ParseState.InField;
            default: // EatNewline
                if (newline)
                {
                    return ParseState.EatNewline;
                }
                if (c is null)
                {
                    return ParseState.StartRecord;
                }
                throw new CsvFormatException("new-line character seen in unquoted field - do you need to open the file in universal-newline mode?");
        }
    }

    private static void Save(List<string> fields, StringBuilder field)
    {
        fields.Add(field.ToString());
        field.Clear();
    }
}
