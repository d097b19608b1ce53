using System.Text.Json.Nodes;

namespace Conformance.ReferenceServer.Dashboard.Endpoints;

/// <summary>Levels of description (<c>.../atom/levels/</c>, <c>.../atom/fetch_levels/</c>) and <c>filesystem/metadata/</c>.</summary>
internal static class FilesystemEndpoints
{
    /// <summary>A JSON array of one-key objects, level UUID to name, by sort order.</summary>
    public static Reply Levels(DashboardRequest request) => request.State.Locked(LevelsBody);

    /// <summary>
    /// Re-downloads the levels from AtoM, replacing every row (new UUIDs each time), then lists them.
    /// The emulated AtoM always answers with the same four levels.
    /// </summary>
    public static Reply FetchLevels(DashboardRequest request) => request.State.Locked(data =>
    {
        var fetched = data.Levels.OrderBy(l => l.SortOrder).Select(l => l with { Id = data.NewUuid() }).ToList();
        data.Levels.Clear();
        data.Levels.AddRange(fetched);
        return LevelsBody(data);
    });

    private static Reply LevelsBody(DashboardData data)
    {
        var levels = new JsonArray();
        foreach (var level in data.Levels.OrderBy(l => l.SortOrder))
        {
            levels.Add(new JsonObject { [level.Id] = level.Name });
        }
        return DashboardReply.JsonBody(levels);
    }

    /// <summary>
    /// GET reads, POST sets the level of description of an arrangement entry, found by <c>path</c>
    /// with or without a trailing slash. Unknown paths raise Http404 (the HTML page, not JSON).
    /// POST answers 201 even for an update, and reads form fields (not JSON as the docs claim).
    /// </summary>
    public static Reply PathMetadata(DashboardRequest request)
    {
        var isPost = request.Method == "POST";
        var path = (isPost ? request.FormValue("path") : request.Query("path")) ?? "";
        var levelId = request.FormValue("level_of_description");
        return request.State.Locked(data =>
        {
            var entry = data.Arrange.Find(a => !a.SipCreated && (a.ArrangePath == path || a.ArrangePath == path + "/"));
            if (entry is null)
            {
                return DashboardReply.NotFoundPage();
            }
            if (!isPost)
            {
                return DashboardReply.JsonBody(new JsonObject { ["level_of_description"] = entry.LevelOfDescription });
            }
            var malformed = levelId is not null && !Guid.TryParse(levelId, out _);
            if (malformed && request.Version.Below("1.15.0"))
            {
                return DashboardReply.ServerErrorPage(); // ValidationError on the UUID primary key
            }
            if (request.Version.Below("1.15.0"))
            {
                entry.RelativeLocation = path; // A9: dropped in 1.15.0, invisible in responses
            }
            var level = levelId is not null && Guid.TryParse(levelId, out var id)
                ? data.Levels.Find(l => Guid.Parse(l.Id) == id)
                : null;
            entry.LevelOfDescription = level?.Name ?? "";
            return DashboardReply.JsonBody(new JsonObject { ["success"] = true }, 201);
        });
    }
}
