
namespace Conformance.Framework.Cases;

/// <summary>
/// The closed set of test categories, for `dotnet test --filter TestCategory=...`: the service, the
/// tier, the auth mode (auth-Header, ...), the kind of case, and the resource.
/// </summary>
public static class Categories
{
    public const string Archivematica = "archivematica";
    public const string Storage = "storage";
    public const string ReadOnly = "read-only";
    public const string Mutating = "mutating";
    public const string Destructive = "destructive";
    public const string External = "external";
    public const string AuthMatrix = "auth-matrix";
    public const string ErrorCases = "error-cases";
    public const string MethodNotAllowed = "method-not-allowed";
    public const string TrailingSlash = "trailing-slash";
    public const string SelfTest = "self-test";
    public const string Workflow = "workflow";
    public const string HostileInput = "hostile-input";
    public const string Exposure = "exposure";
    public const string CrossService = "cross-service";

    public static IEnumerable<string> For(ConformanceCase c)
    {
        yield return c.Endpoint.Service.CatalogueName();
        yield return c.Tier.Name();
        yield return "resource-" + c.Endpoint.Resource;
        yield return c.Kind switch
        {
            CaseKind.Auth => AuthMatrix,
            CaseKind.Variant => ErrorCases,
            CaseKind.WrongMethod => MethodNotAllowed,
            _ => TrailingSlash,
        };
        if (c.Kind == CaseKind.Auth)
        {
            yield return "auth-" + c.Mode;
        }

        if (c.ApiVersion is not null)
        {
            yield return "api-" + c.ApiVersion;
        }
    }
}
