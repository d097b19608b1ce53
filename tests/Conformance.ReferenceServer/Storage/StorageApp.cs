using Conformance.ReferenceServer.Hosting;
using Microsoft.AspNetCore.Builder;

namespace Conformance.ReferenceServer.Storage;

/// <summary>The Archivematica Storage Service API (/api/v1/..., /api/v2/...).</summary>
public static class StorageApp
{
    public static void Map(WebApplication app, ReferenceServerOptions options)
    {
        _ = options;
        app.Run(context =>
        {
            context.Response.StatusCode = 404;
            return Task.CompletedTask;
        });
    }
}
