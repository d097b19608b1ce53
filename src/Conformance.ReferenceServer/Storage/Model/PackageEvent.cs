namespace Conformance.ReferenceServer.Storage.Model;

/// <summary>A deletion or recovery request filed against a package (locations.Event).</summary>
internal sealed class PackageEvent
{
    public const string Delete = "DELETE";
    public const string Recover = "RECOVER";
    public const string Submitted = "SUBMIT";

    public required int Id { get; init; }

    public required Package Package { get; init; }

    public required string EventType { get; init; }

    public string Status { get; set; } = Submitted;

    public string? EventReason { get; init; }

    public Pipeline? Pipeline { get; init; }

    public string? UserId { get; init; }

    public string? UserEmail { get; init; }

    /// <summary>The package status before the request (restored when a request is rejected).</summary>
    public string? StoreData { get; init; }
}
