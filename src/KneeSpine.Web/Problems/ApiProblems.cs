using Microsoft.AspNetCore.Http.HttpResults;

namespace KneeSpine.Web.Problems;

/// <summary>Problem results shared by the API endpoints.</summary>
internal static class ApiProblems
{
    public static ValidationProblem Invalid(IEnumerable<KeyValuePair<string, string>> errors, string title = "The request is not valid.") =>
        TypedResults.ValidationProblem(
            errors.GroupBy(e => e.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(e => e.Value).ToArray(), StringComparer.Ordinal),
            title: title);

    public static ProblemHttpResult NotFound(string what) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: $"{what} not found.");

    public static ProblemHttpResult Conflict(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Conflict.", detail: detail);
}
