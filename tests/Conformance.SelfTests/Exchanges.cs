
namespace Conformance.SelfTests;

/// <summary>Hand-made exchanges: one that satisfies the dashboard's contract for a list, and ways to break it.</summary>
internal static class Exchanges
{
    /// <summary>The committed schemas, compiled once for the checks that validate against them.</summary>
    public static readonly SchemaRegistry Schemas = new(Paths.Schemas);

    public const string CompletedTransfersBody = """{"message": "Fetched completed transfers successfully.", "results": ["3b1e7e2a-1c4d-4f7b-9a2e-5d6c7b8a9f01"]}""";

    public static Exchange CompletedTransfers(int status = 200, string contentType = "application/json", string body = CompletedTransfersBody, params (string Name, string Value)[] headers) => new()
    {
        Service = "archivematica",
        AuthMode = AuthMode.Header,
        Method = "GET",
        Url = "http://127.0.0.1:1/api/transfer/completed",
        Status = status,
        Reason = "OK",
        ResponseHeaders =
        [
            new("Content-Type", contentType),
            new("X-Archivematica-Version", "1.13.2"),
            new("X-Archivematica-ID", "5f7c1e2a-9d4b-4c3e-8a6f-1b2d3e4f5a60"),
            .. headers.Select(h => new KeyValuePair<string, string>(h.Name, h.Value)),
        ],
        Body = body,
    };
}
