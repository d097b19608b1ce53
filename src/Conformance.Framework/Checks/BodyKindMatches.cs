using System.Text.Json;
using System.Xml;

namespace Conformance.Framework.Checks;

/// <summary>BODY-01: the body is of the contract's kind: json, xml, empty, text, binary or any.</summary>
public static class BodyKindMatches
{
    public static CheckResult Check(Exchange x, string kind)
    {
        var problem = kind switch
        {
            "empty" => x.Body.Length == 0 ? null : $"expected an empty body, got {x.Body.Length} characters",
            "json" => JsonProblem(x.Body),
            "xml" => XmlProblem(x.Body),
            "text" => x.Body.Length > 0 ? null : "expected a text body, got an empty body",
            "binary" or "any" => null,
            _ => throw new ArgumentException($"Unknown body kind '{kind}'.", nameof(kind)),
        };
        return problem is null
            ? CheckResult.Pass(Requirement.BodyKind, $"body is {kind}")
            : CheckResult.Fail(Requirement.BodyKind, problem);
    }

    private static string? JsonProblem(string body)
    {
        try
        {
            using var _ = JsonDocument.Parse(body);
            return null;
        }
        catch (JsonException e)
        {
            return $"expected a JSON body, but it does not parse: {e.Message}";
        }
    }

    private static string? XmlProblem(string body)
    {
        try
        {
            var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
            using var reader = XmlReader.Create(new StringReader(body), settings);
            while (reader.Read())
            {
            }

            return null;
        }
        catch (XmlException e)
        {
            return $"expected an XML body, but it is not well-formed: {e.Message}";
        }
    }
}
