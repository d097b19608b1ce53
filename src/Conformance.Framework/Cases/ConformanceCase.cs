
namespace Conformance.Framework.Cases;

/// <summary>One test case: an endpoint, what is done to it, under which auth mode (and Storage Service API version).</summary>
public sealed record ConformanceCase(Endpoint Endpoint, CaseKind Kind, AuthMode Mode, string? ApiVersion = null, EndpointCase? Variant = null, string? Method = null) : ISuiteCase
{
    public IReadOnlyList<ServiceKind> Services => [Endpoint.Service];

    public bool Hostile => false;

    public bool PresentsWrongCredentials => Mode.PresentsWrongCredentials(Endpoint.Service);

    /// <summary>
    /// A correct server lets it act on the object its request names (valid credentials, a request
    /// answered 2xx), so an arranged object is fresh for it; what a correct server refuses shares one.
    /// </summary>
    public bool ActsOnItsObject => Kind switch
    {
        CaseKind.Auth => Mode.IsAccepted(Endpoint.Service),
        CaseKind.Variant => Variant!.Expect.Any(e => e.Status is >= 200 and < 300),
        _ => false,
    };

    /// <summary>The HTTP method sent: the endpoint's, or the wrong one for a 405 probe.</summary>
    public string SentMethod => Method ?? Endpoint.Method;

    /// <summary>Effective tier: probes that a correct server rejects before doing anything are read-only.</summary>
    public Tier Tier => Kind is CaseKind.WrongMethod ? Tier.ReadOnly : Endpoint.Tier;

    /// <summary>Readable and unique, e.g. "am.transfer.status, Header" or "ss.file.list@v1, unknown-uuid".</summary>
    public string Name
    {
        get
        {
            var id = ApiVersion is null ? Endpoint.Id : $"{Endpoint.Id}@{ApiVersion}";
            return Kind switch
            {
                CaseKind.Auth => $"{id}, {Mode}",
                CaseKind.Variant => $"{id}, {Variant!.Name}",
                CaseKind.WrongMethod => $"{id}, {SentMethod} not allowed",
                CaseKind.MissingSlash => $"{id}, without trailing slash",
                _ => throw new InvalidOperationException(),
            };
        }
    }

    public Task<Prepared> PrepareAsync(ConformanceSession session, CancellationToken cancellationToken) =>
        CatalogueCaseRequest.PrepareAsync(this, session, cancellationToken);

    public override string ToString() => Name;
}
