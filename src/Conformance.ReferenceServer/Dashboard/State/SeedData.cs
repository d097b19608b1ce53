namespace Conformance.ReferenceServer.Dashboard.State;

/// <summary>
/// The fixed starting data: enough units in every state that each read endpoint has something to
/// return. Unit and level ids are constants (listed in the report/README); job and task ids come from
/// a fixed random seed, so they are stable between runs too.
/// </summary>
internal static class SeedData
{
    public const string CompletedTransfer1 = "6513270e-269e-4d37-b2a7-4de452e6b438";
    public const string CompletedTransfer2 = "d23f0824-128b-4f33-8c5c-7fd0a6a3a450";
    public const string CompletedTransfer3 = "9531985d-5d9d-49f8-9818-e811892f902b";
    public const string ProcessingTransfer = "36f675cc-81e7-4ef5-a8e2-5d940ed90475";
    public const string FailedTransfer = "6b0d549b-6f03-475a-9600-a35a099950d8";
    public const string UnapprovedTransfer1 = "8d116ece-1738-47d9-bd9c-172411e20b8f";
    public const string UnapprovedTransfer2 = "90c192cf-d3ac-44af-8f21-ddb66cad4a26";
    public const string UnapprovedDirectory1 = "conformance-approve-1";
    public const string UnapprovedDirectory2 = "conformance-approve-2";

    public const string CompletedIngest1 = "a170b338-3926-4059-b28c-105d1fb17c23";
    public const string CompletedIngest2 = "0fd630f1-f29d-4da9-953f-48f1a09f76b5";
    public const string CompletedIngest3 = "0cb1e29c-658c-4a14-95e6-0af593bd04cf";
    public const string WaitingIngest = "8e81973e-0bec-47b0-b898-d190f9ebdacc";

    public static DashboardData Create()
    {
        var data = new DashboardData(new DateTime(2024, 3, 12, 9, 15, 0, DateTimeKind.Unspecified), seed: 1132);

        // Completed transfers, each with the SIP made from it, which completed ingest too.
        (string Transfer, string Sip, string Name)[] completed =
        [
            (CompletedTransfer1, CompletedIngest1, "conformance-photos"),
            (CompletedTransfer2, CompletedIngest2, "conformance-letters"),
            (CompletedTransfer3, CompletedIngest3, "conformance-audio"),
        ];
        foreach (var (transfer, sip, name) in completed)
        {
            Scenarios.CompletedTransfer(data, transfer, name, sip);
            Scenarios.CompletedSip(data, sip, name);
        }

        Scenarios.ProcessingTransfer(data, ProcessingTransfer, "conformance-processing");
        Scenarios.FailedTransfer(data, FailedTransfer, "conformance-failed");
        Scenarios.TransferAwaitingApproval(data, UnapprovedTransfer1, "standardTransfer", UnapprovedDirectory1);
        Scenarios.TransferAwaitingApproval(data, UnapprovedTransfer2, "standardTransfer", UnapprovedDirectory2);
        Scenarios.SipAwaitingDecision(data, WaitingIngest, "conformance-review");

        data.ProcessingConfigs[ProcessingConfigs.DefaultName] = ProcessingConfigs.Default;
        data.ProcessingConfigs[ProcessingConfigs.AutomatedName] = ProcessingConfigs.Automated;

        data.Levels.AddRange(
        [
            new LevelOfDescription("6b4cb242-4a23-4596-a217-beaddbc496cb", "Fonds", 1),
            new LevelOfDescription("92276658-1e27-41c0-8a6a-63ec24ede6a4", "Series", 2),
            new LevelOfDescription("ae97ba94-d0ed-482f-8f6d-05584ef8aa38", "File", 3),
            new LevelOfDescription("923a7369-94e3-4f91-9a61-dbe22e44158b", "Item", 4),
        ]);

        data.Arrange.Add(new ArrangeEntry { ArrangePath = ReferenceData.ArrangePath, LevelOfDescription = "Series" });
        data.Arrange.Add(new ArrangeEntry { ArrangePath = ReferenceData.ArrangePath + "image-001.tif", LevelOfDescription = "Item" });

        data.EndSeeding();
        return data;
    }
}
