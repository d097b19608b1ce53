namespace Conformance.ReferenceServer.Hosting;

/// <summary>
/// Named, deterministic deviations from the contract. Each names the requirement(s) it breaks
/// (see docs/requirements.md, and <see cref="BreaksAttribute"/>) and the half or halves of the
/// reference server that implement it; each is switched on per endpoint (<see cref="FaultPlan"/>,
/// <c>--fault Name[@endpoint-id]</c>). One injector applies them to either half's answer
/// (<see cref="FaultInjector"/>); faults that change an authentication decision are looked up with
/// <see cref="CredentialFaults"/> and consulted by the authenticators; state faults are consulted by
/// the views they name. The self-test <c>MutationCheckTests</c> proves the suite notices every one
/// (fixtures/fault-expectations.json).
/// </summary>
public enum Fault
{
    /// <summary>
    /// AUTH-03, AUTH-04 (and AUTH-10): the configured user is let in whatever key (or Basic password)
    /// it gives. Both halves.
    /// </summary>
    [Breaks("AUTH-03", "AUTH-04", "AUTH-10")]
    AcceptBadKey,

    /// <summary>
    /// AUTH-05: a request with no credentials at all (no Authorization header, no username or api_key
    /// parameter) is accepted as the configured user. Both halves.
    /// </summary>
    [Breaks("AUTH-05")]
    AcceptNoCredentials,

    /// <summary>AUTH-02: username/api_key query parameters are never read, so valid query credentials are rejected. Both halves.</summary>
    [Breaks("AUTH-02")]
    IgnoreQueryAuth,

    /// <summary>
    /// AUTH-01 (and AUTH-07, AUTH-10): an "ApiKey" Authorization header is treated as absent, so a valid
    /// header is rejected and query credentials decide instead. Both halves (Basic is still honoured).
    /// </summary>
    [Breaks("AUTH-01", "AUTH-07", "AUTH-10")]
    IgnoreHeaderAuth,

    /// <summary>STATUS-01: a successful answer has status 299 instead of the contract's. Both halves.</summary>
    [Breaks("STATUS-01")]
    WrongSuccessStatus,

    /// <summary>
    /// STATUS-01: a valid, authenticated request gets the service's 500 answer (the dashboard's HTML
    /// error page; tastypie's canned JSON error). Both halves.
    /// </summary>
    [Breaks("STATUS-01")]
    ServerErrorOnValidRequest,

    /// <summary>
    /// AUTH-03..AUTH-08, AUTH-10: the Storage Service's authentication failure is 403 where the contract
    /// gives 401. Storage Service only (the dashboard's failure is a 403 anyway).
    /// </summary>
    [Breaks("AUTH-03", "AUTH-04", "AUTH-05", "AUTH-06", "AUTH-07", "AUTH-08", "AUTH-10")]
    ForbiddenInsteadOfUnauthorized,

    /// <summary>
    /// AUTH-03..AUTH-11: 401 where the contract gives 403: the dashboard's authentication failure
    /// (Basic included), and the Storage Service's SWORD permission error (session-only endpoints).
    /// </summary>
    [Breaks("AUTH-03", "AUTH-04", "AUTH-05", "AUTH-06", "AUTH-07", "AUTH-08", "AUTH-09", "AUTH-10", "AUTH-11")]
    UnauthorizedInsteadOfForbidden,

    /// <summary>CT-01: a successful JSON body is served as text/plain (Storage Service downloads as application/octet-stream). Both halves.</summary>
    [Breaks("CT-01")]
    WrongContentType,

    /// <summary>CT-01: a successful answer is sent without a Content-Type header. Both halves.</summary>
    [Breaks("CT-01")]
    MissingContentType,

    /// <summary>
    /// SCHEMA-01: the first property of a successful JSON object body (of the first object of an array
    /// body; on the Storage Service the alphabetically first, of every object) is removed. Both halves.
    /// </summary>
    [Breaks("SCHEMA-01")]
    DropRequiredField,

