using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Conformance.Framework.Reports.Statement;

/// <summary>The statement's JSON form (schemas/statement/conformance-statement.json).</summary>
public static class StatementJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        // Keys of Hosts and Versions are service names: kept as they are.
        DictionaryKeyPolicy = null,
        // "×" and "é" as themselves: the file is read by people too.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public static string Serialize(ConformanceStatement statement) => JsonSerializer.Serialize(statement, Options);

    public static ConformanceStatement? Deserialize(string json) => JsonSerializer.Deserialize<ConformanceStatement>(json, Options);
}
