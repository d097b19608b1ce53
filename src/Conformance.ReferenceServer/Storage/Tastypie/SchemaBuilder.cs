using System.Text.Json.Nodes;

namespace Conformance.ReferenceServer.Storage.Tastypie;

/// <summary>
/// tastypie Resource.build_schema. For model fields, ModelResource.get_fields decides "blank" and
/// "default": blank (and default '') only for a blank field that is not null, '' for a TextField, the
/// model default if any, and auto_now/auto_now_add (true) last.
/// </summary>
internal static class SchemaBuilder
{
    public static JsonObject Build(ResourceDefinition resource, string apiVersion)
    {
        var fields = new JsonObject();
        foreach (var field in resource.Fields)
        {
            var entry = new JsonObject
            {
                ["blank"] = field.Blank,
                ["default"] = field.HasDefault ? field.Default?.DeepClone() : "No default provided.",
                ["help_text"] = field.EffectiveHelpText,
                ["nullable"] = field.Nullable,
                ["primary_key"] = field.PrimaryKey,
                ["readonly"] = field.Readonly,
                ["type"] = field.DehydratedType,
                ["unique"] = field.Unique,
                ["verbose_name"] = field.VerboseName ?? field.Name.Replace('_', ' '),
            };
            if (field.IsRelated)
            {
                entry["related_type"] = field.Kind == FieldKind.ToMany ? "to_many" : "to_one";
                entry["related_schema"] = $"/api/{apiVersion}/{field.Related}/schema/";
            }
            fields[field.Name] = entry;
        }
        var schema = new JsonObject
        {
            ["allowed_detail_http_methods"] = new JsonArray([.. resource.DetailMethods.Select(m => (JsonNode)m)]),
            ["allowed_list_http_methods"] = new JsonArray([.. resource.ListMethods.Select(m => (JsonNode)m)]),
            ["default_format"] = "application/json",
            ["default_limit"] = Paginator.DefaultLimit,
            ["fields"] = fields,
        };
        if (resource.FilteringRules.Count > 0)
        {
            var filtering = new JsonObject();
            foreach (var (name, level) in resource.FilteringRules)
            {
                filtering[name] = level;
            }
            schema["filtering"] = filtering;
        }
        return schema;
    }
}
