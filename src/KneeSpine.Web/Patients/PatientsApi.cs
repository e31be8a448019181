using System.Security.Claims;
using KneeSpine.Store.Audit;
using KneeSpine.Web.Accounts;
using KneeSpine.Web.Audit;
using KneeSpine.Web.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KneeSpine.Web.Patients;

public static class PatientsApi
{
    public static IHostApplicationBuilder AddKneeSpinePatients(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<PatientService>();
        builder.Services.AddScoped<PatientDirectory>();
        return builder;
    }

    public static RouteGroupBuilder MapPatients(this RouteGroupBuilder api)
    {
        var patients = api.MapGroup("/patients").WithTags("Patients").RequireAuthorization();

        patients.MapPost("/", CreateAsync)
            .RequireAuthorization(Policies.Clinician)
            .Audited(AuditAction.PatientCreate)
            .WithName("CreatePatient")
            .WithSummary("Create a patient record")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        patients.MapGet("/", ListAsync)
            .Audited(AuditAction.PatientList)
            .WithName("ListPatients")
            .WithSummary("List patients: search, sort, filter, 50 a page with the total")
            .WithDescription("Clinicians and admins see every patient; a patient account sees only its own record. "
                + "search: part of the name. sort: name (default), open-item (most severe open worklist item first), last-assessed "
                + "(longest since the last assessment first), days-since-surgery (most recent surgery first), follow-up (earliest next "
                + "check-in first). Filters: openItem (any, emergency, urgent, soon, none), overdue=true (follow-up check-in overdue), "
                + "lastAssessedBefore (YYYY-MM-DD; never assessed counts), minDaysSinceSurgery, maxDaysSinceSurgery. page (from 1), "
                + "pageSize (default 50, at most 200). Each patient shows the latest triage and, separately, any open worklist item.")
            .ProducesValidationProblem();

        patients.MapGet("/{id:guid}", GetAsync)
            .Audited(AuditAction.PatientRead, "id")
            .WithName("GetPatient")
            .WithSummary("One patient record");
        return api;
    }

    internal static async Task<Results<Created<PatientResponse>, ValidationProblem>> CreateAsync(
        CreatePatientRequest request, PatientService service, ClaimsPrincipal user, HttpContext context, CancellationToken cancellationToken)
    {
        var errors = service.Validate(request);
        if (errors.Count > 0)
        {
            return ApiProblems.Invalid(errors, "The patient is not valid.");
        }

        var patient = await service.CreateAsync(request, user.AuditName(), cancellationToken).ConfigureAwait(false);
        context.Audit().PatientId = patient.Id;
        return TypedResults.Created($"/api/v1/patients/{patient.Id}", service.ToResponse(patient, null));
    }

    internal static async Task<Results<Ok<PatientListResponse>, ValidationProblem>> ListAsync(
        PatientDirectory directory, ClaimsPrincipal user, string? search, string? sort, string? openItem, bool? overdue, DateOnly? lastAssessedBefore,
        int? minDaysSinceSurgery, int? maxDaysSinceSurgery, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var query = PatientListQuery.Create(search, sort, openItem, overdue, lastAssessedBefore, minDaysSinceSurgery, maxDaysSinceSurgery, page, pageSize, out var errors);
        return errors.Count > 0
            ? ApiProblems.Invalid(errors, "The patient list query is not valid.")
            : TypedResults.Ok(await directory.ListAsync(user, query, cancellationToken).ConfigureAwait(false));
    }

    internal static async Task<Results<Ok<PatientResponse>, ProblemHttpResult>> GetAsync(
        Guid id, PatientService service, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        // A patient asking for another record learns nothing, not even that it exists.
        var patient = user.CanAccessPatient(id) ? await service.FindAsync(id, cancellationToken).ConfigureAwait(false) : null;
        return patient is null
            ? ApiProblems.NotFound("Patient")
            : TypedResults.Ok(await service.ToResponseAsync(patient, cancellationToken).ConfigureAwait(false));
    }
}
