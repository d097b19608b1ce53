namespace Conformance.ReferenceServer.Storage.Tastypie;

/// <summary>tastypie filtering levels as serialised in schemas.</summary>
internal static class Filtering
{
    public const int All = 1;
    public const int AllWithRelations = 2;
}

/// <summary>
/// A tastypie resource's Meta: name, allowed methods, fields, filtering, plus in-memory accessors so
/// the generic list machinery (filters, paging, sets) can work on the emulator's objects.
/// </summary>
internal sealed class ResourceDefinition
{
    public required string Name { get; init; }

    public string DetailUriName { get; init; } = "uuid";

    public required IReadOnlyList<string> ListMethods { get; init; }

    public required IReadOnlyList<string> DetailMethods { get; init; }

    public required IReadOnlyList<FieldDefinition> Fields { get; init; }

    public IReadOnlyDictionary<string, int> FilteringRules { get; init; } = new Dictionary<string, int>();

    /// <summary>Reads a field's model value: scalar, related object, or a sequence of related objects.</summary>
    public required Func<object, string, object?> Value { get; init; }

    /// <summary>The object's integer primary key (what a bare relation filter compares with).</summary>
    public required Func<object, int> PrimaryKey { get; init; }

    public FieldDefinition? Field(string name) => Fields.FirstOrDefault(f => f.Name == name);
}
