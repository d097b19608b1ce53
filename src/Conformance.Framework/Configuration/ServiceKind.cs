namespace Conformance.Framework.Configuration;

/// <summary>The two HTTP APIs of Archivematica.</summary>
public enum ServiceKind
{
    /// <summary>The dashboard API: /api/transfer, /api/ingest, /api/v2beta, ...</summary>
    Archivematica,

    /// <summary>The Storage Service API: /api/v1|v2/pipeline|space|location|file|async.</summary>
    Storage,
}

public static class ServiceKindNames
{
    /// <summary>The name used in the catalogue, categories and reports.</summary>
    public static string CatalogueName(this ServiceKind kind) => kind switch
    {
        ServiceKind.Archivematica => "archivematica",
        ServiceKind.Storage => "storage",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static string DisplayName(this ServiceKind kind) => kind switch
    {
        ServiceKind.Archivematica => "Archivematica dashboard",
        ServiceKind.Storage => "Storage Service",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static ServiceKind Parse(string catalogueName) => catalogueName switch
    {
        "archivematica" => ServiceKind.Archivematica,
        "storage" => ServiceKind.Storage,
        _ => throw new ArgumentException($"Unknown service '{catalogueName}' (expected archivematica or storage)."),
    };
}
