using System.Text;

namespace Conformance.ReferenceServer.Storage.Sword;

/// <summary>
/// SWORD2 views. They never run tastypie authentication: reads are public, writes check permissions
/// of the Django session user only. The reference server has no sessions, so every write (and GET
/// on a deposit's edit IRI) is refused with a SWORD error document (403). URLs inside the documents
/// always use /api/v1/.
/// </summary>
internal static class SwordRoutes
{
    private const string PermissionDenied = "Permission denied: contact an administrator.";

    /// <summary>/api/{v}/sword/: any method; lists the SWORD deposit (SD) locations of Fedora spaces.</summary>
    public static Reply ServiceDocument(ApiContext ctx)
    {
        var collections = ctx.State.Locations
            .Where(l => l.Enabled && l.Purpose == "SD" && l.Space.AccessProtocol == "FEDORA")
            .Select(l => (string.IsNullOrEmpty(l.Description) ? "Collection" : l.Description!, ctx.Request.AbsoluteUri($"/api/v1/location/{l.Uuid}/sword/collection/")));
        return new Reply { Status = 200, ContentType = "application/atomserv+xml", Bytes = Encoding.UTF8.GetBytes(SwordDocuments.ServiceDocument(collections)) };
    }

    /// <summary>location/{uuid}/sword/collection/: GET lists deposits (public); POST creates one (session users only).</summary>
    public static Reply Collection(ApiContext ctx)
    {
        var uuid = ctx.Group("uuid");
        var location = Lookup(ctx, ctx.State.Locations, uuid, l => l.Uuid);
        if (location is not null && (location.Purpose != "SD" || location.Space.AccessProtocol != "FEDORA"))
        {
            return Reply.Text(400, "This is not a SWORD server space.");
        }
        switch (ctx.Request.Method)
        {
            case "GET":
                if (location is null)
                {
                    return SwordDocuments.Error(ctx.Request, 404, $"Location {uuid} does not exist.", "ErrorNotFound");
                }
                var url = ctx.Request.AbsoluteUri($"/api/v1/location/{location.Uuid}/sword/collection/");
                var deposits = ctx.State.Packages
                    .Where(p => p.CurrentLocation == location && p.PackageType == PackageTypes.Deposit && p.Status != PackageStatus.Deleted)
                    .Select(p => (PosixPath.BaseName(p.CurrentPath), ctx.Request.AbsoluteUri($"/api/v1/file/{p.Uuid}/sword/")));
                return Atom(SwordDocuments.Feed("Deposits", url, deposits));
            case "POST":
                return location is null
                    ? SwordDocuments.Error(ctx.Request, 404, $"Location {uuid} does not exist.", "ErrorNotFound")
                    : SwordDocuments.Error(ctx.Request, 403, PermissionDenied, "TargetOwnerUnknown");
            default:
                return SwordDocuments.Error(ctx.Request, 405, "This endpoint only responds to the GET and POST HTTP methods.", "MethodNotAllowed");
        }
    }

    /// <summary>
    /// file/{uuid}/sword/ (edit IRI): after the resource's guard (an existing non-deposit package: 400),
    /// deposit_edit checks the session user's permissions before it looks the deposit up, so every
    /// request, unknown deposit or unsupported method included, is refused (403).
    /// </summary>
    public static Reply Deposit(ApiContext ctx)
    {
        var package = Lookup(ctx, ctx.State.Packages, ctx.Group("uuid"), p => p.Uuid);
        return package is not null && package.PackageType != PackageTypes.Deposit
            ? Reply.Text(400, "This is not a SWORD deposit location.")
            : SwordDocuments.Error(ctx.Request, 403, PermissionDenied, "TargetOwnerUnknown");
    }

    /// <summary>
    /// file/{uuid}/sword/media/: GET lists the deposit's files (a Python list repr); any other method,
    /// one it does not support included, meets the session permission check first (403).
    /// </summary>
    public static Reply Media(ApiContext ctx) => WithDeposit(ctx, null, deposit =>
    {
        if (ctx.Request.Method != "GET")
        {
            return SwordDocuments.Error(ctx.Request, 403, PermissionDenied, "TargetOwnerUnknown");
        }
        var names = ctx.State.Disk.Children(deposit.FullPath).Select(n => "'" + n.Replace("'", "\\'", StringComparison.Ordinal) + "'");
        return Reply.Text(200, "[" + string.Join(", ", names) + "]");
    });

    /// <summary>file/{uuid}/sword/state/: GET only (public), an Atom feed of the deposit's state.</summary>
    public static Reply State(ApiContext ctx) => WithDeposit(ctx, ["GET"], deposit =>
    {
        var url = ctx.Request.AbsoluteUri($"/api/v1/file/{deposit.Uuid}/sword/state/");
        return Atom(SwordDocuments.Feed($"Deposit {deposit.Uuid} state: {deposit.Status}", url, []));
    });

    /// <summary>
    /// The resource-level guard (an existing non-deposit package: plain-text 400), then the view: unknown
    /// deposit 404, finalized deposit 400, unsupported method 405 — all SWORD error documents.
    /// </summary>
    private static Reply WithDeposit(ApiContext ctx, string[]? methods, Func<Package, Reply> handler)
    {
        var uuid = ctx.Group("uuid");
        var package = Lookup(ctx, ctx.State.Packages, uuid, p => p.Uuid);
        if (package is not null && package.PackageType != PackageTypes.Deposit)
        {
            return Reply.Text(400, "This is not a SWORD deposit location.");
        }
        if (package is null)
        {
            return SwordDocuments.Error(ctx.Request, 404, $"Deposit {uuid} does not exist.", "ErrorNotFound");
        }
        if (package.Status == PackageStatus.Finalize)
        {
            return SwordDocuments.Error(ctx.Request, 400, "This deposit has already been submitted for processing.");
        }
        if (methods is not null && !methods.Contains(ctx.Request.Method))
        {
            return SwordDocuments.Error(ctx.Request, 405, $"This endpoint only responds to the {string.Join(", ", methods)} HTTP methods.", "MethodNotAllowed");
        }
        return handler(package);
    }

    /// <summary>Model lookup by UUID: malformed UUIDs raise from SS 0.21, otherwise simply find nothing.</summary>
    private static T? Lookup<T>(ApiContext ctx, IEnumerable<T> objects, string uuid, Func<T, string> uuidOf)
        where T : class
    {
        var key = UuidRules.LookupKey(uuid, ctx.Version);
        return objects.FirstOrDefault(o => uuidOf(o) == key);
    }

    private static Reply Atom(string xml) =>
        new() { Status = 200, ContentType = "application/atom+xml;type=feed", Bytes = Encoding.UTF8.GetBytes(xml) };
}
