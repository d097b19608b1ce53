using Microsoft.AspNetCore.Builder;

namespace Conformance.ReferenceServer.Storage;

/// <summary>The Archivematica Storage Service API (/api/v1/..., /api/v2/...), served from <see cref="StorageState"/>.</summary>
public static class StorageApp
{
    public static void Map(WebApplication app, StorageState state, ReferenceServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(app);
        var router = new StorageRouter(state, options);
        app.Run(router.HandleAsync);
    }
}
