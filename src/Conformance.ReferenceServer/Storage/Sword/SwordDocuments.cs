using System.Globalization;
using System.Security;

namespace Conformance.ReferenceServer.Storage.Sword;

/// <summary>The SWORD2 Atom documents the SS renders from templates (service document, feeds, error document).</summary>
internal static class SwordDocuments
{
    public static string ServiceDocument(IEnumerable<(string Title, string Url)> collections)
    {
        var entries = string.Concat(collections.Select(c =>
            $"    <collection href=\"{Escape(c.Url)}\">\n" +
            $"      <atom:title>{Escape(c.Title)}</atom:title>\n" +
            "      <accept>*/*</accept>\n      <accept alternate=\"multipart-related\">*/*</accept>\n" +
            "      <sword:acceptPackaging>http://purl.org/net/sword/package/METSDSpaceSIP</sword:acceptPackaging>\n" +
            "      <sword:mediation>true</sword:mediation>\n    </collection>\n"));
        return "<?xml version=\"1.0\" encoding='utf-8'?>\n" +
            "<service xmlns:dcterms=\"http://purl.org/dc/terms/\" xmlns:sword=\"http://purl.org/net/sword/terms/\" " +
            "xmlns:atom=\"http://www.w3.org/2005/Atom\" xmlns=\"http://www.w3.org/2007/app\">\n" +
            "  <sword:version>2.0</sword:version>\n  <sword:maxUploadSize>16777216</sword:maxUploadSize>\n" +
            "  <workspace>\n    <atom:title>Archivematica storage service</atom:title>\n" + entries + "  </workspace>\n</service>\n";
    }

    public static string Feed(string title, string url, IEnumerable<(string Title, string Url)> entries)
    {
        var items = string.Concat(entries.Select(e =>
            $"  <entry>\n    <title>{Escape(e.Title)}</title>\n    <id>{Escape(e.Url)}</id>\n    <link rel=\"edit\" href=\"{Escape(e.Url)}\"/>\n  </entry>\n"));
        return "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n" +
            $"  <id>{Escape(url)}</id>\n  <title type=\"text\">{Escape(title)}</title>\n" +
            $"  <updated>{PythonDateTime.Format(PythonDateTime.Now())}</updated>\n  <link rel=\"self\" href=\"{Escape(url)}\"/>\n" + items + "</feed>\n";
    }

    /// <summary>
    /// A &lt;sword:error&gt; reply (text/html; charset=utf-8, as the view never sets a type). Rendering reads
    /// the User-Agent header unguarded: without one, the error path itself fails (500 canned error).
    /// </summary>
    public static Reply Error(StorageRequest request, int status, string summary, string errorType = "ErrorBadRequest")
    {
        var userAgent = request.Header("User-Agent") ?? throw new KeyNotFoundException("HTTP_USER_AGENT");
        var body =
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n" +
            $"<sword:error xmlns=\"http://www.w3.org/2005/Atom\" xmlns:sword=\"http://purl.org/net/sword/terms/\" href=\"http://purl.org/net/sword/error/{errorType}\">\n" +
            "  <title>ERROR</title>\n" +
            $"  <updated>{PythonDateTime.Format(PythonDateTime.Now())}</updated>\n" +
            "  <generator uri=\"https://github.com/artefactual/archivematica-storage-service\" version=\"1\"/>\n" +
            $"  <summary>{Escape(summary)}</summary>\n" +
            "  <sword:treatment>Processing failed</sword:treatment>\n" +
            $"  <sword:verboseDescription>{Escape(summary)}</sword:verboseDescription>\n" +
            $"  <sword:userAgent>{Escape(userAgent)}</sword:userAgent>\n" +
            $"  <link rel=\"alternate\" href=\"https://www.archivematica.org\" type=\"text/html\"/>\n" +
            $"  <status>{status.ToString(CultureInfo.InvariantCulture)}</status>\n" +
            "</sword:error>\n";
        return Reply.Text(status, body);
    }

    private static string Escape(string text) => SecurityElement.Escape(text) ?? "";
}
