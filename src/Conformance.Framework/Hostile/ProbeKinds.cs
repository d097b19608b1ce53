using System.Text;

namespace Conformance.Framework.Hostile;

/// <summary>
/// The kinds of bad input and the value each puts in place of a valid one. Every value carries the
/// run's marker where it can, so a server that stored or echoed it can be told apart.
/// </summary>
public static class ProbeKinds
{
    public const string MalformedUuid = "malformed-uuid";
    public const string TruncatedUuid = "truncated-uuid";
    public const string OverlongUuid = "overlong-uuid";
    public const string NonHexUuid = "non-hex-uuid";
    public const string SqlInjection = "sql-injection";
    public const string TemplateInjection = "template-injection";
    public const string OddUnicode = "odd-unicode";
    public const string NulByte = "nul-byte";
    public const string NonUtf8 = "non-utf8";
    public const string OverlongValue = "overlong-value";
    public const string OverlongNumber = "overlong-number";
    public const string PathTraversal = "path-traversal";
    public const string EncodedTraversal = "encoded-traversal";
    public const string AbsolutePath = "absolute-path";
    public const string Base64Traversal = "base64-traversal";
    public const string Base64Absolute = "base64-absolute";
    public const string Base64EncodedTraversal = "base64-encoded-traversal";
    public const string InvalidBase64 = "invalid-base64";
    public const string Base64NonUtf8 = "base64-non-utf8";
    public const string UriTraversal = "uri-traversal";
    public const string UriSqlInjection = "uri-sql-injection";
    public const string NotAUri = "not-a-uri";
    public const string UriMalformedUuid = "uri-malformed-uuid";
    public const string DuplicateParameter = "duplicate-parameter";

    public const string InvalidJson = "invalid-json";
    public const string WrongContentType = "wrong-content-type";
    public const string OversizedBody = "oversized-body";
    public const string NonUtf8Body = "non-utf8-body";

    /// <summary>Size of the oversized bodies: 1.5 MiB (under Django's 2.5 MiB in-memory limit, so it is read).</summary>
    public const int OversizedBytes = 3 * 512 * 1024;

    /// <summary>The product of the template expressions: an answer that contains it evaluated one.</summary>
    public const string TemplateProduct = "72355903";

    /// <summary>Invalid UTF-8: 0xFF, 0xFE (never in UTF-8) and 0xC0 0xAF (an overlong "/").</summary>
    public static readonly byte[] InvalidUtf8 = [0xFF, 0xFE, 0xC0, 0xAF];

    public const string InvalidUtf8Escaped = "%FF%FE%C0%AF";

    /// <summary>The kinds a value of this type is probed with (duplicate-parameter comes on top for query, form and JSON inputs).</summary>
    public static IReadOnlyList<string> For(string type, string location) => type switch
    {
        "uuid" => [MalformedUuid, TruncatedUuid, OverlongUuid, NonHexUuid, SqlInjection, TemplateInjection, OddUnicode, .. NonUtf8Where(location), .. (location == "path" ? [EncodedTraversal] : Array.Empty<string>())],
        "integer" => [SqlInjection, TemplateInjection, OverlongNumber, OddUnicode, .. NonUtf8Where(location)],
        "name" => [PathTraversal, EncodedTraversal, SqlInjection, TemplateInjection, OddUnicode, OverlongValue, .. NonUtf8Where(location)],
        "path" => [PathTraversal, EncodedTraversal, AbsolutePath, SqlInjection, TemplateInjection, OddUnicode, .. NonUtf8Where(location)],
        "filename" => [PathTraversal, AbsolutePath, NulByte],
        "text" => [SqlInjection, TemplateInjection, OddUnicode, .. NonUtf8Where(location)],
        "base64-path" => [Base64Traversal, Base64Absolute, Base64EncodedTraversal, InvalidBase64, Base64NonUtf8],
        "uri" => [UriTraversal, UriSqlInjection, NotAUri, UriMalformedUuid],
        _ => throw new FormatException($"Unknown hostile-input type '{type}' (uuid, integer, name, path, filename, text, base64-path, uri)."),
    };

