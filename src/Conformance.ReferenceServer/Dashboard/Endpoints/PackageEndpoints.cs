using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Conformance.ReferenceServer.Dashboard.Endpoints;

/// <summary><c>v2beta/package</c>: GET is a 501 placeholder; POST creates a transfer asynchronously.</summary>
internal static class PackageEndpoints
{
    private const string CannotDecode = "Parameter \"path\" cannot be decoded.";
    private const string CannotCreate = "Package cannot be created";

    public static Reply Package(DashboardRequest request) =>
        request.Method == "POST" ? Create(request) : Reply.Empty(501);

    /// <summary>
    /// The raw body is parsed as JSON whatever the Content-Type. Undecodable input (a path that is not
    /// base64 of UTF-8 included) is 400; what MCPServer's <c>create_package</c> rejects before it
    /// creates the transfer (no name, unknown type, empty path, non-boolean auto_approve) is 500.
    /// Everything else is 202: the copy runs in MCPServer's executor after the answer, and a copy that
    /// fails there (a location other than the pipeline's transfer source, a path outside it, a name
    /// that is no directory name) only leaves the transfer without jobs (<c>_capture_transfer_failure</c>).
    /// The path is copied into the shared tmp directory, then that copy is moved into the watched directory.
    /// </summary>
    private static Reply Create(DashboardRequest request)
    {
        Dictionary<string, JsonElement> payload;
        try
        {
            var text = new UTF8Encoding(false, true).GetString(request.Body);
            using var document = JsonDocument.Parse(text);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                // A8: payload.get raises AttributeError; 1.15.0 maps it to the 400 as well.
                return request.Version.AtLeast("1.15.0") ? DashboardReply.Error(CannotDecode) : DashboardReply.ServerErrorPage();
            }
            payload = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            foreach (var property in document.RootElement.EnumerateObject())
            {
                payload[property.Name] = property.Value.Clone(); // duplicate keys: the last one wins, as in Python
            }
        }
        catch (Exception e) when (e is JsonException or DecoderFallbackException)
        {
            return DashboardReply.Error(CannotDecode);
        }

        if (!payload.TryGetValue("path", out var pathValue) || pathValue.ValueKind != JsonValueKind.String
            || !PythonBase64.TryDecodeString(pathValue.GetString()!, out var path))
        {
            return DashboardReply.Error(CannotDecode);
        }

        var name = payload.GetValueOrDefault("name");
        var type = payload.TryGetValue("type", out var typeValue) && typeValue.ValueKind != JsonValueKind.Null ? typeValue : (JsonElement?)null;
        var typeName = type is null || (type.Value.ValueKind == JsonValueKind.String && type.Value.GetString() == "disk image")
            ? "standard"
            : type.Value.ValueKind == JsonValueKind.String ? type.Value.GetString()! : null;
        var autoApprove = !payload.TryGetValue("auto_approve", out var autoValue) || autoValue.ValueKind == JsonValueKind.True;
        var autoApproveIsBool = !payload.ContainsKey("auto_approve") || autoValue.ValueKind is JsonValueKind.True or JsonValueKind.False;
        if (!IsTruthy(name) || typeName is null || !Workflow.TransferTypeDirectories.TryGetValue(typeName, out var watchedDirectory)
            || path.Length == 0 || !autoApproveIsBool)
        {
            return DashboardReply.Error(CannotCreate, 500);
        }

        var transferName = name.ValueKind == JsonValueKind.String ? name.GetString()! : name.GetRawText();
        return request.State.Locked(data =>
        {
            var uuid = data.NewUuid();
            var directory = UniqueDirectory(data, watchedDirectory, transferName);
            if (!InTransferSource(path, request) || (name.ValueKind == JsonValueKind.String && TransferSource.IsBadDirectoryName(transferName))
                || TransferSource.CopyIntoWatchedDirectory(request, RelativePath(path), transferName, watchedDirectory, directory) is not null)
            {
                data.AddUnit(UnitType.Transfer, uuid, ""); // Transfer.objects.create(uuid=...): no location yet, no jobs
                return Accepted(uuid);
            }
            var transfer = Scenarios.TransferAwaitingApproval(data, uuid, watchedDirectory, directory);
            if (autoApprove)
            {
                data.JobsOf(uuid).Single().Step = JobStep.CompletedSuccessfully;
                Progression.Approved(data, transfer);
            }
            return Accepted(uuid);
        });
    }

    private static Reply Accepted(string uuid) => DashboardReply.JsonBody(new JsonObject { ["id"] = uuid }, 202);

    /// <summary>"location_uuid:path" must name the pipeline's transfer source (a bare path means the default one) and a path inside it.</summary>
    private static bool InTransferSource(string path, DashboardRequest request) =>
        (!IsLocated(path) || path[..36] == ReferenceData.TransferSourceLocationUuid)
        && TransferSource.PathProblem(RelativePath(path), request) is null;

    private static bool IsLocated(string path) => path.IndexOf(':', StringComparison.Ordinal) == 36;

    /// <summary>The path inside the transfer source, without its "location_uuid:".</summary>
    private static string RelativePath(string path) => IsLocated(path) ? path[37..] : path;

    /// <summary>Python truthiness of a JSON value (absent, null, false, 0, "", [] and {} are false).</summary>
    private static bool IsTruthy(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Undefined or JsonValueKind.Null or JsonValueKind.False => false,
        JsonValueKind.String => value.GetString()!.Length > 0,
        JsonValueKind.Number => value.GetDouble() != 0,
        JsonValueKind.Array => value.GetArrayLength() > 0,
        JsonValueKind.Object => value.EnumerateObject().Any(),
        _ => true,
    };

    /// <summary><c>pad_destination_filepath_if_it_already_exists</c>: name, name_1, name_2, ...</summary>
    private static string UniqueDirectory(DashboardData data, string watchedDirectory, string name)
    {
        var prefix = $"{Workflow.ActiveTransfers}{watchedDirectory}/";
        var candidate = name;
        for (var attempt = 1; data.Units.Exists(u => u.CurrentPath.TrimEnd('/') == prefix + candidate); attempt++)
        {
            candidate = $"{name}_{attempt}";
        }
        return candidate;
    }
}
