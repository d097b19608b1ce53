using System.Text.Json;
using System.Text.Json.Serialization;
using Conformance.ReferenceServer.Hosting;

namespace Conformance.SelfTests.Faults;

/// <summary>
/// fixtures/fault-expectations.json: for every fault of the reference server, the endpoints it is
/// switched on for, and for each case run against them the requirement ids it must fail with
/// (an empty list: the case must pass, a control that shows the fault is targeted).
/// </summary>
internal sealed record FaultExpectations
{
    /// <summary>Per-request timeout of the targets the mutation check starts.</summary>
    public required double TimeoutSeconds { get; init; }

    /// <summary>The timeout for <see cref="Fault.SlowResponse"/>'s target, and how long that fault holds answers back (just past it).</summary>
    public required double SlowTimeoutSeconds { get; init; }

    public required double SlowResponseDelaySeconds { get; init; }

    public required IReadOnlyList<FaultExpectation> Faults { get; init; }

    public static FaultExpectations Load() =>
        JsonSerializer.Deserialize<FaultExpectations>(File.ReadAllText(Path), Options)
            ?? throw new InvalidDataException($"{Path} is empty.");

    public static string Path => System.IO.Path.Combine(Paths.Root, "fixtures", "fault-expectations.json");

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        ReadCommentHandling = JsonCommentHandling.Skip,
        Converters = { new JsonStringEnumConverter() },
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };
}

/// <param name="Fault">The fault.</param>
/// <param name="On">Endpoint ids it is switched on for (one per half, where the fault applies to both).</param>
/// <param name="Cases">Case name → requirement ids the case must fail with, exactly; [] = must pass.</param>
/// <param name="ProvenBy">For a fault no case of the suite can catch: the self-test that proves it instead (then it has no cases and the mutation check does not run it).</param>
internal sealed record FaultExpectation(Fault Fault, IReadOnlyList<string> On, IReadOnlyDictionary<string, IReadOnlyList<string>> Cases, string? ProvenBy = null)
{
    /// <summary>Whether the mutation check runs the suite against this fault (it is not proven elsewhere).</summary>
    public bool IsRun => ProvenBy is null;

    /// <summary>Kills: the cases expected to fail.</summary>
    public IEnumerable<string> Killers => Cases.Where(c => c.Value.Count > 0).Select(c => c.Key);

    public override string ToString() => Fault.ToString();
}
