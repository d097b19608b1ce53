namespace Conformance.Framework.Checks;

/// <summary>SCHEMA-01: a JSON body matches the published schema of its endpoint and status (the registry validates; this judges its errors).</summary>
public static class SchemaMatches
{
    public static CheckResult Check(string schemaPath, IReadOnlyList<Schemas.SchemaError> errors) => errors.Count == 0
        ? CheckResult.Pass(Requirement.Schema, $"body matches {schemaPath}")
        : CheckResult.Fail(Requirement.Schema, $"body does not match {schemaPath}: " + string.Join("; ", errors.Take(10)) + (errors.Count > 10 ? $"; and {errors.Count - 10} more" : ""));
}
