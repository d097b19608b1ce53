
namespace Conformance.Framework.Requests;

/// <summary>How a request presents (or fails to present) credentials. Each mode is one column of the auth matrix.</summary>
public enum AuthMode
{
    /// <summary>Authorization: ApiKey user:key.</summary>
    Header,

    /// <summary>?username=user&amp;api_key=key, no Authorization header.</summary>
    Query,

    /// <summary>Authorization: ApiKey user:wrong-key.</summary>
    BadKeyHeader,

    /// <summary>?username=user&amp;api_key=wrong-key.</summary>
    BadKeyQuery,

    /// <summary>No credentials at all.</summary>
    NoCredentials,

    /// <summary>Authorization: ApiKey unknown-user:key.</summary>
    UnknownUser,

    /// <summary>Authorization: ApiKey userkey (no colon): fails, and no fallback to valid query parameters.</summary>
    HeaderWithoutColon,

    /// <summary>Authorization: Bearer key: a foreign scheme that is never honoured.</summary>
    BearerScheme,

    /// <summary>A valid ApiKey header and a wrong api_key in the query: the header wins, so the request is accepted.</summary>
    HeaderOverBadQuery,

    /// <summary>A wrong ApiKey header and valid query credentials: the header wins, so the request is rejected.</summary>
    BadHeaderOverQuery,

    /// <summary>Authorization: Basic user:password. The Storage Service honours it; the dashboard never does.</summary>
    Basic,
}

public static class AuthModes
{
    public static IReadOnlyList<AuthMode> All { get; } = Enum.GetValues<AuthMode>();

    /// <summary>Modes that present credentials the service must reject: what lockout middleware counts as failed logins.</summary>
    public static bool PresentsWrongCredentials(this AuthMode mode, ServiceKind service) =>
        mode != AuthMode.NoCredentials && !mode.IsAccepted(service);

    /// <summary>Modes the service must accept; every other mode must be rejected.</summary>
    public static bool IsAccepted(this AuthMode mode, ServiceKind service) =>
        mode is AuthMode.Header or AuthMode.Query or AuthMode.HeaderOverBadQuery
        || (mode is AuthMode.Basic && service == ServiceKind.Storage);
}
