namespace Conformance.Framework.Checks;

/// <summary>TRANSPORT-01: a response arrived, within the timeout, over an intact connection.</summary>
public static class AnswerArrived
{
    public static CheckResult Check(Exchange x) => x.TransportError is null
        ? CheckResult.Pass(Requirement.Transport, "a response arrived")
        : CheckResult.Fail(Requirement.Transport, $"no response: {x.TransportError}");
}