    /// <summary>
    /// SCHEMA-01: the first non-null property of a successful JSON object body (of the first object of
    /// an array body; on the Storage Service the alphabetically first) gets a value of another JSON
    /// type: string → number, number or boolean → string, array → object, object → array. Both halves.
    /// </summary>
    [Breaks("SCHEMA-01")]
    WrongFieldType,

    /// <summary>
    /// SCHEMA-01: every string property of a successful JSON body named like one of the contract's
    /// enumerations (status, type, purpose, package_type, access_protocol), at any depth, is replaced
    /// by "CONFORMANCE-FAULT". Both halves.
    /// </summary>
    [Breaks("SCHEMA-01")]
    WrongEnumValue,

    /// <summary>BODY-01: a successful JSON body loses its last character, so it no longer parses. Both halves.</summary>
    [Breaks("BODY-01")]
    MalformedJson,

    /// <summary>BODY-01: a successful answer is sent with an empty body (media type unchanged). Both halves.</summary>
    [Breaks("BODY-01")]
    EmptyBody,

    /// <summary>
    /// CT-01, BODY-01, BODY-02, SCHEMA-01: every JSON error answer (4xx/5xx from a view, and the dashboard's JSON
    /// authentication failure) becomes an HTML error page with the same status. Both halves.
    /// </summary>
    [Breaks("CT-01", "BODY-01", "BODY-02", "SCHEMA-01")]
    HtmlErrorPage,

    /// <summary>HDR-01: the dashboard's view answers lack X-Archivematica-Version. Dashboard only.</summary>
    [Breaks("HDR-01")]
    MissingVersionHeader,

    /// <summary>HDR-02: the dashboard's authentication failure carries the X-Archivematica-* headers. Dashboard only.</summary>
    [Breaks("HDR-02")]
    VersionHeadersOnAuthFailure,

    /// <summary>HDR-01: the Storage Service's 401 lacks WWW-Authenticate. Storage Service only.</summary>
    [Breaks("HDR-01")]
    MissingWwwAuthenticate,

    /// <summary>
    /// METHOD-01: a method the route does not allow is checked after authentication, so without
    /// credentials it gets the authentication failure instead of 405. Active when switched on for any
    /// endpoint of the route. Both halves.
    /// </summary>
    [Breaks("METHOD-01")]
    MethodCheckAfterAuth,

    /// <summary>METHOD-01: the 405 answer lacks its Allow header. Active for any endpoint of the route. Both halves.</summary>
    [Breaks("METHOD-01")]
    MissingAllowHeader,

    /// <summary>
    /// SLASH-01: the path without its trailing slash answers the service's 404 page instead of a 301
    /// to the slash URL. Active for any endpoint of the slash route. Both halves.
    /// </summary>
    [Breaks("SLASH-01")]
    NoSlashRedirect,

    /// <summary>PAGE-01: a tastypie list's meta.total_count is one more than the objects it has. Storage Service only.</summary>
    [Breaks("PAGE-01")]
    PaginationWrongTotalCount,

    /// <summary>PAGE-01: a tastypie list's meta.next points back to offset 0, so following it loops. Storage Service only.</summary>
    [Breaks("PAGE-01")]
    PaginationNextLoops,

    /// <summary>PAGE-01: a tastypie list's meta.next skips one page (its offset is one page too far). Storage Service only.</summary>
    [Breaks("PAGE-01")]
    PaginationNextSkipsPage,

    /// <summary>
    /// TRANSPORT-01: a successful answer is held back for <see cref="ReferenceServerOptions.SlowResponseDelay"/>
    /// (bounded: just past the suite's timeout) before anything is sent. Both halves.
    /// </summary>
    [Breaks("TRANSPORT-01")]
    SlowResponse,

    /// <summary>
    /// TRANSPORT-01: a successful answer's status, headers (with the full Content-Length) and half of its
    /// body are sent, then the connection is aborted. Both halves.
    /// </summary>
    [Breaks("TRANSPORT-01")]
    DropConnection,

