using Conformance.Framework.Assertions;
using Conformance.ReferenceServer.Hosting;
using NUnit.Framework;

namespace Conformance.SelfTests.Faults;

/// <summary>
/// The suite's own case runner against the reference server with one fault switched on: the case
/// that covers the fault must fail with the requirement the fault breaks, and the same case must
/// pass on the clean server (so the failure is the fault's doing).
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class FaultDetectionTests
{
    private static readonly object[] Detections =
    [
        new object[] { Fault.AcceptBadKey, "am.transfer.completed", "am.transfer.completed, BadKeyHeader", "AUTH-03" },
        new object[] { Fault.AcceptBadKey, "am.transfer.completed", "am.transfer.completed, BadKeyQuery", "AUTH-04" },
        new object[] { Fault.AcceptBadKey, "am.v2beta.jobs", "am.v2beta.jobs, BadKeyHeader", "AUTH-03" },
        new object[] { Fault.WrongSuccessStatus, "am.ingest.completed", "am.ingest.completed, Header", "STATUS-01" },
        new object[] { Fault.WrongSuccessStatus, "am.ingest.completed", "am.ingest.completed, Query", "STATUS-01" },
        new object[] { Fault.WrongContentType, "am.transfer.unapproved", "am.transfer.unapproved, Header", "CT-01" },
        new object[] { Fault.DropRequiredField, "am.transfer.status", "am.transfer.status, Header", "SCHEMA-01" },
        new object[] { Fault.DropRequiredField, "am.processing_config.list", "am.processing_config.list, Query", "SCHEMA-01" },
    ];

    [TestCaseSource(nameof(Detections))]
    public async Task Suite_fails_the_case_with_the_broken_requirement(Fault fault, string endpointId, string caseName, string requirementId)
    {
        await using (var clean = await ReferenceTarget.StartAsync())
        {
            (await clean.RunAsync(caseName)).Should().Pass();
        }

        await using var faulty = await ReferenceTarget.StartAsync(FaultPlan.Of((fault, endpointId)));
        (await faulty.RunAsync(caseName)).Should().FailWith(requirementId);
    }
}
