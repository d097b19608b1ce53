using Microsoft.AspNetCore.Builder;

namespace Conformance.ReferenceServer.Dashboard;

/// <summary>The Archivematica dashboard API (/api/transfer, /api/ingest, /api/v2beta, ...).</summary>
public static class DashboardApp
{
    public static void Map(WebApplication app, DashboardState state, ReferenceServerOptions options)
    {
        var pipeline = new DashboardPipeline(state, options);
        app.Run(pipeline.HandleAsync);
    }
}
