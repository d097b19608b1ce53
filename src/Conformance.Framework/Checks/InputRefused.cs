namespace Conformance.Framework.Checks;

/// <summary>INPUT-01: malformed or hostile input is refused with a 4xx, never a 5xx; a 2xx only where the input allows one.</summary>
public static class InputRefused
{
    public static CheckResult Check(HostileProbe probe, Exchange x)
    {
        var onSuccess = probe.Input?.OnSuccess;
        var status = x.Status;
        return status switch
        {
            >= 400 and < 500 => CheckResult.Pass(Requirement.InputRefused, $"refused with {status}"),
            >= 200 and < 300 when onSuccess is not null => CheckResult.Pass(Requirement.InputRefused, $"{status}, which this input allows ({probe.Input!.Why ?? OnSuccessMeaning(onSuccess)})"),
            >= 500 => CheckResult.Fail(Requirement.InputRefused, $"answered {status} {x.Reason}: a server error instead of a 4xx refusal"),
            >= 200 and < 300 when ProbeKinds.PathKinds.Contains(probe.Kind) => CheckResult.Fail(Requirement.InputRefused, AcceptedPathMessage(status, x.Reason)),
            >= 200 and < 300 => CheckResult.Fail(Requirement.InputRefused, $"answered {status} {x.Reason}: the bad input was accepted instead of refused with a 4xx"),
            _ => CheckResult.Fail(Requirement.InputRefused, $"answered {status} {x.Reason}: neither a refusal (4xx) nor an answer the input allows"),
        };
    }

    /// <summary>What an accepted path probe means, for an archivist reading the failure: real services copy, move or read what such a path names.</summary>
    private static string AcceptedPathMessage(int status, string? reason) =>
        $"the server accepted a path outside its locations ({(reason is null ? status : $"{status} {reason}")}): it took a path that leaves every configured location "
        + "as if it were allowed, so a real file anywhere on the server could be read, copied or moved through this endpoint; "
        + "this probe named a folder that does not exist (conformance-canary-<run id>), and the service must refuse such a path with a 4xx";

    private static string OnSuccessMeaning(string onSuccess) => onSuccess switch
    {
        "empty" => "a filter value that matches nothing",
        "set" => "set/ lists unknown members as not found",
        _ => "the contract ignores such values",
    };
}
