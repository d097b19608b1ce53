namespace Conformance.ReferenceServer.Dashboard.Http;

/// <summary>Stand-ins for the dashboard's <c>404.html</c> and <c>500.html</c> templates (DEBUG off).</summary>
internal static class HtmlPages
{
    public const string NotFound = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
          <meta charset="utf-8">
          <title>Archivematica Dashboard - Page not found</title>
        </head>
        <body>
          <div class="container">
            <h1>Page not found</h1>
            <p>The page you requested could not be found.</p>
          </div>
        </body>
        </html>

        """;

    public const string ServerError = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
          <meta charset="utf-8">
          <title>Archivematica Dashboard - Server error</title>
        </head>
        <body>
          <div class="container">
            <h1>Server error</h1>
            <p>An unexpected error occurred while processing your request.</p>
          </div>
        </body>
        </html>

        """;
}
