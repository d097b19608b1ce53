using System.Text.Json.Nodes;

namespace Conformance.ReferenceServer.Storage.Tastypie;

/// <summary>tastypie field classes, named by their dehydrated type.</summary>
internal enum FieldKind
{
    String,
    Integer,
    Boolean,
    DateTime,
    Dict,
    ToOne,
    ToMany,
}

/// <summary>
/// One tastypie field of a resource: enough to build the schema, decide filterability
/// (get_query_terms needs a real model attribute) and evaluate filters in memory.
/// </summary>
internal sealed record FieldDefinition(string Name, FieldKind Kind)
{
    /// <summary>Model attribute the field reads; null for declared fields without one (resource_uri, use_in=False inputs).</summary>
    public string? Attribute { get; init; }

    /// <summary>False for computed attributes (full_path, get_description): filtering on them is "not a valid field name".</summary>
    public bool IsModelField { get; init; } = true;

    /// <summary>A UUID column: SS ≥0.21 validates lookup values.</summary>
    public bool IsUuid { get; init; }

    public bool Nullable { get; init; }

    public bool Blank { get; init; }

    public bool Readonly { get; init; }

    public bool Unique { get; init; }

    public bool PrimaryKey { get; init; }

    /// <summary>The schema's "default"; null means tastypie's NOT_PROVIDED ("No default provided.").</summary>
    public JsonNode? Default { get; init; }

    public bool HasDefault { get; init; }

    public string? HelpText { get; init; }

    /// <summary>The model field's verbose_name; null for Django's default (the name, underscores as spaces).</summary>
    public string? VerboseName { get; init; }

    /// <summary>Related resource name for ToOne/ToMany fields.</summary>
    public string? Related { get; init; }

    public bool IsRelated => Kind is FieldKind.ToOne or FieldKind.ToMany;

    public string DehydratedType => Kind switch
    {
        FieldKind.Integer => "integer",
        FieldKind.Boolean => "boolean",
        FieldKind.DateTime => "datetime",
        FieldKind.Dict => "dict",
        FieldKind.ToOne or FieldKind.ToMany => "related",
        _ => "string",
    };

    /// <summary>tastypie's per-class default help_text.</summary>
    public string EffectiveHelpText => HelpText ?? Kind switch
    {
        FieldKind.Integer => "Integer data. Ex: 2673",
        FieldKind.Boolean => "Boolean data. Ex: True",
        FieldKind.DateTime => "A date & time as a string. Ex: \"2010-11-10T03:07:43\"",
        FieldKind.Dict => "A dictionary of data. Ex: {'price': 26.73, 'name': 'Daniel'}",
        FieldKind.ToOne => "A single related resource. Can be either a URI or set of nested resource data.",
        FieldKind.ToMany => "Many related resources. Can be either a list of URIs or list of individually nested resource data.",
        _ => "Unicode string data. Ex: \"Hello World\"",
    };
}
