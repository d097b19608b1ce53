using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Conformance.ReferenceServer.Storage.Http;

/// <summary>Reads the plain (non-file) fields of a multipart/form-data body, like Django's request.POST.</summary>
internal static class MultipartForm
{
    public static QueryDict Parse(string contentType, byte[] body)
    {
        try
        {
            var boundary = HeaderUtilities.RemoveQuotes(MediaTypeHeaderValue.Parse(contentType).Boundary).Value;
            if (string.IsNullOrEmpty(boundary))
            {
                return QueryDict.Empty;
            }
            var reader = new MultipartReader(boundary, new MemoryStream(body));
            var pairs = new List<KeyValuePair<string, string>>();
            while (reader.ReadNextSectionAsync().GetAwaiter().GetResult() is { } section)
            {
                if (ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                    && disposition.IsFormDisposition())
                {
                    using var text = new StreamReader(section.Body, Encoding.UTF8);
                    pairs.Add(new(HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? "", text.ReadToEnd()));
                }
            }
            return QueryDict.FromPairs(pairs);
        }
        catch (IOException)
        {
            return QueryDict.Empty;
        }
        catch (InvalidDataException)
        {
            return QueryDict.Empty;
        }
    }
}
