using System.Security.Claims;
using KneeSpine.Store.Audit;
using KneeSpine.Web.Accounts;
using KneeSpine.Web.Audit;
using KneeSpine.Web.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace KneeSpine.Web.Worklist;

/// <summary>The clinic's worklist: items opened by worrying results until a clinician acknowledges them.</summary>
public static class WorklistApi
{
    public static IHostApplicationBuilder AddKneeSpineWorklist(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<WorklistOptions>()
            .Bind(builder.Configuration.GetSection(WorklistOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WorklistOptions>, WorklistOptionsValidation>());
        builder.Services.AddSingleton<OpenItemCount>();
        builder.Services.AddScoped<WorklistOpener>();
        builder.Services.AddScoped<WorklistService>();
        return builder;
    }

    public static RouteGroupBuilder MapWorklist(this RouteGroupBuilder api)
    {
        var worklist = api.MapGroup("/worklist").WithTags("Worklist").RequireAuthorization(Policies.Clinician);

        worklist.MapGet("/", ListAsync)
            .Audited(AuditAction.WorklistRead)
            .WithName("ListWorklist")
            .WithSummary("Worklist items: open first, most severe first, oldest first")
            .WithDescription("status: open (default), acknowledged or all. Paged: page (from 1), pageSize (default 50, at most 200). "
                + "Acknowledged items follow the open ones, most recently acknowledged first. Clinicians and admins only.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        worklist.MapPost("/{id:guid}/acknowledge", AcknowledgeAsync)
            .Audited(AuditAction.WorklistAcknowledge)
            .WithName("AcknowledgeWorklistItem")
            .WithSummary("Record who acted on an item, what they did and a note; closes the item")
            .WithDescription("action: called-patient, advised-emergency-department, appointment-booked, reviewed-no-action or other "
                + "(other needs a note). An item is acknowledged once: a second acknowledgement answers 409.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }

    internal static async Task<Results<Ok<WorklistPageResponse>, ValidationProblem>> ListAsync(
        WorklistService service, TimeProvider time, string? status, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var errors = new List<KeyValuePair<string, string>>();
        var parsed = ParseStatus(status);
        if (parsed is null)
        {
            errors.Add(new("status", $"Unknown status '{status}'; use open, acknowledged or all."));
        }

        if (page is < 1)
        {
            errors.Add(new("page", "page starts at 1."));
        }

        if (pageSize is < 1 or > WorklistService.MaxPageSize)
        {
            errors.Add(new("pageSize", $"pageSize must be from 1 to {WorklistService.MaxPageSize}."));
        }

        if (errors.Count > 0)
        {
            return ApiProblems.Invalid(errors, "The worklist query is not valid.");
        }

        var size = pageSize ?? WorklistService.DefaultPageSize;
        var (rows, total) = await service.ListAsync(parsed!.Value, page ?? 1, size, cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        return TypedResults.Ok(new WorklistPageResponse([.. rows.Select(r => WorklistService.ToResponse(r.Item, now))], total, page ?? 1, size));
    }

    internal static async Task<Results<Ok<WorklistItemResponse>, ValidationProblem, ProblemHttpResult>> AcknowledgeAsync(
        Guid id, AcknowledgeRequest request, WorklistService service, ClaimsPrincipal user, HttpContext context, CancellationToken cancellationToken)
    {
        var outcome = await service.AcknowledgeAsync(id, request.Action, request.Note, user.AuditName(), cancellationToken).ConfigureAwait(false);
        if (outcome.Item is { } item)
        {
            context.Audit().PatientId = item.PatientId;
        }

        if (outcome.Errors.Count > 0)
        {
            return ApiProblems.Invalid(outcome.Errors, "The acknowledgement is not valid.");
        }

        if (outcome.NotFound)
        {
            return ApiProblems.NotFound("Worklist item");
        }

        return outcome.AlreadyAcknowledged
            ? ApiProblems.Conflict($"This item was already acknowledged by {outcome.Item!.AcknowledgedBy} at {outcome.Item.AcknowledgedAt:yyyy-MM-dd HH:mm} UTC.")
            : TypedResults.Ok(service.ToResponse(outcome.Item!));
    }

    /// <summary>The status a query names; open when none; null when unknown.</summary>
    public static WorklistStatus? ParseStatus(string? status) => status?.Trim().ToLowerInvariant() switch
    {
        null or "" or "open" => WorklistStatus.Open,
        "acknowledged" => WorklistStatus.Acknowledged,
        "all" => WorklistStatus.All,
        _ => null,
    };
}
