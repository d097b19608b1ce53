using System.Text.Json.Nodes;

namespace Conformance.ReferenceServer.Dashboard.Endpoints;

/// <summary><c>ingest/copy_metadata_files/</c>.</summary>
internal static class IngestEndpoints
{
    /// <summary>
    /// Copies <c>source_paths[]</c> (base64 of "location_uuid:path") into the SIP's metadata directory
    /// (<c>&lt;SIP directory&gt;/metadata/&lt;name&gt;</c>).
    /// Undecodable paths and an unknown <c>sip_uuid</c> are unhandled in the original: 500 page.
    /// </summary>
    public static Reply CopyMetadataFiles(DashboardRequest request)
    {
        var sipUuid = request.FormValue("sip_uuid");
        var encodedPaths = request.FormList("source_paths[]");
        if (string.IsNullOrEmpty(sipUuid) || encodedPaths.Count == 0)
        {
            return DashboardReply.Error("sip_uuid and source_paths[] both required.");
        }
        var paths = new List<string>();
        foreach (var encoded in encodedPaths)
        {
            if (!PythonBase64.TryDecodeString(encoded, out var decoded))
            {
                return DashboardReply.ServerErrorPage();
            }
            paths.Add(decoded);
        }
        return request.State.Locked(data =>
        {
            if (data.FindUnit(sipUuid, UnitType.Sip) is not { } sip)
            {
                return DashboardReply.ServerErrorPage(); // SIP.DoesNotExist escapes the view
            }
            foreach (var path in paths)
            {
                if (TransferSource.Check(path, request) is { } problem)
                {
                    return DashboardReply.Error(problem, 500);
                }
            }
            foreach (var path in paths)
            {
                if (TransferSource.CopyIntoMetadata(request, path.Split(':', 2)[1], sip) is { } copyError)
                {
                    return DashboardReply.Error(copyError, 500);
                }
            }
            return DashboardReply.JsonBody(new JsonObject { ["error"] = false, ["message"] = "Metadata files added successfully." }, 201);
        });
    }
}
