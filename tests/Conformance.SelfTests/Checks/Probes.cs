namespace Conformance.SelfTests.Checks;

/// <summary>Catalogue probes and hand-made answers to them, for the INPUT checks' self-tests.</summary>
internal static class Probes
{
    public const string SqlInjectionInPath = "am.transfer.status, hostile path uuid: sql-injection";
    public const string SqlInjectionInJson = "ss.file.create@v2, hostile json origin_path: sql-injection";
    public const string PathTraversalInJson = "ss.file.create@v2, hostile json origin_path: path-traversal";

    private static readonly Lazy<IReadOnlyList<HostileProbe>> Catalogue = new(() =>
        [.. ProbeFactory.All(ReferenceTarget.Catalogue, HostileInputCatalogue.Load(Path.Combine(Paths.Root, "fixtures", "hostile-inputs.json")))]);

    public static IReadOnlyList<HostileProbe> All => Catalogue.Value;

    public static HostileProbe Named(string name) => All.Single(p => p.Name == name);

    public static Exchange Answer(int status) => new()
    {
        Service = "archivematica",
        AuthMode = AuthMode.Header,
        Method = "GET",
        Url = "http://127.0.0.1:1/api/transfer/status/x/",
        Status = status,
        Reason = status switch { 200 => "OK", 201 => "Created", 404 => "Not Found", 400 => "Bad Request", _ => "Bad Gateway" },
        Body = "<h1>Page not found</h1>",
    };
}
