namespace Conformance.Framework.Reports;

/// <summary>
/// What a test assembly tells the report about its run (environment.properties): target URLs,
/// detected versions, run id. Asked once the tests have run. Never return a credential; the values
/// are redacted anyway.
/// </summary>
public interface IReportEnvironment
{
    IEnumerable<KeyValuePair<string, string>> Describe();

    /// <summary>Files about the whole run (a summary table), written as Allure global attachments: the report lists them apart from any test.</summary>
    IEnumerable<PendingAttachment> Attachments() => [];
}
