using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml;

namespace Conformance.Framework.Checks;

/// <summary>
/// Each check is a pure function of an exchange and what the contract expects of it. None of them
/// sends anything; the self-tests feed them hand-made exchanges to prove each one can fail.
/// </summary>
public static class ResponseChecks
{
    public static CheckResult Transport(Exchange x) => x.TransportError is null
        ? CheckResult.Pass(Requirement.Transport, "a response arrived")
        : CheckResult.Fail(Requirement.Transport, $"no response: {x.TransportError}");

    public static CheckResult Status(Exchange x, int expected, Requirement requirement) => x.Status == expected
        ? CheckResult.Pass(requirement, $"status {expected}")
        : CheckResult.Fail(requirement, $"expected status {expected}, got {x.Status} {x.Reason}");

    public static CheckResult ContentType(Exchange x, string expected)
    {
        var actual = x.ContentType;
        if (actual is null)
        {
            return CheckResult.Fail(Requirement.ContentType, $"expected Content-Type '{expected}', got no Content-Type header");
        }

        return MediaType.Parse(actual).SameAs(MediaType.Parse(expected))
            ? CheckResult.Pass(Requirement.ContentType, $"Content-Type '{actual}'")
            : CheckResult.Fail(Requirement.ContentType, $"expected Content-Type '{expected}', got '{actual}'");
    }

    /// <summary>kind: json, xml, empty, text, binary or any.</summary>
    public static CheckResult BodyKind(Exchange x, string kind)
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

    public static CheckResult ExactBody(Exchange x, string expected) => x.Body == expected
        ? CheckResult.Pass(Requirement.ExactBody, "body is exactly as the contract fixes it")
        : CheckResult.Fail(Requirement.ExactBody, $"expected body exactly {Quote(expected)}, got {Quote(x.Body)}");

    public static CheckResult Schema(string schemaPath, IReadOnlyList<Schemas.SchemaError> errors) => errors.Count == 0
        ? CheckResult.Pass(Requirement.Schema, $"body matches {schemaPath}")
        : CheckResult.Fail(Requirement.Schema, $"body does not match {schemaPath}: " + string.Join("; ", errors.Take(10)) + (errors.Count > 10 ? $"; and {errors.Count - 10} more" : ""));

    /// <summary>Each header must be present and its value must match the regex.</summary>
    public static CheckResult RequiredHeaders(Exchange x, IReadOnlyDictionary<string, string> headers, Requirement? requirement = null)
    {
        requirement ??= Requirement.RequiredHeaders;
        var problems = headers.Select(h =>
        {
            var value = x.Header(h.Key);
            return value is null ? $"header {h.Key} is missing"
                : Regex.IsMatch(value, h.Value) ? null
                : $"header {h.Key}: '{value}' does not match /{h.Value}/";
        }).OfType<string>().ToList();
        return problems.Count == 0
            ? CheckResult.Pass(requirement, headers.Count == 0 ? "no headers required" : "required headers present: " + string.Join(", ", headers.Keys))
            : CheckResult.Fail(requirement, string.Join("; ", problems));
    }

    public static CheckResult AbsentHeaders(Exchange x, IReadOnlyList<string> names)
    {
        var present = names.Where(x.HasHeader).ToList();
        return present.Count == 0
            ? CheckResult.Pass(Requirement.ForbiddenHeaders, "excluded headers absent")
            : CheckResult.Fail(Requirement.ForbiddenHeaders, "headers that must be absent are present: " + string.Join(", ", present.Select(n => $"{n}: {x.Header(n)}")));
    }

    /// <summary>The Allow header names exactly the allowed methods, joined the service's way.</summary>
    public static CheckResult Allow(Exchange x, IReadOnlyList<string> allowedMethods, string separator)
    {
        var expected = string.Join(separator, allowedMethods);
        var actual = x.Header("Allow");
        return actual == expected
            ? CheckResult.Pass(Requirement.MethodNotAllowed, $"Allow: {actual}")
            : CheckResult.Fail(Requirement.MethodNotAllowed, $"expected 'Allow: {expected}', got {(actual is null ? "no Allow header" : $"'Allow: {actual}'")}");
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

    private static string Quote(string text) => text.Length <= 200 ? $"«{text}»" : $"«{text[..200]}…» ({text.Length} characters)";
}
