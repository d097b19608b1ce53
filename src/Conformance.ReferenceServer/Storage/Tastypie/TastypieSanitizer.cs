using System.Text;

namespace Conformance.ReferenceServer.Storage.Tastypie;

/// <summary>
/// tastypie.resources.sanitize, which wrap_view applies to every 400 {"error": ...} message: Django's
/// escape() (html.escape of str(value)) with the quotes put back, so only &amp;, &lt; and &gt; stay escaped.
/// A ValidationError's messages are a list, so the answer is the escaped repr of that list.
/// </summary>
internal static class TastypieSanitizer
{
    public static string Sanitize(string message) => EscapeKeepingQuotes(message);

    public static string Sanitize(IEnumerable<string> messages) => EscapeKeepingQuotes(PythonRepr.OfList(messages));

    private static string EscapeKeepingQuotes(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                _ => c.ToString(),
            });
        }
        return builder.ToString();
    }
}
