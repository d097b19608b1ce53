using System.Text.RegularExpressions;

namespace Conformance.ReferenceServer.Storage.Routes;

/// <summary>
/// The Storage Service URLconf under /api/, in Django's resolution order: per API version the
/// tastypie top level, then each resource (alphabetical) with its prepend_urls before the standard
/// list/schema/set/detail routes, then the SWORD service document (unanchored before SS 0.21).
/// Custom routes take identifiers matching \w[\w/-]*; detail routes take anything (.*?).
/// </summary>
internal static class StorageRoutes
{
    private const string Id = @"(?<uuid>\w[\w/-]*)";

    public static IReadOnlyList<Route> Build(StorageVersion version)
    {
        var routes = new List<Route>();
        foreach (var v in new[] { "v1", "v2" })
        {
            var table = new Table(routes, v);
            table.Add("$", RouteKind.Root, [], false, (Route.AnyMethod, "ss.root", RootResource.TopLevel));
            AddAsync(table);
            AddFile(table);
            AddLocation(table);
            AddPipeline(table);
            AddSpace(table);
            var serviceDocument = new Regex((version.AnchorsSwordServiceDocument ? "^" : "") + v + "/sword/$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            routes.Add(new Route(serviceDocument, v, RouteKind.PlainView, [], false,
                new Dictionary<string, (string, Func<ApiContext, Reply>)> { [Route.AnyMethod] = ("ss.sword.service_document", SwordRoutes.ServiceDocument) }));
        }
        return routes;
    }

    private static void AddAsync(Table t)
    {
        t.Dispatch("async/$",
            ("get", "ss.async.list", AsyncResource.List), ("post", "ss.async.list_post", AsyncResource.Create),
            ("put", "ss.async.list_put", AsyncResource.Replace), ("delete", "ss.async.list_delete", AsyncResource.DeleteAll),
            ("patch", "ss.async.list_patch", AsyncResource.Patch));
        t.Custom("async/schema/$", ("get", "ss.async.schema", AsyncResource.Schema));
        t.Custom("async/set/(?<ids>.*?)/$", ("get", "ss.async.set", AsyncResource.Set));
        t.Dispatch("async/(?<id>.*?)/$", ("get", "ss.async.detail", AsyncResource.Detail));
    }

    private static void AddFile(Table t)
    {
        t.Custom("file/async/$", ("post", "ss.file.create_async", PackageResource.CreateAsync));
        t.Custom($"file/{Id}/delete_aip/$", ("post", "ss.file.delete_aip", PackageRequestRoutes.DeleteAip));
        t.Custom($"file/{Id}/recover_aip/$", ("post", "ss.file.recover_aip", PackageRequestRoutes.RecoverAip));
        t.Custom($"file/{Id}/extract_file/$", ("get", "ss.file.extract_file", PackageFileRoutes.ExtractFile), ("head", "ss.file.extract_file", PackageFileRoutes.ExtractFile));
        t.Custom($@"file/{Id}/download/(?<chunk>\d+)/$", ("get", "ss.file.download_chunk", PackageFileRoutes.Download), ("head", "ss.file.download_chunk", PackageFileRoutes.Download));
        t.Custom($"file/{Id}/download/$", ("get", "ss.file.download", PackageFileRoutes.Download), ("head", "ss.file.download", PackageFileRoutes.Download));
        t.Custom($"file/{Id}/pointer_file/$", ("get", "ss.file.pointer_file", PackageFileRoutes.PointerFile));
        t.Custom($"file/{Id}/check_fixity/$", ("get", "ss.file.check_fixity", PackageFileRoutes.CheckFixity));
        t.Custom($"file/{Id}/compress/$", ("put", "ss.file.compress", PackageFileRoutes.Compress));
        t.Custom($"file/{Id}/send_callback/post_store/$", ("get", "ss.file.post_store_callback", PackageFileRoutes.PostStoreCallback));
        t.Custom($"file/{Id}/contents/$",
            ("get", "ss.file.contents.get", PackageContentsRoutes.Contents), ("put", "ss.file.contents.put", PackageContentsRoutes.Contents),
            ("delete", "ss.file.contents.delete", PackageContentsRoutes.Contents));
        t.Custom("file/metadata/$", ("get", "ss.file.metadata", PackageContentsRoutes.Metadata), ("post", "ss.file.metadata", PackageContentsRoutes.Metadata));
        t.Custom($"file/{Id}/reindex/$", ("post", "ss.file.reindex", PackageContentsRoutes.Reindex));
        t.Custom($"file/{Id}/reingest/$", ("post", "ss.file.reingest", PackageRequestRoutes.Reingest));
        t.Custom($"file/{Id}/move/$", ("post", "ss.file.move", PackageRequestRoutes.Move));
        t.Sword($"file/{Id}/sword/$", SwordRoutes.Deposit,
            ("GET", "ss.file.sword.get"), ("POST", "ss.file.sword.post"), ("PUT", "ss.file.sword.put"), ("DELETE", "ss.file.sword.delete"));
        t.Sword($"file/{Id}/sword/media/$", SwordRoutes.Media,
            ("GET", "ss.file.sword_media.get"), ("POST", "ss.file.sword_media.post"), ("PUT", "ss.file.sword_media.put"), ("DELETE", "ss.file.sword_media.delete"));
        t.Sword($"file/{Id}/sword/state/$", SwordRoutes.State, ("GET", "ss.file.sword_state.get"));
        t.Dispatch("file/$", ("get", "ss.file.list", PackageResource.List), ("post", "ss.file.create", PackageResource.Create));
        t.Custom("file/schema/$", ("get", "ss.file.schema", PackageResource.Schema));
        t.Custom("file/set/(?<ids>.*?)/$", ("get", "ss.file.set", PackageResource.Set));
        t.Dispatch("file/(?<uuid>.*?)/$",
            ("get", "ss.file.detail", PackageResource.Detail), ("put", "ss.file.update", PackageResource.Update), ("patch", "ss.file.patch", PackageResource.Patch));
    }

    private static void AddLocation(Table t)
    {
        t.Custom("location/default/(?<purpose>[A-Z]{2})/$", ("get", "ss.location.default", LocationResource.Default), ("post", "ss.location.default", LocationResource.Default));
        t.Custom($"location/{Id}/browse/$", ("get", "ss.location.browse", LocationResource.Browse));
        t.Custom($"location/{Id}/async/$", ("post", "ss.location.async_move", LocationResource.MoveFilesAsync));
        t.Sword($"location/{Id}/sword/collection/$", SwordRoutes.Collection,
            ("GET", "ss.location.sword_collection.get"), ("POST", "ss.location.sword_collection.post"));
        t.Dispatch("location/$", ("get", "ss.location.list", LocationResource.List), ("post", "ss.location.create", LocationResource.Create));
        t.Custom("location/schema/$", ("get", "ss.location.schema", LocationResource.Schema));
        t.Custom("location/set/(?<ids>.*?)/$", ("get", "ss.location.set", LocationResource.Set));
        t.Dispatch("location/(?<uuid>.*?)/$", ("get", "ss.location.detail", LocationResource.Detail), ("post", "ss.location.move_files", LocationResource.MoveFiles));
    }

    private static void AddPipeline(Table t)
    {
        t.Dispatch("pipeline/$", ("get", "ss.pipeline.list", PipelineResource.List), ("post", "ss.pipeline.create", PipelineResource.Create));
        t.Custom("pipeline/schema/$", ("get", "ss.pipeline.schema", PipelineResource.Schema));
        t.Custom("pipeline/set/(?<ids>.*?)/$", ("get", "ss.pipeline.set", PipelineResource.Set));
        t.Dispatch("pipeline/(?<uuid>.*?)/$", ("get", "ss.pipeline.detail", PipelineResource.Detail));
    }

    private static void AddSpace(Table t)
    {
        t.Custom($"space/{Id}/browse/$", ("get", "ss.space.browse", SpaceResource.Browse));
        t.Dispatch("space/$", ("get", "ss.space.list", SpaceResource.List), ("post", "ss.space.create", SpaceResource.Create));
        t.Custom("space/schema/$", ("get", "ss.space.schema", SpaceResource.Schema));
        t.Custom("space/set/(?<ids>.*?)/$", ("get", "ss.space.set", SpaceResource.Set));
        t.Dispatch("space/(?<uuid>.*?)/$", ("get", "ss.space.detail", SpaceResource.Detail));
    }

    /// <summary>Appends routes for one API version ("^v2/" + pattern).</summary>
    private sealed class Table(List<Route> routes, string apiVersion)
    {
        /// <summary>tastypie dispatch_list/dispatch_detail: honours X-HTTP-Method-Override.</summary>
        public void Dispatch(string pattern, params (string Method, string EndpointId, Func<ApiContext, Reply> Handler)[] methods) =>
            Add(pattern, RouteKind.Tastypie, methods.Select(m => m.Method).ToArray(), true, methods);

        /// <summary>prepend_urls views and get_schema/get_multiple: their own method_check, no override.</summary>
        public void Custom(string pattern, params (string Method, string EndpointId, Func<ApiContext, Reply> Handler)[] methods) =>
            Add(pattern, RouteKind.Tastypie, methods.Select(m => m.Method).ToArray(), false, methods);

        public void Sword(string pattern, Func<ApiContext, Reply> handler, params (string Method, string EndpointId)[] methods)
        {
            var entries = methods.Select(m => (m.Method.ToLowerInvariant(), m.EndpointId, handler))
                .Append((Route.AnyMethod, methods[0].EndpointId, handler)).ToArray();
            Add(pattern, RouteKind.Sword, [], false, entries);
        }

        public void Add(string pattern, RouteKind kind, string[] allowed, bool methodOverride, params (string Method, string EndpointId, Func<ApiContext, Reply> Handler)[] methods)
        {
            var regex = new Regex("^" + apiVersion + "/" + pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            var table = methods.ToDictionary(m => m.Method, m => (m.EndpointId, m.Handler), StringComparer.Ordinal);
            routes.Add(new Route(regex, apiVersion, kind, allowed, methodOverride, table));
        }
    }
}
