
namespace Conformance.Framework.Hostile;

/// <summary>
/// One hostile-input probe: an endpoint's valid catalogue request with exactly one thing made bad
/// (one input, or the body as a whole). Its tier is the endpoint's: a probe is read-only only where
/// the request itself cannot change anything on a correct server.
/// </summary>
public sealed record HostileProbe(Endpoint Endpoint, HostileEndpoint Definition, string Kind, HostileInput? Input, string? ApiVersion) : ISuiteCase
{
    public Tier Tier => Endpoint.Tier;

    public ServiceKind Service => Endpoint.Service;

    public IReadOnlyList<ServiceKind> Services => [Endpoint.Service];

    public bool Hostile => true;

    public bool PresentsWrongCredentials => false;

    public Task<Prepared> PrepareAsync(ConformanceSession session, CancellationToken cancellationToken) =>
        new ProbeRequest(session).PrepareAsync(this, cancellationToken);

    /// <summary>E.g. "am.transfer.status, hostile path uuid: sql-injection" or "ss.file.create@v2, hostile body: invalid-json".</summary>
    public string Name
    {
        get
        {
            var id = ApiVersion is null ? Endpoint.Id : $"{Endpoint.Id}@{ApiVersion}";
            return Input is null ? $"{id}, hostile body: {Kind}" : $"{id}, hostile {Input.In} {Input.Name}: {Kind}";
        }
    }

    public override string ToString() => Name;
}

/// <summary>Every probe of fixtures/hostile-inputs.json: each input × the kinds of its type, each body × the body kinds.</summary>
public static class ProbeFactory
{
    public static IEnumerable<HostileProbe> All(EndpointCatalogue catalogue, HostileInputCatalogue inputs)
    {
        foreach (var definition in inputs.Endpoints)
        {
            var endpoint = catalogue[definition.EndpointId];
            var storage = endpoint.Path.Contains("{api_version}", StringComparison.Ordinal);
            foreach (var input in definition.Inputs)
            {
                var kinds = ProbeKinds.For(input.Type, input.In).ToList();
                if (input.In is "query" or "form" || (input.In == "json" && !input.Name.Contains('.', StringComparison.Ordinal) && !input.Name.Contains('[', StringComparison.Ordinal)))
                {
                    kinds.Add(ProbeKinds.DuplicateParameter);
                }

                foreach (var version in storage ? (input.ApiVersions ?? ["v2"]).Select(v => (string?)v) : [null])
                {
                    foreach (var kind in kinds.Where(k => !definition.Skip.ContainsKey(k) && !input.Skip.ContainsKey(k)))
                    {
                        yield return new HostileProbe(endpoint, definition, kind, input, version);
                    }
                }
            }

            if (definition.Body is not null)
            {
                foreach (var kind in ProbeKinds.ForBody(definition.Body).Where(k => !definition.Skip.ContainsKey(k)))
                {
                    yield return new HostileProbe(endpoint, definition, kind, null, storage ? "v2" : null);
                }
            }
        }
    }
}
