using System.Globalization;
using System.Text.Json.Nodes;

namespace Conformance.ReferenceServer.Dashboard.Endpoints;

/// <summary><c>v2beta/jobs/{unit uuid}</c> and <c>v2beta/task/{uuid}</c>.</summary>
internal static class JobEndpoints
{
    /// <summary>
    /// A top-level array of the unit's jobs by creation time, filtered by <c>microservice</c>,
    /// <c>link_uuid</c> and <c>name</c> after the existence check. <c>?detailed</c> adds task
    /// details from 1.16.0 (A7); non-hex UUID-shaped values crash from 1.15.0 (A5).
    /// </summary>
    public static Reply Jobs(DashboardRequest request)
    {
        var uuid = request.RouteValue("uuid");
        if (request.Version.AtLeast("1.15.0") && !PythonStrings.IsHexUuid(uuid))
        {
            return DashboardReply.ServerErrorPage();
        }
        var microservice = Filter(request.Query("microservice"), "Microservice:");
        var linkUuid = Filter(request.Query("link_uuid"), "");
        var name = Filter(request.Query("name"), "Job:");
        var detailed = request.Version.AtLeast("1.16.0") && request.HasQuery("detailed");
        return request.State.Locked(data =>
        {
            foreach (var unit in data.Units.Where(u => DashboardData.SameUuid(u.Uuid, uuid)).ToList())
            {
                Progression.Advance(data, unit, UnitEndpoints.AipStored(request));
            }
            var jobs = data.JobsOf(uuid).OrderBy(j => j.CreatedAt).ThenBy(j => j.Sequence).ToList();
            if (jobs.Count == 0)
            {
                return DashboardReply.Error($"No jobs found for unit: {uuid}");
            }
            // Django's MySQL connection is utf8 (utf8mb3): a character outside the BMP compared with the
            // utf8mb4 text columns is OperationalError 1267, the 500 page (a known deviation).
            if (new[] { microservice, name }.Any(value => value is not null && value.Any(char.IsSurrogate)))
            {
                return DashboardReply.ServerErrorPage();
            }
            var result = new JsonArray();
            foreach (var job in jobs.Where(j => Matches(j.Microservice, microservice) && Matches(j.LinkUuid, linkUuid) && Matches(j.Name, name)))
            {
                var tasks = new JsonArray();
                foreach (var task in job.Tasks)
                {
                    tasks.Add(FormatTask(task, detailed));
                }
                result.Add(new JsonObject
                {
                    ["uuid"] = job.Uuid,
                    ["name"] = job.Name,
                    ["status"] = StatusLabel(job.Step),
                    ["microservice"] = job.Microservice,
                    ["link_uuid"] = job.LinkUuid,
                    ["tasks"] = tasks,
                });
            }
            return DashboardReply.JsonBody(result);
        });
    }

    public static Reply Task(DashboardRequest request)
    {
        var uuid = request.RouteValue("uuid");
        return request.State.Locked(data =>
        {
            var task = data.Jobs.SelectMany(j => j.Tasks).FirstOrDefault(t => DashboardData.SameUuid(t.Uuid, uuid));
            return task is null
                ? DashboardReply.Error($"Task with UUID {uuid} does not exist")
                : DashboardReply.JsonBody(FormatTask(task, detailed: true));
        });
    }

    private static JsonObject FormatTask(TaskRecord task, bool detailed)
    {
        var result = new JsonObject { ["uuid"] = task.Uuid, ["exit_code"] = task.ExitCode };
        if (detailed)
        {
            result["file_uuid"] = task.FileUuid;
            result["file_name"] = task.FileName;
            result["time_created"] = Format(task.CreatedAt);
            result["time_started"] = Format(task.StartedAt);
            result["time_ended"] = Format(task.EndedAt);
            result["duration"] = Duration(task);
        }
        return result;
    }

    /// <summary><c>helpers.task_duration_in_seconds</c>: whole seconds, "&lt; 1" for 0, "" while running.</summary>
    private static JsonNode Duration(TaskRecord task)
    {
        if (task.EndedAt is not { } ended || task.StartedAt is not { } started)
        {
            return "";
        }
        var seconds = (long)(ended - started).TotalSeconds;
        return seconds == 0 ? "< 1" : seconds;
    }

    /// <summary>Naive <c>%Y-%m-%dT%H:%M:%S</c>, no zone.</summary>
    private static string? Format(DateTime? value) =>
        value?.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);

    private static string? StatusLabel(JobStep step) => step switch
    {
        JobStep.Unknown => "UNKNOWN",
        JobStep.AwaitingDecision => "USER_INPUT",
        JobStep.CompletedSuccessfully => "COMPLETE",
        JobStep.ExecutingCommands => "PROCESSING",
        JobStep.Failed => "FAILED",
        _ => null,
    };

    /// <summary>An optional prefix ("Microservice:", "Job:") is removed, then whitespace stripped.</summary>
    private static string? Filter(string? value, string prefix) =>
        value is null ? null : (value.StartsWith(prefix, StringComparison.Ordinal) ? value[prefix.Length..] : value).Trim();

    /// <summary>MySQL compares these columns case-insensitively.</summary>
    private static bool Matches(string column, string? filter) =>
        filter is null || string.Equals(column, filter, StringComparison.OrdinalIgnoreCase);
}
