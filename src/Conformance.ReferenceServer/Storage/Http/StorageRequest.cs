using System.Text;
using Microsoft.AspNetCore.Http;

namespace Conformance.ReferenceServer.Storage.Http;

/// <summary>
/// What the emulated Django/tastypie stack sees of a request: the decoded path, the raw query as a
/// QueryDict, the buffered body, and request.POST (only filled for urlencoded/multipart POSTs).
/// </summary>
internal sealed class StorageRequest
{
    private StorageRequest(HttpContext context, byte[] body, QueryDict form)
    {
        Context = context;
        Method = context.Request.Method.ToUpperInvariant();
        Path = context.Request.Path.Value ?? "/";
        RawQuery = context.Request.QueryString.Value ?? "";
        Query = QueryDict.Parse(RawQuery);
        Body = body;
        Form = form;
    }

    public HttpContext Context { get; }

    /// <summary>The method as received (upper case); tastypie list/detail dispatch may override it.</summary>
    public string Method { get; set; }

    public string Path { get; }

    public string RawQuery { get; }

    public QueryDict Query { get; }

    public QueryDict Form { get; }

    public byte[] Body { get; }

    public string? ContentType => Context.Request.ContentType;

    public static async Task<StorageRequest> ReadAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        var body = buffer.ToArray();
        return new StorageRequest(context, body, ParseForm(context, body));
    }

    public string? Header(string name) =>
        Context.Request.Headers.TryGetValue(name, out var values) && values.Count > 0 ? values.ToString() : null;

    /// <summary>Absolute URI of a server path, like request.build_absolute_uri (used by SWORD documents).</summary>
    public string AbsoluteUri(string path) => $"{Context.Request.Scheme}://{Context.Request.Host}{path}";

    /// <summary>Django parses request.POST only for POST with a form content type.</summary>
    private static QueryDict ParseForm(HttpContext context, byte[] body)
    {
        if (!HttpMethods.IsPost(context.Request.Method) || context.Request.ContentType is not { } contentType)
        {
            return QueryDict.Empty;
        }
        var mediaType = contentType.Split(';')[0].Trim();
        if (mediaType.Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
        {
            return QueryDict.Parse(Encoding.UTF8.GetString(body));
        }
        if (mediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            return MultipartForm.Parse(contentType, body);
        }
        return QueryDict.Empty;
    }
}
