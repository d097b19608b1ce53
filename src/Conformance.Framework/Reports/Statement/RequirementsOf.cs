
namespace Conformance.Framework.Reports.Statement;

/// <summary>
/// The requirements a test is there to check: for a test that never reached its checks (not run,
/// inconclusive, a suite error) its row in the statement still counts it, and an auth-matrix case
/// counts for its mode's requirement even when every check it made was named otherwise (a valid
/// request answered as the contract says is checked under STATUS-01, yet AUTH-01 held).
/// </summary>
public static class RequirementsOf
{
    public static IReadOnlyList<string> Intended(ConformanceCase? testCase, IReadOnlyList<string> categories)
    {
        if (testCase is not null)
        {
            return [testCase.Kind switch
            {
                CaseKind.Auth when testCase.Endpoint.Auth != "key" => Requirement.OpenEndpointAnswers.Id,
                CaseKind.Auth => Of(testCase.Mode).Id,
                CaseKind.WrongMethod => Requirement.MethodNotAllowed.Id,
                CaseKind.MissingSlash => Requirement.TrailingSlash.Id,
                _ => Requirement.Status.Id,
            }];
        }

        if (categories.Contains(Categories.HostileInput))
        {
            return [Requirement.InputRefused.Id];
        }

        if (categories.Contains(Categories.CrossService))
        {
            return [Requirement.CrossService.Id];
        }

        if (categories.Contains(Categories.Workflow))
        {
            return [Requirement.WorkflowEffect.Id];
        }

        if (categories.Contains("pagination"))
        {
            return [Requirement.Pagination.Id];
        }

        return categories.Contains("preflight") ? [Requirement.Transport.Id] : [];
    }

    /// <summary>The requirement an auth mode's column of the matrix stands for.</summary>
    public static Requirement Of(AuthMode mode) => CaseVerifier.RequirementOf(mode);
}
