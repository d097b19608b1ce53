using System.Text.Json.Nodes;

namespace Conformance.Framework.Checks;

/// <summary>
/// XSVC-01: the dashboard's pipeline (X-Archivematica-ID) is registered in the Storage Service, and
/// every AIP the dashboard reports stored exists there, stored by that pipeline. Each check is a
/// function of one step's answers.
/// </summary>
public static class CrossService
{
    /// <summary>HDR-01 on the dashboard's side: it names its pipeline in X-Archivematica-ID.</summary>
    public static CheckResult PipelineNamed(Exchange dashboard, out string pipeline)
    {
        pipeline = dashboard.Header("X-Archivematica-ID") ?? "";
        return Guid.TryParse(pipeline, out _)
            ? CheckResult.Pass(Requirement.RequiredHeaders, $"X-Archivematica-ID {pipeline}")
            : CheckResult.Fail(Requirement.RequiredHeaders, "the dashboard sends no X-Archivematica-ID");
    }

    public static CheckResult PipelineRegistered(StepAnswer detail, string pipeline) => Of(detail.Status == 200,
        $"pipeline/{pipeline}/ answers 200",
        $"pipeline/{pipeline}/ answers {detail.Status}: the dashboard's pipeline is not registered (or is disabled) in this Storage Service");

    public static CheckResult PipelineListedOnce(StepAnswer listed, string pipeline) => Of(listed.Text("meta.total_count") == "1",
        "?uuid= lists it once", $"?uuid={pipeline} lists {listed.Text("meta.total_count")} pipelines");

    /// <summary>file/set/ of the completed ingests finds every one of them.</summary>
    public static CheckResult AllFound(StepAnswer set, int asked)
    {
        var missing = set.Array("not_found").Select(n => n?.GetValue<string>()).ToList();
        return Of(missing.Count == 0, $"all {asked} found", $"{missing.Count} of the {asked} completed ingests are not in the Storage Service: {string.Join(", ", missing)}");
    }

    /// <summary>Every package file/set/ found is an AIP (or AIC) stored by the pipeline.</summary>
    public static CheckResult AllAipsOf(StepAnswer set, string pipeline)
    {
        var foreign = set.Array("objects").OfType<JsonObject>()
            .Where(o => o["package_type"]?.GetValue<string>() is not ("AIP" or "AIC") || o["origin_pipeline"]?.GetValue<string>()?.Contains(pipeline, StringComparison.OrdinalIgnoreCase) != true)
            .Select(o => $"{o["uuid"]} ({o["package_type"]}, origin_pipeline {o["origin_pipeline"]})").ToList();
        return Of(foreign.Count == 0, "each an AIP stored by this pipeline", "not AIPs of this pipeline: " + string.Join(", ", foreign));
    }

    public static CheckResult AipFound(StepAnswer aip, string sipUuid) => Of(aip.Status == 200,
        $"file/{sipUuid}/ answers 200", $"the dashboard reports {sipUuid} stored, but the Storage Service answers {aip.Status} for it");

    public static CheckResult IsAip(StepAnswer aip) => Of(aip.Text("package_type") is "AIP" or "AIC",
        $"package_type {aip.Text("package_type")}", $"package_type is {aip.Text("package_type")}, not AIP");

    public static CheckResult StoredBy(StepAnswer aip, string pipeline) => Of(aip.Text("origin_pipeline")?.Contains(pipeline, StringComparison.OrdinalIgnoreCase) == true,
        $"stored by pipeline {pipeline}", $"origin_pipeline is {aip.Text("origin_pipeline")}, not this dashboard's pipeline {pipeline}");

    private static CheckResult Of(bool holds, string passed, string failed) => new(Requirement.CrossService, holds, holds ? passed : failed);
}