    /// <summary>
    /// LEAK-01: a successful JSON body gains "api_key": the configured user's API key (top-level object,
    /// or the first object of an array body). Both halves.
    /// </summary>
    [Breaks("LEAK-01")]
    EchoApiKey,

    /// <summary>INPUT-01: an answer that refuses bad input (a 4xx from a view) becomes the service's 500 (the dashboard's HTML page; tastypie's canned JSON error). Both halves.</summary>
    [Breaks("INPUT-01")]
    ServerErrorOnBadInput,

    /// <summary>INPUT-02: an answer that refuses bad input keeps its 4xx but becomes a Django debug page (traceback, source paths). Both halves.</summary>
    [Breaks("INPUT-02")]
    DebugPageOnBadInput,

    /// <summary>FLOW-01: hiding a unit answers {"removed": true} but the unit stays listed. Dashboard (state fault: applied in the hide view).</summary>
    [Breaks("FLOW-01")]
    HideIsNoOp,

    /// <summary>XSVC-01: SIPs finish "Store the AIP" without the AIP being registered in the Storage Service. Dashboard (state fault: applied where units progress).</summary>
    [Breaks("XSVC-01")]
    AipNotStored,

    /// <summary>FLOW-02: an async task read through async/{id}/ completes with was_error instead of its result. Storage Service (state fault).</summary>
    [Breaks("FLOW-02")]
    AsyncTaskFails,

    /// <summary>INPUT-03: file/ (package registration) records a package even when it refuses the request. Storage Service (state fault).</summary>
    [Breaks("INPUT-03")]
    ActOnBadInput,

    /// <summary>
    /// INPUT-01, INPUT-03: paths are not checked against their locations, as the real Storage Service
    /// (0.21.1) and dashboard (1.15.1) do not check them. A path is joined to its location's path the
    /// os.path.join way (an absolute path replaces it, ".." climbs out, "%2F" stays literal) and whatever
    /// is there is copied or moved; a path that names nothing fails the way the real one does (the
    /// registration's package row stays, then tastypie's canned 500 or a failed async task; a 500 from
    /// the dashboard). A hostile path is thus answered with a 2xx or a 5xx and leaves a trace (INPUT-01,
    /// INPUT-03). State fault, applied where the reference server checks paths: the Storage Service's
    /// <c>extract_file</c> of an uncompressed package, which then serves any file
    /// (<c>Storage/Resources/StoragePaths.cs</c>); dashboard <c>start_transfer</c>, <c>v2beta/package</c>,
    /// <c>copy_metadata_files</c>. The Storage Service's registration and file moves check nothing
    /// anyway, as the real ones (known deviations, fixtures/known-deviations/storage-paths.json).
    /// </summary>
    [Breaks("INPUT-01", "INPUT-03")]
    AcceptsPathsOutsideLocations,

    /// <summary>
    /// FLOW-01: a copy loses its source: the file moves (<c>location/{uuid}/</c>, sync and async) and the
    /// dashboard's copy from the transfer source (<c>start_transfer</c>, <c>v2beta/package</c>,
    /// <c>copy_metadata_files</c>) delete what they copied. FLOW-01 rather than INPUT-03: the request is
    /// valid; what breaks is the effect the contract promises (a copy, after which the source is still
    /// there for the reads that follow). State fault, applied where the copies are made.
    /// </summary>
    [Breaks("FLOW-01")]
    StoreMovesSource,
}

/// <summary>The requirement ids (docs/requirements.md) a fault breaks; the self-tests check the ids exist and that the fault's kills use only them.</summary>
[AttributeUsage(AttributeTargets.Field)]
public sealed class BreaksAttribute(params string[] requirementIds) : Attribute
{
    public IReadOnlyList<string> RequirementIds { get; } = requirementIds;

    /// <summary>The ids the enum value's attribute names.</summary>
    public static IReadOnlyList<string> Of(Fault fault) =>
        typeof(Fault).GetField(fault.ToString())?.GetCustomAttributes(typeof(BreaksAttribute), false).OfType<BreaksAttribute>().SingleOrDefault()?.RequirementIds ?? [];
}
