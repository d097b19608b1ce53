namespace Conformance.Framework.Configuration;

/// <summary>One configured service: where it is and who the suite is there. Immutable.</summary>
public sealed record ServiceEndpoint(ServiceKind Kind, Uri BaseUrl, Credentials Credentials)
{
    /// <summary>The user's password, for HTTP Basic (Storage Service only); null when not configured.</summary>
    public string? Password { get; init; }
}
