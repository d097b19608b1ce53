namespace Conformance.ReferenceServer.Hosting;

/// <summary>
/// Named, deterministic deviations from the contract. Each names the requirement it breaks
/// (see docs/requirements.md); the self-tests prove the suite notices every one.
/// </summary>
public enum Fault
{
    /// <summary>AUTH-02: credentials with a wrong key are accepted as if valid.</summary>
    AcceptBadKey,

    /// <summary>STATUS-01: a successful request answers 299 instead of the contract's status.</summary>
    WrongSuccessStatus,

    /// <summary>CT-01: a JSON body is served as text/plain.</summary>
    WrongContentType,

    /// <summary>SCHEMA-01: the first required property of a JSON object body is removed.</summary>
    DropRequiredField,
}
