using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Conformance.ReferenceServer.Hosting;

/// <summary>
/// The body edits of the JSON faults, for <see cref="FaultInjector"/>. Every edit is deterministic
/// and works on the tree in place; the injector passes a copy, as the tree may be shared.
/// </summary>
internal static partial class FaultMutations
{
    /// <summary>What <see cref="Fault.WrongEnumValue"/> writes; no enumeration of the contract has it.</summary>
    public const string NotAnEnumValue = "CONFORMANCE-FAULT";

    /// <summary>Property names that carry an enumeration somewhere in the contract.</summary>
    private static readonly HashSet<string> EnumProperties = new(StringComparer.Ordinal) { "status", "type", "purpose", "package_type", "access_protocol" };

    /// <summary>
    /// <see cref="Fault.DropRequiredField"/>: removes the first property of an object body, or of the
    /// first item of an array body when it is an object; when <paramref name="alphabetical"/> (tastypie,
    /// which sorts keys), the alphabetically first, of every object of an array body.
    /// </summary>
    public static void DropFirstProperty(JsonNode? body, bool alphabetical)
    {
        switch (body)
        {
            case JsonObject obj when obj.Count > 0:
                obj.Remove(alphabetical ? obj.Select(p => p.Key).Order(StringComparer.Ordinal).First() : obj.First().Key);
                break;
            case JsonArray array when alphabetical:
                foreach (var item in array)
                {
                    DropFirstProperty(item as JsonObject, alphabetical);
                }

                break;
            case JsonArray { Count: > 0 } array:
                DropFirstProperty(array[0] as JsonObject, alphabetical);
                break;
        }
    }

    /// <summary>
    /// <see cref="Fault.WrongFieldType"/>: the first property with a non-null value (in document order,
    /// or alphabetical order when <paramref name="alphabetical"/>) of the object, or of the first object
    /// of an array, gets a value of another JSON type. Returns false when there was nothing to change.
    /// </summary>
    public static bool ChangeFirstFieldType(JsonNode? body, bool alphabetical)
    {
        if (FirstObject(body) is not { } target)
        {
            return false;
        }

        var names = target.Where(p => p.Value is not null).Select(p => p.Key);
        var name = alphabetical ? names.Order(StringComparer.Ordinal).FirstOrDefault() : names.FirstOrDefault();
        if (name is null)
        {
            return false;
        }

        target[name] = OtherType(target[name]!);
        return true;
    }

    /// <summary><see cref="Fault.WrongEnumValue"/>: every string property named like an enumeration, at any depth. Returns how many were replaced.</summary>
    public static int ReplaceEnumValues(JsonNode? node)
    {
        var replaced = 0;
        switch (node)
        {
            case JsonObject obj:
                foreach (var name in obj.Select(p => p.Key).ToList())
                {
                    if (EnumProperties.Contains(name) && obj[name] is JsonValue value && value.GetValueKind() == JsonValueKind.String)
                    {
                        obj[name] = NotAnEnumValue;
                        replaced++;
                    }
                    else
                    {
                        replaced += ReplaceEnumValues(obj[name]);
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    replaced += ReplaceEnumValues(item);
                }

                break;
        }

        return replaced;
    }

    /// <summary><see cref="Fault.EchoApiKey"/>: "api_key": key on the object, or on the first object of an array. Returns false when the body has no object.</summary>
    public static bool EchoKey(JsonNode? body, string apiKey)
    {
        if (FirstObject(body) is not { } target)
        {
            return false;
        }

        target["api_key"] = apiKey;
        return true;
    }

    /// <summary>The pagination faults on a tastypie list's meta: total_count + 1; next back to offset 0; next one page further.</summary>
    public static void Paginate(JsonObject meta, bool wrongTotalCount, bool nextLoops, bool nextSkipsPage)
    {
        if (wrongTotalCount && AsLong(meta["total_count"]) is { } count)
        {
            meta["total_count"] = count + 1;
        }

        if (meta["next"] is not JsonValue nextValue || !nextValue.TryGetValue<string>(out var next))
        {
            return;
        }

        if (nextLoops)
        {
            next = Offset().Replace(next, "offset=0");
        }

        if (nextSkipsPage && AsLong(meta["limit"]) is { } limit)
        {
            next = Offset().Replace(next, m => "offset=" + (long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) + limit).ToString(CultureInfo.InvariantCulture));
        }

        meta["next"] = next;
    }

    /// <summary><see cref="Fault.MalformedJson"/>: the serialised body without its last character (a JSON text always ends in a structural or literal character it needs).</summary>
    public static byte[] Truncate(byte[] body) => body.Length == 0 ? body : body[..^1];

    /// <summary><see cref="Fault.DropConnection"/>: how much of a body is sent before the connection is aborted.</summary>
    public static int PartialLength(int length) => length / 2;

    /// <summary>An integer node's value, whatever CLR type it was built from.</summary>
    private static long? AsLong(JsonNode? node) =>
        node is JsonValue value && long.TryParse(value.ToJsonString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) ? number : null;

    private static JsonObject? FirstObject(JsonNode? body) => body switch
    {
        JsonObject obj => obj,
        JsonArray array => array.OfType<JsonObject>().FirstOrDefault(),
        _ => null,
    };

    private static JsonNode OtherType(JsonNode value) => value switch
    {
        JsonObject => new JsonArray(),
        JsonArray => new JsonObject(),
        JsonValue v when v.GetValueKind() == JsonValueKind.String => JsonValue.Create(12345),
        _ => JsonValue.Create("12345"),
    };

    [GeneratedRegex(@"(?<=[?&])offset=(\d+)")]
    private static partial Regex Offset();
}
