namespace Conformance.Framework.Configuration;

/// <summary>One configured service: where it is and who the suite is there. Immutable.</summary>
public sealed record ServiceEndpoint(ServiceKind Kind, Uri BaseUrl, Credentials Credentials);
