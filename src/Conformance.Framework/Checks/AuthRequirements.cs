namespace Conformance.Framework.Checks;

/// <summary>
/// AUTH-01 to AUTH-11: an auth mode's answer is a status (the endpoint's success, or the service's
/// authentication failure), judged under the requirement of that mode. AUTH-09: an open endpoint
/// answers the same whatever credentials come with the request.
/// </summary>
public static class AuthRequirements
{
    /// <summary>The requirement an auth mode's answer is judged by: acceptance for valid credentials, rejection for wrong ones.</summary>
    public static Requirement Of(AuthMode mode) =>
        mode is AuthMode.Header or AuthMode.Query or AuthMode.HeaderOverBadQuery or AuthMode.Basic ? Accepting(mode) : Rejecting(mode);

    /// <summary>
    /// The requirement a valid-credentials answer's status is judged by: answered with the auth failure
    /// (where success is something else), it is an auth defect, not just a wrong status.
    /// </summary>
    public static Requirement ForAccepted(Exchange x, AuthMode mode, int successStatus, int authFailureStatus) =>
        x.Status == authFailureStatus && successStatus != authFailureStatus ? Accepting(mode) : Requirement.Status;

    public static Requirement Accepting(AuthMode mode) => mode switch
    {
        AuthMode.Header => Requirement.ValidHeaderAccepted,
        AuthMode.Query => Requirement.ValidQueryAccepted,
        AuthMode.HeaderOverBadQuery => Requirement.HeaderWinsOverQuery,
        AuthMode.Basic => Requirement.BasicAuth,
        _ => throw new ArgumentOutOfRangeException(nameof(mode)),
    };

    public static Requirement Rejecting(AuthMode mode) => mode switch
    {
        AuthMode.BadHeaderOverQuery => Requirement.HeaderWinsOverQuery,
        AuthMode.Basic => Requirement.BasicAuth,
        AuthMode.BadKeyHeader => Requirement.WrongKeyHeaderRejected,
        AuthMode.BadKeyQuery => Requirement.WrongKeyQueryRejected,
        AuthMode.NoCredentials => Requirement.NoCredentialsRejected,
        AuthMode.UnknownUser => Requirement.UnknownUserRejected,
        AuthMode.HeaderWithoutColon => Requirement.HeaderWithoutColonRejected,
        AuthMode.BearerScheme => Requirement.ForeignSchemeRejected,
        _ => throw new ArgumentOutOfRangeException(nameof(mode)),
    };
}
