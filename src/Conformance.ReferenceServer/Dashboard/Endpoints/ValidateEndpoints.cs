using System.Text;
using System.Text.Json.Nodes;

namespace Conformance.ReferenceServer.Dashboard.Endpoints;

/// <summary><c>v2beta/validate/{validator}</c>: checks a CSV document, stores nothing.</summary>
internal static class ValidateEndpoints
{
    public static Reply Validate(DashboardRequest request)
    {
        var validator = CsvValidators.Find(request.RouteValue("validator"));
        if (validator is null)
        {
            return DashboardReply.Error("Unknown validator. Accepted values: " + string.Join(",", CsvValidators.Names), 404);
        }
        var (mediaType, parameters) = ParseHeader(request.Header("Content-Type") ?? "");
        if (mediaType != "text/csv" || parameters.GetValueOrDefault("charset") != "utf-8")
        {
            return DashboardReply.Error("Content type should be \"text/csv; charset=utf-8\"");
        }
        try
        {
            validator(new UTF8Encoding(false, true).GetString(request.Body));
        }
        catch (CsvValidationException invalid)
        {
            return DashboardReply.JsonBody(new JsonObject { ["valid"] = false, ["reason"] = invalid.Message }, 400);
        }
#pragma warning disable CA1031 // The original turns any validator crash into this 400.
        catch (Exception)
#pragma warning restore CA1031
        {
            return DashboardReply.Error("Unexepected error in the validation process, see the logs for more details."); // sic
        }
        return DashboardReply.JsonBody(new JsonObject { ["valid"] = true });
    }

    /// <summary>
    /// <c>cgi.parse_header</c>: the media type is only trimmed (so case matters), parameter names are
    /// lower-cased, values trimmed and unquoted but otherwise kept ("UTF-8" is not "utf-8").
    /// </summary>
    private static (string MediaType, Dictionary<string, string> Parameters) ParseHeader(string line)
    {
        var parts = SplitParameters(";" + line);
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var part in parts.Skip(1))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals < 0)
            {
                continue;
            }
            var name = part[..equals].Trim().ToLowerInvariant();
            var value = part[(equals + 1)..].Trim();
            if (value.Length >= 2 && value[0] == '"' && value[^1] == '"')
            {
                value = value[1..^1].Replace("\\\\", "\\", StringComparison.Ordinal).Replace("\\\"", "\"", StringComparison.Ordinal);
            }
            parameters[name] = value;
        }
        return (parts[0], parameters);
    }

    /// <summary><c>cgi._parseparam</c>: splits on ";" outside double quotes, trimming each piece.</summary>
    private static List<string> SplitParameters(string s)
    {
        var parts = new List<string>();
        while (s.StartsWith(';'))
        {
            s = s[1..];
            var end = s.IndexOf(';', StringComparison.Ordinal);
            while (end > 0 && (Count(s, "\"", end) - Count(s, "\\\"", end)) % 2 == 1)
            {
                end = s.IndexOf(';', end + 1);
            }
            if (end < 0)
            {
                end = s.Length;
            }
            parts.Add(s[..end].Trim());
            s = s[end..];
        }
        return parts;
    }

    private static int Count(string s, string what, int end)
    {
        var count = 0;
        for (var i = s.IndexOf(what, StringComparison.Ordinal); i >= 0 && i + what.Length <= end; i = s.IndexOf(what, i + what.Length, StringComparison.Ordinal))
        {
            count++;
        }
        return count;
    }
}
