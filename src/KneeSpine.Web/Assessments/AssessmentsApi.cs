using System.Security.Claims;
using KneeSpine.Store.Audit;
using KneeSpine.Web.Accounts;
using KneeSpine.Web.Audit;
using KneeSpine.Web.Evaluate;
using KneeSpine.Web.Patients;
using KneeSpine.Web.OpenApi;
using KneeSpine.Web.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KneeSpine.Web.Assessments;

public static class AssessmentsApi
{
    public static IHostApplicationBuilder AddKneeSpineAssessments(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<AssessmentService>();
        return builder;
    }

    public static RouteGroupBuilder MapAssessments(this RouteGroupBuilder api)
    {
        var assessments = api.MapGroup("/patients/{patientId:guid}/assessments").WithTags("Assessments").RequireAuthorization();

        assessments.MapPost("/", CreateAsync)
            .Audited(AuditAction.AssessmentCreate, AuditedAttribute.PatientIdRouteValue)
            .WithName("CreateAssessment")
            .WithSummary("Evaluate and store an assessment")
            .WithDescription("Body: assessment-input.schema.json (version 1). Stores the input and its result; answers 201 with both.")
            .AcceptsAssessmentInput()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

        assessments.MapGet("/", ListAsync)
            .Audited(AuditAction.AssessmentList, AuditedAttribute.PatientIdRouteValue)
            .WithName("ListAssessments")
            .WithSummary("The patient's current assessments (latest version of each), oldest first");

        assessments.MapGet("/{id:guid}", GetAsync)
            .Audited(AuditAction.AssessmentRead, AuditedAttribute.PatientIdRouteValue)
            .WithName("GetAssessment")
            .WithSummary("One assessment version, with its input and result");

        assessments.MapPut("/{id:guid}", ReviseAsync)
            .Audited(AuditAction.AssessmentRevise, AuditedAttribute.PatientIdRouteValue)
            .WithName("ReviseAssessment")
            .WithSummary("Edit an assessment: stores a new version, the old one stays unchanged")
            .AcceptsAssessmentInput()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

        assessments.MapGet("/{id:guid}/versions", HistoryAsync)
            .Audited(AuditAction.AssessmentList, AuditedAttribute.PatientIdRouteValue)
            .WithName("ListAssessmentVersions")
            .WithSummary("Every version of an assessment, oldest first");
        return api;
    }

    internal static async Task<Results<Created<AssessmentResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        Guid patientId, HttpRequest request, AssessmentService assessments, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        // The claim check comes first; whether the patient exists is answered by the store, which reads the patient
        // anyway (one query fewer on the busiest write). An unknown patient is a 404 either way.
        if (!user.CanAccessPatient(patientId))
        {
            return ApiProblems.NotFound("Patient");
        }

        var (body, problem) = await ReadBodyAsync(request, cancellationToken).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        var outcome = await assessments.RecordAsync(patientId, body!, user.AuditName(), cancellationToken).ConfigureAwait(false);
        return Created(patientId, outcome);
    }

    internal static async Task<Results<Created<AssessmentResponse>, ValidationProblem, ProblemHttpResult>> ReviseAsync(
        Guid patientId, Guid id, HttpRequest request, PatientService patients, AssessmentService assessments, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (!await CanUseAsync(user, patientId, patients, cancellationToken).ConfigureAwait(false))
        {
            return ApiProblems.NotFound("Patient");
        }

        var (body, problem) = await ReadBodyAsync(request, cancellationToken).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        var outcome = await assessments.ReviseAsync(patientId, id, body!, user.AuditName(), cancellationToken).ConfigureAwait(false);
        return outcome is null ? ApiProblems.NotFound("Assessment") : Created(patientId, outcome);
    }

    internal static async Task<Results<Ok<IReadOnlyList<AssessmentResponse>>, ProblemHttpResult>> ListAsync(
        Guid patientId, PatientService patients, AssessmentService assessments, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        await CanUseAsync(user, patientId, patients, cancellationToken).ConfigureAwait(false)
            ? TypedResults.Ok(await assessments.ListCurrentAsync(patientId, cancellationToken).ConfigureAwait(false))
            : ApiProblems.NotFound("Patient");

    internal static async Task<Results<Ok<AssessmentResponse>, ProblemHttpResult>> GetAsync(
        Guid patientId, Guid id, PatientService patients, AssessmentService assessments, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var found = await CanUseAsync(user, patientId, patients, cancellationToken).ConfigureAwait(false)
            ? await assessments.GetAsync(patientId, id, cancellationToken).ConfigureAwait(false)
            : null;
        return found is null ? ApiProblems.NotFound("Assessment") : TypedResults.Ok(found);
    }

    internal static async Task<Results<Ok<IReadOnlyList<AssessmentResponse>>, ProblemHttpResult>> HistoryAsync(
        Guid patientId, Guid id, PatientService patients, AssessmentService assessments, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var versions = await CanUseAsync(user, patientId, patients, cancellationToken).ConfigureAwait(false)
            ? await assessments.HistoryAsync(patientId, id, cancellationToken).ConfigureAwait(false)
            : [];
        return versions.Count == 0 ? ApiProblems.NotFound("Assessment") : TypedResults.Ok(versions);
    }

    /// <summary>The caller may see the patient and the patient exists; otherwise the answer is 404 either way, so nothing leaks.</summary>
    private static async Task<bool> CanUseAsync(ClaimsPrincipal user, Guid patientId, PatientService patients, CancellationToken cancellationToken) =>
        user.CanAccessPatient(patientId) && await patients.FindAsync(patientId, cancellationToken).ConfigureAwait(false) is not null;

    private static Results<Created<AssessmentResponse>, ValidationProblem, ProblemHttpResult> Created(Guid patientId, RecordOutcome outcome)
    {
        if (outcome.PatientMissing)
        {
            return ApiProblems.NotFound("Patient");
        }

        if (outcome.Conflict is { } conflict)
        {
            return ApiProblems.Conflict(conflict);
        }

        if (outcome.Assessment is not { } stored)
        {
            return EvaluateApi.InvalidInput(new EvaluationOutcome(null, null, outcome.Errors));
        }

        return TypedResults.Created(
            $"/api/v1/patients/{patientId}/assessments/{stored.Id}",
            AssessmentService.ToResponse(stored, isCurrent: true, withInput: true));
    }

    /// <summary>What creating and revising share: the body is JSON within the size limit.</summary>
    private static async Task<(byte[]? Body, ProblemHttpResult? Problem)> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!RequestBody.IsJson(request))
        {
            return (null, RequestBody.NotJson());
        }

        var body = await RequestBody.ReadAsync(request, RequestBody.MaxAssessmentBytes, cancellationToken).ConfigureAwait(false);
        return body is null ? (null, TooLarge()) : (body, null);
    }

    private static ProblemHttpResult TooLarge() => RequestBody.TooLarge();
}
