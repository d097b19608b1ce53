using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Conformance.ReferenceServer.Hosting;

namespace Conformance.SelfTests.ReferenceServer;

/// <summary>
/// An in-process reference server (faults switched on for every endpoint) with one authenticated
/// client per service, for tests of what requests do to the emulated disk.
/// </summary>
internal sealed class FileEffectsServer : IAsyncDisposable
{
    private const string ApiKey = "selftest-key-0123456789";

    private readonly HttpClient _dashboard;
    private readonly HttpClient _storage;

    private FileEffectsServer(ReferenceServerHost host)
    {
        Host = host;
        _dashboard = Client(host.ArchivematicaUrl, host.Options.User);
        _storage = Client(host.StorageServiceUrl, host.Options.User);
    }

    public ReferenceServerHost Host { get; }

    /// <summary>Location URIs as the Storage Service takes them in bodies.</summary>
    public static string TransferSourceUri => $"/api/v2/location/{ReferenceData.TransferSourceLocationUuid}/";

    public static string PipelineUri => $"/api/v2/pipeline/{ReferenceData.PipelineUuid}/";

    public static async Task<FileEffectsServer> StartAsync(params Fault[] faults)
    {
        var plan = FaultPlan.Of([.. faults.Select(fault => (fault, "*"))]);
        return new FileEffectsServer(await ReferenceServerHost.StartAsync(new ReferenceServerOptions { ApiKey = ApiKey, Faults = plan }));
    }

    /// <summary>The disk, path → entry.</summary>
    public IReadOnlyDictionary<string, DiskEntry> Disk() => Host.DiskListing().ToDictionary(entry => entry.Path, StringComparer.Ordinal);

    /// <summary>base64 of "&lt;transfer-source location uuid&gt;:&lt;path&gt;", as the dashboard takes transfer-source paths.</summary>
    public static string TransferSourcePath(string path) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{ReferenceData.TransferSourceLocationUuid}:{path}"));

    public Task<HttpResponseMessage> PostStorageAsync(string path, JsonObject body) =>
        _storage.PostAsync(path, new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"));

    public Task<HttpResponseMessage> GetStorageAsync(string path) => _storage.GetAsync(path);

    public Task<HttpResponseMessage> PostDashboardJsonAsync(string path, JsonObject body) =>
        _dashboard.PostAsync(path, new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"));

    public Task<HttpResponseMessage> PostDashboardFormAsync(string path, params (string Name, string Value)[] fields) =>
        _dashboard.PostAsync(path, new FormUrlEncodedContent(fields.Select(f => KeyValuePair.Create(f.Name, f.Value))));

    /// <summary>A package registration body: <paramref name="originPath"/> in the transfer source, stored in the default location of <paramref name="purpose"/>.</summary>
    public static JsonObject Registration(string originPath, string packageType, string purpose) => new()
    {
        ["uuid"] = Guid.NewGuid().ToString(),
        ["origin_pipeline"] = PipelineUri,
        ["origin_location"] = TransferSourceUri,
        ["origin_path"] = originPath,
        ["current_location"] = $"/api/v2/location/default/{purpose}/",
        ["current_path"] = "selftest-" + packageType.ToLowerInvariant(),
        ["package_type"] = packageType,
        ["size"] = 0,
    };

    public async ValueTask DisposeAsync()
    {
        _dashboard.Dispose();
        _storage.Dispose();
        await Host.DisposeAsync();
    }

    private static HttpClient Client(Uri baseAddress, string user)
    {
        var client = new HttpClient { BaseAddress = baseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("ApiKey", $"{user}:{ApiKey}");
        return client;
    }
}
