using System.Globalization;
using System.Numerics;
using System.Text.Json.Nodes;

namespace Conformance.ReferenceServer.Storage.Tastypie;

/// <summary>
/// tastypie Paginator: limit (default 20, 0 or &gt;1000 → 1000), offset, total_count, and relative
/// next/previous links that repeat every original query parameter (credentials included) with
/// limit/offset replaced and appended last.
/// </summary>
internal static class Paginator
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 1000;

    public static JsonObject Page<T>(QueryDict query, string resourceUri, IReadOnlyList<T> objects, Func<T, JsonNode> dehydrate)
    {
        var limit = Limit(query);
        var offset = Offset(query);
        var count = objects.Count;
        var page = offset >= count ? [] : objects.Skip((int)offset).Take(limit).Select(dehydrate).ToList();
        var meta = new JsonObject
        {
            ["limit"] = limit,
            ["next"] = offset + limit >= count ? null : Uri(query, resourceUri, limit, offset + limit),
            ["offset"] = (long)BigInteger.Min(offset, long.MaxValue),
            ["previous"] = offset - limit < 0 ? null : Uri(query, resourceUri, limit, offset - limit),
            ["total_count"] = count,
        };
        return new JsonObject { ["meta"] = meta, ["objects"] = new JsonArray([.. page]) };
    }

    private static int Limit(QueryDict query)
    {
        var raw = query.Get("limit") ?? DefaultLimit.ToString(CultureInfo.InvariantCulture);
        if (!PythonInt.TryParse(raw, out var limit))
        {
            throw new TastypieBadRequestException($"Invalid limit '{raw}' provided. Please provide a positive integer.");
        }
        if (limit < 0)
        {
            throw new TastypieBadRequestException($"Invalid limit '{raw}' provided. Please provide a positive integer >= 0.");
        }
        return limit == 0 || limit > MaxLimit ? MaxLimit : (int)limit;
    }

    private static BigInteger Offset(QueryDict query)
    {
        var raw = query.Get("offset") ?? "0";
        if (!PythonInt.TryParse(raw, out var offset))
        {
            throw new TastypieBadRequestException($"Invalid offset '{raw}' provided. Please provide an integer.");
        }
        if (offset < 0)
        {
            throw new TastypieBadRequestException($"Invalid offset '{raw}' provided. Please provide a positive integer >= 0.");
        }
        return offset;
    }

    private static string Uri(QueryDict query, string resourceUri, int limit, BigInteger offset)
    {
        var parameters = query.With(
            ["limit", "offset"],
            new KeyValuePair<string, string>("limit", limit.ToString(CultureInfo.InvariantCulture)),
            new KeyValuePair<string, string>("offset", offset.ToString(CultureInfo.InvariantCulture)));
        return resourceUri + "?" + parameters.UrlEncode();
    }
}
