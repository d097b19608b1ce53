using System.Globalization;

namespace Conformance.ReferenceServer.Storage.Tastypie;

/// <summary>
/// tastypie determine_format with python-mimeparse best_match: ?format= wins when known; otherwise the
/// Accept header (exactly "*/*" or absent = JSON); no match = JSON; an unparseable media range raises
/// BadRequest("Invalid Accept header"). XML is among the formats only where the release installs
/// defusedxml (<see cref="StorageVersion.OffersXml"/>); elsewhere ?format=xml and Accept: application/xml get JSON.
/// </summary>
internal static class FormatNegotiator
{
    // Serializer.supported_formats reversed ("because mimeparse is weird like that").
    private static readonly string[] Supported = [TastypieFormats.Yaml, TastypieFormats.Xml, TastypieFormats.Json];

    private static readonly string[] SupportedWithoutXml = [TastypieFormats.Yaml, TastypieFormats.Json];

    public static string Determine(StorageRequest request, StorageVersion version)
    {
        if (request.Query.Get("format") is { Length: > 0 } name && TastypieFormats.ByName.TryGetValue(name, out var forced)
            && (forced != TastypieFormats.Xml || version.OffersXml))
        {
            return forced;
        }
        var accept = request.Header("Accept") ?? "*/*";
        if (accept == "*/*")
        {
            return TastypieFormats.Json;
        }
        return BestMatch(accept, version.OffersXml ? Supported : SupportedWithoutXml) ?? TastypieFormats.Json;
    }

    /// <summary>Like <see cref="Determine"/> but never throws (tastypie error_response falls back to JSON).</summary>
    public static string DetermineOrDefault(StorageRequest request, StorageVersion version)
    {
        try
        {
            return Determine(request, version);
        }
        catch (TastypieBadRequestException)
        {
            return TastypieFormats.Json;
        }
    }

    private static string? BestMatch(string header, string[] supported)
    {
        var ranges = header.Split(',').Where(part => part.Trim().Length > 0).Select(ParseMediaRange).ToList();
        var best = (Fitness: -1, Quality: 0.0, Position: -1, Mime: "");
        for (var position = 0; position < supported.Length; position++)
        {
            var (fitness, quality) = FitnessAndQuality(supported[position], ranges);
            var candidate = (fitness, quality, position, supported[position]);
            if (Compare(candidate, best) > 0)
            {
                best = candidate;
            }
        }
        return best.Quality > 0 ? best.Mime : null;
    }

    private static int Compare((int Fitness, double Quality, int Position, string Mime) a, (int Fitness, double Quality, int Position, string Mime) b) =>
        a.Fitness != b.Fitness ? a.Fitness.CompareTo(b.Fitness)
        : a.Quality != b.Quality ? a.Quality.CompareTo(b.Quality)
        : a.Position.CompareTo(b.Position);

    private static (int Fitness, double Quality) FitnessAndQuality(string mime, List<(string Type, string Subtype, Dictionary<string, string> Params)> ranges)
    {
        var (targetType, targetSubtype, _) = ParseMediaRange(mime);
        var bestFitness = -1;
        var bestQuality = 0.0;
        foreach (var (type, subtype, parameters) in ranges)
        {
            var typeMatch = type == targetType || type == "*" || targetType == "*";
            var subtypeMatch = subtype == targetSubtype || subtype == "*" || targetSubtype == "*";
            if (!typeMatch || !subtypeMatch)
            {
                continue;
            }
            var fitness = (type == targetType ? 100 : 0) + (subtype == targetSubtype ? 10 : 0);
            if (fitness > bestFitness)
            {
                bestFitness = fitness;
                bestQuality = double.Parse(parameters["q"], CultureInfo.InvariantCulture);
            }
        }
        return (bestFitness, bestQuality);
    }

    private static (string Type, string Subtype, Dictionary<string, string> Params) ParseMediaRange(string range)
    {
        var parts = range.Split(';');
        var fullType = parts[0].Trim();
        if (fullType == "*")
        {
            fullType = "*/*";
        }
        var typeParts = fullType.Split('/');
        if (!fullType.Contains('/', StringComparison.Ordinal) || typeParts.Length > 2)
        {
            throw new TastypieBadRequestException("Invalid Accept header");
        }
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var parameter in parts.Skip(1))
        {
            var equals = parameter.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0)
            {
                parameters[parameter[..equals].Trim().ToLowerInvariant()] = parameter[(equals + 1)..].Trim().Trim('"');
            }
        }
        if (!parameters.TryGetValue("q", out var q) || q.Length == 0
            || !double.TryParse(q, NumberStyles.Float, CultureInfo.InvariantCulture, out var quality) || quality is < 0 or > 1)
        {
            parameters["q"] = "1";
        }
        return (typeParts[0].Trim(), typeParts[1].Trim(), parameters);
    }
}
