namespace Conformance.Framework.Cases;

public enum CaseKind
{
    /// <summary>The endpoint's valid request under one auth mode.</summary>
    Auth,

    /// <summary>A further request from the catalogue's "cases" (an error path), with valid credentials.</summary>
    Variant,

    /// <summary>A method the route does not allow, sent without credentials: 405 must come before auth.</summary>
    WrongMethod,

    /// <summary>The path without its required trailing slash: 301 to the slash URL.</summary>
    MissingSlash,
}
