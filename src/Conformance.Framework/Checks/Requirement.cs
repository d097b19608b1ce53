namespace Conformance.Framework.Checks;

/// <summary>
/// The contract clauses the suite enforces, each a one-sentence "shall" (docs/requirements.md lists
/// the same). Every failure message starts with one of these ids.
/// </summary>
public sealed record Requirement(string Id, string Shall)
{
    public static readonly Requirement ValidHeaderAccepted = new("AUTH-01", "A request with valid credentials in an 'Authorization: ApiKey user:key' header shall be accepted.");
    public static readonly Requirement ValidQueryAccepted = new("AUTH-02", "A request with valid 'username' and 'api_key' query parameters shall be accepted.");
    public static readonly Requirement WrongKeyHeaderRejected = new("AUTH-03", "A request whose ApiKey header carries a wrong key shall be rejected with the service's authentication failure.");
    public static readonly Requirement WrongKeyQueryRejected = new("AUTH-04", "A request whose 'api_key' query parameter is wrong shall be rejected with the service's authentication failure.");
    public static readonly Requirement NoCredentialsRejected = new("AUTH-05", "A request without credentials shall be rejected with the service's authentication failure.");
    public static readonly Requirement UnknownUserRejected = new("AUTH-06", "A request naming an unknown user shall be rejected with the service's authentication failure.");
    public static readonly Requirement HeaderWithoutColonRejected = new("AUTH-07", "An ApiKey header without a colon shall be rejected, without falling back to query credentials.");
    public static readonly Requirement ForeignSchemeRejected = new("AUTH-08", "A foreign Authorization scheme (Bearer) shall not be honoured; without other credentials the request is rejected.");
    public static readonly Requirement OpenEndpointAnswers = new("AUTH-09", "An endpoint the contract leaves open shall answer the same whatever credentials are sent.");
    public static readonly Requirement HeaderWinsOverQuery = new("AUTH-10", "When an ApiKey header and query credentials are both sent, the well-formed header shall decide.");
    public static readonly Requirement BasicAuth = new("AUTH-11", "HTTP Basic with the user's password shall be honoured by the Storage Service and ignored by the dashboard.");
    public static readonly Requirement Status = new("STATUS-01", "The response status shall be the one the contract gives for the request.");
    public static readonly Requirement ContentType = new("CT-01", "The Content-Type shall be the contract's media type, with exactly the contract's parameters.");
    public static readonly Requirement BodyKind = new("BODY-01", "The body shall be of the contract's kind: empty, JSON, XML or text.");
    public static readonly Requirement ExactBody = new("BODY-02", "Where the contract fixes the body byte for byte, the body shall be exactly that.");
    public static readonly Requirement Schema = new("SCHEMA-01", "A JSON body shall match the published JSON Schema for its endpoint and status.");
    public static readonly Requirement RequiredHeaders = new("HDR-01", "Headers the contract requires (version and pipeline headers, Location, WWW-Authenticate, Allow) shall be present and well-formed.");
    public static readonly Requirement ForbiddenHeaders = new("HDR-02", "Headers the contract excludes from a response shall be absent.");
    public static readonly Requirement MethodNotAllowed = new("METHOD-01", "A method the route does not allow shall get 405 before authentication, naming the allowed methods in Allow.");
    public static readonly Requirement TrailingSlash = new("SLASH-01", "A route that requires a trailing slash shall redirect (301) the slash-less path to the slash URL.");
    public static readonly Requirement Pagination = new("PAGE-01", "Following meta.next from the first page of a list shall return every object exactly once, as many as meta.total_count.");
    public static readonly Requirement Transport = new("TRANSPORT-01", "The target shall answer every request within the timeout, over an intact connection.");
    public static readonly Requirement CredentialsNotEchoed = new("LEAK-01", "A response body shall not contain the user's API key or password, unless the request put the key in its query string (tastypie repeats the query in meta.next).");
    public static readonly Requirement WorkflowEffect = new("FLOW-01", "Each step of a workflow shall have the effect the contract promises, visible to the reads that follow: created objects listed and readable, approved, moved or hidden ones where they now belong.");
    public static readonly Requirement WorkflowFinishes = new("FLOW-02", "An asynchronous operation the target accepted shall not fail; its status reads shall say whether it is still processing, failed or finished.");
    public static readonly Requirement CrossService = new("XSVC-01", "The dashboard's pipeline (X-Archivematica-ID) shall be registered in the Storage Service, and every AIP the dashboard reports stored shall exist there.");
    public static readonly Requirement InputRefused = new("INPUT-01", "Malformed or hostile input shall be refused with a 4xx answer, never a 5xx.");
    public static readonly Requirement NoInternalsExposed = new("INPUT-02", "No answer shall be a debug page or carry a stack trace, a database error or a server-side source path.");
    public static readonly Requirement NoActionOnBadInput = new("INPUT-03", "A request with malformed or hostile input shall change nothing, and shall not make a lookup or filter match more than the input names.");

    public static IReadOnlyList<Requirement> All { get; } =
    [
        ValidHeaderAccepted, ValidQueryAccepted, WrongKeyHeaderRejected, WrongKeyQueryRejected, NoCredentialsRejected,
        UnknownUserRejected, HeaderWithoutColonRejected, ForeignSchemeRejected, OpenEndpointAnswers, HeaderWinsOverQuery, BasicAuth, Status, ContentType,
        BodyKind, ExactBody, Schema, RequiredHeaders, ForbiddenHeaders, MethodNotAllowed, TrailingSlash, Pagination, Transport,
        CredentialsNotEchoed,
        WorkflowEffect, WorkflowFinishes, CrossService, InputRefused, NoInternalsExposed, NoActionOnBadInput,
    ];

    public override string ToString() => Id;
}