    /// <summary>The kinds a body is probed with: json, form or raw.</summary>
    public static IReadOnlyList<string> ForBody(string body) => body switch
    {
        "json" => [InvalidJson, WrongContentType, OversizedBody, NonUtf8Body],
        "form" => [WrongContentType, OversizedBody, NonUtf8Body],
        "raw" => [OversizedBody, NonUtf8Body],
        _ => throw new FormatException($"Unknown body kind '{body}' (json, form, raw)."),
    };

    /// <summary>
    /// The folder every path payload aims at: named after the run and absent from any real system.
    /// Real services act on the paths they accept (copy, move, read), so a payload must never name a
    /// real file: an accepted canary proves the defect and touches nothing.
    /// </summary>
    public static string Canary(string runId) => $"conformance-canary-{runId}";

    /// <summary>The kinds whose value is a path outside the service's locations: accepting one is the defect they look for.</summary>
    public static IReadOnlySet<string> PathKinds { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        PathTraversal, EncodedTraversal, AbsolutePath, Base64Traversal, Base64Absolute, Base64EncodedTraversal, UriTraversal,
    };

    /// <summary>The hostile value as text (what the server should see after decoding), for one kind.</summary>
    /// <param name="marker">Unique per probe, so a server that stored or echoed the value can be told apart.</param>
    /// <param name="runId">The run's id: path kinds aim at its canary folder (<see cref="Canary"/>).</param>
    /// <param name="prefix">base64-path inputs: the expanded text before the path ("&lt;location uuid&gt;:").</param>
    /// <param name="resource">uri inputs: the resource ("location").</param>
    public static string Value(string kind, string marker, string runId, string prefix = "", string resource = "location") => kind switch
    {
        MalformedUuid => $"not-a-uuid-{marker}",
        TruncatedUuid => Guid.NewGuid().ToString()[..35],
        OverlongUuid => Guid.NewGuid() + new string('0', 2048),
        NonHexUuid => "zzzzzzzz-zzzz-zzzz-zzzz-" + new string([.. Enumerable.Range(0, 12).Select(_ => (char)('g' + Random.Shared.Next(20)))]),
        SqlInjection => $"' OR '1'='1' -- {marker}",
        TemplateInjection => "{{9137*7919}}${9137*7919}<%= 9137*7919 %>#{9137*7919}" + marker,
        OddUnicode => $"\u202E{marker}\u200B\u0000\uFEFF\U0001F4A9e\u0301\uFFFF",
        NulByte => $"{marker}\u0000.txt",
        OverlongValue => marker + new string('a', 4096),
        OverlongNumber => "99999999999999999999999999999999",
        PathTraversal => $"../../../../../../../../{Canary(runId)}/absent",
        EncodedTraversal => $"..%2F..%2F..%2F..%2F..%2F..%2F{Canary(runId)}%2Fabsent",
        AbsolutePath => $"/{Canary(runId)}/absent",
        Base64Traversal => Base64(prefix + $"../../../../../../../../{Canary(runId)}/absent"),
        Base64Absolute => Base64(prefix + $"/{Canary(runId)}/absent"),
        Base64EncodedTraversal => Base64(prefix + $"..%2F..%2F..%2F..%2F{Canary(runId)}%2Fabsent"),
        InvalidBase64 => "A",
        Base64NonUtf8 => Convert.ToBase64String([.. Encoding.UTF8.GetBytes(prefix), .. InvalidUtf8]),
        UriTraversal => $"/api/v2/{resource}/../../../../{Canary(runId)}/absent/",
        UriSqlInjection => $"/api/v2/{resource}/' OR '1'='1' -- {marker}/",
        NotAUri => $"not a uri {marker}",
        UriMalformedUuid => $"/api/v2/{resource}/not-a-uuid-{marker}/",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a value kind"),
    };

    /// <summary>The value a duplicate parameter carries after the valid one: the type's first hostile kind.</summary>
    public static string DuplicateKind(string type, string location) => For(type, location)[0];

    private static string[] NonUtf8Where(string location) => location is "query" or "form" or "path" ? [NonUtf8] : [];

    private static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));
}
