using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Conformance.ReferenceServer.Storage.Resources;

/// <summary>
/// /api/{v}/async/: background tasks. The list accepts every tastypie default method (GET, POST,
/// PUT, DELETE, PATCH) because the resource never restricted them; the detail is GET only.
/// </summary>
internal static class AsyncResource
{
    public static Reply List(ApiContext ctx) =>
        TastypieViews.List(ctx, "async", ctx.State.AsyncTasks, t => Dehydrate.Async(Progress(t), ctx.ApiVersion));

    public static Reply Detail(ApiContext ctx) =>
        TastypieViews.Detail(ctx, Find(ctx, ctx.Group("id")), t => Dehydrate.Async(Progress(t, ctx.State.Faults.IsActive(Fault.AsyncTaskFails, "ss.async.detail")), ctx.ApiVersion));

    public static Reply Schema(ApiContext ctx) => TastypieViews.Schema(ctx, "async");

    /// <summary>
    /// get_multiple filters id__in on the integer primary key outside obj_get's ValueError handling: a
    /// non-integer id is the canned 500 (a known deviation), not the detail view's 404.
    /// </summary>
    public static Reply Set(ApiContext ctx) => TastypieViews.Set(ctx, "async", id => PythonInt.TryParse(id, out var number)
        ? ctx.State.AsyncTasks.FirstOrDefault(t => t.Id == number)
        : throw new InvalidOperationException($"invalid literal for int() with base 10: '{id}'"), t => Dehydrate.Async(Progress(t), ctx.ApiVersion));

    /// <summary>
    /// Integer primary key; a non-integer id is tastypie NotFound (404 with the canned error). Python ints
    /// have no bound and Django (before 5.0) sends an out-of-range one to the database, which finds nothing: the empty 404.
    /// </summary>
    private static AsyncTask? Find(ApiContext ctx, string id) =>
        PythonInt.TryParse(id, out var number)
            ? ctx.State.AsyncTasks.FirstOrDefault(t => t.Id == number)
            : throw new TastypieNotFoundException("Invalid resource lookup data provided (mismatched type).");

    /// <summary>
    /// Queues a task as the SS does: not completed at first; a worker runs it by the time the task is
    /// read a second time, so a client polling async/&lt;id&gt;/ sees completed false, then true.
    /// </summary>
    public static AsyncTask Run(StorageState state, Func<JsonNode?> work)
    {
        var now = PythonDateTime.Now();
        var task = new AsyncTask { Id = state.NextAsyncId(), CreatedTime = now, UpdatedTime = now, Pending = work };
        state.AsyncTasks.Add(task);
        return task;
    }

    /// <summary>One read of a task: queued work runs on the second read (callers hold the state lock).</summary>
    private static AsyncTask Progress(AsyncTask task, bool fail = false)
    {
        if (task.Pending is not { } work)
        {
            return task;
        }

        if (task.PendingReads++ == 0)
        {
            return task;
        }

        task.Pending = null;
        try
        {
            task.Result = fail ? throw new InvalidOperationException("Fault AsyncTaskFails: the task failed") : work();
        }
#pragma warning disable CA1031 // Whatever the work raises is recorded on the task, as the SS task runner does.
        catch (Exception e)
#pragma warning restore CA1031
        {
            task.WasError = true;
            task.Error = e.Message;
        }
        task.Completed = true;
        task.CompletedTime = task.UpdatedTime = PythonDateTime.Now();
        return task;
    }

    /// <summary>202 with Location /api/v2/async/&lt;id&gt;/ (always v2, whatever version was called).</summary>
    public static Reply Accepted(AsyncTask task) =>
        Reply.Empty(202).WithHeader("Location", $"/api/v2/async/{task.Id.ToString(CultureInfo.InvariantCulture)}/");

    /// <summary>post_list: ModelResource.obj_create with whatever fields are given; 201 + Location.</summary>
    public static Reply Create(ApiContext ctx)
    {
        var body = TastypieViews.BodyObject(ctx);
        var task = Hydrate(ctx.State, body);
        ctx.State.AsyncTasks.Add(task);
        return ctx.Respond(201, Echo(body, task, ctx.ApiVersion), resourceObject: true).WithHeader("Location", ctx.Uri("async", task.Id.ToString(CultureInfo.InvariantCulture)));
    }

    /// <summary>put_list: deletes every task, then creates those under "objects".</summary>
    public static Reply Replace(ApiContext ctx)
    {
        var body = TastypieViews.BodyObject(ctx);
        if (body["objects"] is not JsonArray items)
        {
            throw new TastypieBadRequestException("Invalid data sent: missing 'objects'");
        }
        ctx.State.AsyncTasks.Clear();
        var created = new JsonArray();
        foreach (var item in items)
        {
            var data = item as JsonObject ?? throw new InvalidOperationException("'list' object has no attribute 'items'");
            var task = Hydrate(ctx.State, data);
            ctx.State.AsyncTasks.Add(task);
            created.Add(Echo(data, task, ctx.ApiVersion));
        }
        return ctx.Respond(200, new JsonObject { ["objects"] = created });
    }

    /// <summary>patch_list: creating objects needs "put" on the detail (not allowed: 405); an empty list is 202.</summary>
    public static Reply Patch(ApiContext ctx)
    {
        var body = TastypieViews.BodyObject(ctx);
        if (body["objects"] is not JsonArray items)
        {
            throw new TastypieBadRequestException("Invalid data sent: missing 'objects'");
        }
        if (items.Count > 0 || body["deleted_objects"] is JsonArray { Count: > 0 })
        {
            return Reply.Empty(405);
        }
        return ctx.Respond(202, new JsonObject { ["objects"] = new JsonArray() });
    }

    /// <summary>delete_list: removes every task.</summary>
    public static Reply DeleteAll(ApiContext ctx)
    {
        ctx.State.AsyncTasks.Clear();
        return Reply.NoContent();
    }

    private static AsyncTask Hydrate(StorageState state, JsonObject data)
    {
        var now = PythonDateTime.Now();
        bool Flag(string name) => data[name] is JsonValue v && v.GetValueKind() == JsonValueKind.True;
        return new AsyncTask
        {
            Id = state.NextAsyncId(),
            Completed = Flag("completed"),
            WasError = Flag("was_error"),
            CreatedTime = now,
            UpdatedTime = now,
        };
    }

    private static JsonObject Echo(JsonObject input, AsyncTask task, string apiVersion)
    {
        var data = (JsonObject)input.DeepClone();
        foreach (var (key, value) in Dehydrate.Async(task, apiVersion))
        {
            data[key] = value?.DeepClone();
        }
        return data;
    }
}
