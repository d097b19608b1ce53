
namespace Conformance.Framework.Catalogue;

/// <summary>One endpoint of the catalogue (method × route), with a valid request and what it must answer.</summary>
public sealed record Endpoint
{
    public required string Id { get; init; }

    public required ServiceKind Service { get; init; }

    public required string Resource { get; init; }

    public required string Method { get; init; }

    public required string Path { get; init; }

    public required IReadOnlyList<string> AllowedMethods { get; init; }

    public required Tier Tier { get; init; }

    /// <summary>"required": requesting the path without its trailing slash is redirected (301).</summary>
    public bool TrailingSlashRequired { get; init; }

    /// <summary>"key" (default), "none" (answers without credentials) or "session" (API keys are never honoured).</summary>
    public string Auth { get; init; } = "key";

    /// <summary>What a successful request changes beyond the run's own objects ("every completed transfer"), or null: such endpoints need <c>AllowBulkChanges</c>.</summary>
    public string? ChangesAll { get; init; }

    public IReadOnlyDictionary<string, VersionRange> Versions { get; init; } = new Dictionary<string, VersionRange>();

    public required RequestTemplate Request { get; init; }

    public required IReadOnlyList<Expectation> Expect { get; init; }

    public IReadOnlyList<EndpointCase> Cases { get; init; } = [];

    /// <summary>This route's own 405 answer when it differs from the service's (SWORD routes: XML, no Allow).</summary>
    public Expectation? MethodNotAllowed { get; init; }
}

/// <summary>A further request to one endpoint (an error path, a variant), sent once, with valid header credentials unless it says otherwise.</summary>
public sealed record EndpointCase(string Name, RequestTemplate Request, IReadOnlyList<Expectation> Expect)
{
    /// <summary>Another method than the endpoint's (e.g. OPTIONS).</summary>
    public string? Method { get; init; }

    public AuthMode Mode { get; init; } = AuthMode.Header;
}

/// <summary>Behaviour the suite deliberately does not exercise, and why.</summary>
public sealed record Exclusion(string Id, string What, string Reason);
