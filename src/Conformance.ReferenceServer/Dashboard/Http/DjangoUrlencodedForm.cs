using System.Text;
using Conformance.ReferenceServer.Storage.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace Conformance.ReferenceServer.Dashboard.Http;

/// <summary>
/// Django's <c>request.POST</c> for an urlencoded body (<c>QueryDict.__init__</c> on Python 3.9.2+):
/// the body is UTF-8, or Latin-1 when it is not; <c>parse_qsl</c> splits on "&amp;" only, keeps blank
/// values, turns "+" into a space and decodes escapes as UTF-8 with <c>errors='replace'</c>
/// (<see cref="QueryDict.ParseUrlencoded"/>). Unlike
/// ASP.NET's form reader it keeps "%00": a NUL reaches the view, as it does in Django.
/// </summary>
internal static class DjangoUrlencodedForm
{
    public static IFormCollection Parse(byte[] body)
    {
        string text;
        try
        {
            text = new UTF8Encoding(false, true).GetString(body);
        }
        catch (DecoderFallbackException)
        {
            text = Encoding.Latin1.GetString(body);
        }

        var fields = new Dictionary<string, StringValues>(StringComparer.Ordinal);
        foreach (var (name, value) in QueryDict.ParseUrlencoded(text).Pairs)
        {
            fields[name] = fields.TryGetValue(name, out var values) ? StringValues.Concat(values, value) : new StringValues(value);
        }
        return new FormCollection(fields);
    }
}
