using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Conformance.ReferenceServer.Hosting;

/// <summary>
/// Runs both emulated services (dashboard and Storage Service) on loopback, in-process for the
/// suite or standalone from Program. One instance owns both web applications and their state.
/// </summary>
public sealed class ReferenceServerHost : IAsyncDisposable
{
    private readonly WebApplication _dashboardApp;
    private readonly WebApplication _storageApp;

    private ReferenceServerHost(WebApplication dashboardApp, WebApplication storageApp, DashboardState dashboard, StorageState storage, ReferenceServerOptions options, RequestLog requests)
    {
        Requests = requests;
        _dashboardApp = dashboardApp;
        _storageApp = storageApp;
        Dashboard = dashboard;
        Storage = storage;
        Options = options;
    }

    public ReferenceServerOptions Options { get; }

    /// <summary>Counts (and with <see cref="ReferenceServerOptions.RequestLogPath"/> logs) every request received.</summary>
    public RequestLog Requests { get; }

    /// <summary>Every request received, in memory, for in-process callers.</summary>
    public ReceivedRequests Received { get; private init; } = new();

    /// <summary>Dashboard state: lets in-process callers arrange preconditions for write tests.</summary>
    public DashboardState Dashboard { get; }

    /// <summary>Storage Service state: lets in-process callers arrange preconditions for write tests.</summary>
    public StorageState Storage { get; }

    /// <summary>
    /// Every file and directory of the emulated disk both halves share, sorted by path, with each
    /// file's SHA-256: take one before and one after a run to see what it changed.
    /// </summary>
    public IReadOnlyList<DiskEntry> DiskListing() => Storage.DiskListing();

    public Uri ArchivematicaUrl => BoundAddress(_dashboardApp);

    public Uri StorageServiceUrl => BoundAddress(_storageApp);

    /// <summary>Configuration files either application reloads on change, and so watches (none: see CreateApp).</summary>
    internal IEnumerable<string> WatchedConfigurationFiles =>
        new[] { _dashboardApp, _storageApp }.SelectMany(app => ((IConfigurationRoot)app.Configuration).Providers)
            .OfType<FileConfigurationProvider>().Where(p => p.Source.ReloadOnChange).Select(p => p.Source.Path ?? "?");

    public static async Task<ReferenceServerHost> StartAsync(ReferenceServerOptions options, CancellationToken cancellationToken = default)
    {
        var requests = new RequestLog(options.RequestLogPath);
        var dashboard = new DashboardState(options);
        var received = new ReceivedRequests();
        var dashboardApp = CreateApp(options.ArchivematicaUrl, requests, app =>
        {
            received.Attach(app, "archivematica");
            DashboardApp.Map(app, dashboard, options);
        });
        var storage = new StorageState(options);
        // The pipeline stores each AIP it finishes in its Storage Service.
        dashboard.AipStored = (uuid, name) => storage.AddStoredAip(uuid, name);
        // One disk for both halves: the dashboard copies transfers out of the Storage Service's locations.
        dashboard.Files = new PipelineFiles(storage);
        // The Storage Service starts a reingest by calling its pipeline's dashboard API (Pipeline.reingest).
        storage.PipelineReingest = (pipeline, name, uuid, toTransfer) =>
            pipeline == ReferenceData.PipelineUuid ? dashboard.Reingest(name, uuid, toTransfer) : null;
        var storageApp = CreateApp(options.StorageServiceUrl, requests, app =>
        {
            received.Attach(app, "storage");
            StorageApp.Map(app, storage, options);
        });
        await dashboardApp.StartAsync(cancellationToken);
        await storageApp.StartAsync(cancellationToken);
        return new ReferenceServerHost(dashboardApp, storageApp, dashboard, storage, options, requests) { Received = received };
    }

    /// <summary>Completes when either application is asked to stop (Ctrl+C, SIGTERM).</summary>
    public Task WaitForShutdownAsync()
    {
        var stopping = new TaskCompletionSource();
        foreach (var app in new[] { _dashboardApp, _storageApp })
        {
            app.Lifetime.ApplicationStopping.Register(() => stopping.TrySetResult());
        }

        return stopping.Task;
    }

    public async ValueTask DisposeAsync()
    {
        await _dashboardApp.StopAsync();
        await _storageApp.StopAsync();
        await _dashboardApp.DisposeAsync();
        await _storageApp.DisposeAsync();
        Requests.Dispose();
    }

    private static WebApplication CreateApp(string url, RequestLog requests, Action<WebApplication> map)
    {
        var uri = new Uri(url);
        if (!uri.IsLoopback)
        {
            throw new ArgumentException($"The reference server binds to loopback only; '{url}' is not a loopback address.");
        }

        // Configuration files are not reloaded, so nothing is watched: by default the host watches its
        // content root (the working directory, often a whole repository), and every report file a run
        // wrote there cost the server CPU time. The content root is the server's own folder, so an
        // appsettings.json lying in the working directory does not change the server either.
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ContentRootPath = AppContext.BaseDirectory,
            Args = ["--hostBuilder:reloadConfigOnChange=false"],
        });
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(url);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.ListenWithNulPaths();
        });
        var app = builder.Build();
        app.Use(NulPath.RestoreAsync);
        app.Use(requests.InvokeAsync);
        map(app);
        return app;
    }

    private static Uri BoundAddress(WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        return new Uri(addresses.Addresses.First());
    }
}
