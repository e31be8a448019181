using System.Globalization;
using KneeSpine.Store.Audit;
using KneeSpine.Web.Accounts;
using KneeSpine.Web.Audit;
using KneeSpine.Web.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KneeSpine.Web.FollowUps;

public static class FollowUpsApi
{
    public static RouteGroupBuilder MapFollowUps(this RouteGroupBuilder api)
    {
        api.MapGroup("/followups").WithTags("Follow-ups").RequireAuthorization(Policies.Clinician)
            .MapGet("/due", DueAsync)
            // Names of several patients are shown, as in a patient list.
            .Audited(AuditAction.PatientList)
            .WithName("ListDueFollowUps")
            .WithSummary("Patients whose next check-in is due or overdue")
            .WithDescription("`asOf` (YYYY-MM-DD) defaults to the clinic's today. Each item says whether it is overdue and how many reminders were sent.")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        return api;
    }

    internal static async Task<Results<Ok<DueFollowUpsResponse>, ValidationProblem>> DueAsync(
        string? asOf, FollowUpService service, FollowUpCalendar calendar, CancellationToken cancellationToken)
    {
        var date = calendar.Today;
        if (asOf is not null && !DateOnly.TryParseExact(asOf, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            return ApiProblems.Invalid([new("asOf", $"'{asOf}' is not a date; use YYYY-MM-DD.")], "The query is not valid.");
        }

        var items = await service.DueAsync(date, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(new DueFollowUpsResponse(date, items, items.Count));
    }
}
