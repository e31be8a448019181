using System.Security.Claims;
using Hl7.Fhir.Model;
using KneeSpine.Fhir.Assessments;
using KneeSpine.Fhir.Questionnaires;
using KneeSpine.Store.Audit;
using KneeSpine.Web.Accounts;
using KneeSpine.Web.Audit;
using KneeSpine.Web.BulkExport;
using KneeSpine.Web.Evaluate;
using KneeSpine.Web.Smart;
using Microsoft.Extensions.Options;
using IssueType = Hl7.Fhir.Model.OperationOutcome.IssueType;

namespace KneeSpine.Web.Fhir;

/// <summary>The FHIR R4 endpoint under <c>/fhir</c> (ADR-040): JSON only, errors as OperationOutcome.</summary>
public static class FhirApi
{
    public static IHostApplicationBuilder AddKneeSpineFhir(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<FhirRecords>();
        builder.Services.AddSingleton(FhirAssessmentMapper.Default);
        builder.Services.AddScoped<Bulk.FhirBulkImport>();
        builder.Services.AddOptions<Bulk.ImportOptions>().Bind(builder.Configuration.GetSection(Bulk.ImportOptions.Section)).ValidateOnStart();
        builder.Services.AddScoped<Bulk.FhirBulkExport>();
        builder.Services.AddScoped<Bulk.FhirBulkReader>();
        // First in line: the problem details service asks its writers in registration order, and the default one would answer problem+json.
        builder.Services.Insert(0, ServiceDescriptor.Singleton<IProblemDetailsWriter, FhirProblemDetailsWriter>());
        return builder;
    }

    /// <summary>Turns every /fhir error into an OperationOutcome; call before routing.</summary>
    public static IApplicationBuilder UseKneeSpineFhirOutcomes(this IApplicationBuilder app) => app.UseMiddleware<FhirOutcomeMiddleware>();

    public static IEndpointRouteBuilder MapFhir(this IEndpointRouteBuilder app)
    {
        var fhir = app.MapGroup(FhirOutcomeMiddleware.Prefix).WithTags("FHIR");

        fhir.MapGet("/metadata", Metadata).AllowAnonymous()
            .WithSummary("CapabilityStatement (FHIR 4.0.1)");
        fhir.MapFhirConformance();
        fhir.MapPost("/QuestionnaireResponse/$assess", AssessAsync).AllowAnonymous().RequireRateLimiting(EvaluateApi.RateLimitPolicy)
            .WithSummary("Evaluate a QuestionnaireResponse without storing it; answers a collection Bundle");
        fhir.MapPost("/QuestionnaireResponse", FhirStoredEndpoints.CreateResponseAsync).RequireAuthorization().Audited(AuditAction.AssessmentCreate)
            .WithSummary("Store a QuestionnaireResponse as an assessment of Patient/{id}");
        fhir.MapGet("/QuestionnaireResponse/{id}", FhirStoredEndpoints.ReadResponseAsync).RequireAuthorization().Audited(AuditAction.AssessmentRead)
            .WithSummary("The current version of a stored assessment's answers (meta.versionId, ETag)");
        fhir.MapGet("/QuestionnaireResponse/{id}/_history/{vid}", FhirStoredEndpoints.ReadVersionAsync).RequireAuthorization().Audited(AuditAction.AssessmentRead)
            .WithSummary("One version of a stored assessment's answers (an edit is a new version)");
        fhir.MapGet("/QuestionnaireResponse", FhirStoredEndpoints.SearchResponsesAsync).RequireAuthorization().Audited(AuditAction.AssessmentList)
            .WithSummary("Search by subject=Patient/{id}, newest first (_sort=-authored); _count is the page size");
        fhir.MapGet("/Patient/{id}", FhirStoredEndpoints.ReadPatientAsync).RequireAuthorization().Audited(AuditAction.PatientRead, "id");
        fhir.MapMethods("/Patient/{id}/$everything", [HttpMethods.Get, HttpMethods.Post], FhirStoredEndpoints.EverythingAsync)
            .RequireAuthorization().Audited(AuditAction.RecordRead, "id")
            .WithSummary("The patient, the knee replacement and every current assessment's resources (GET, or POST as clients call operations)");
        fhir.MapGet("/Procedure", FhirStoredEndpoints.SearchProceduresAsync).RequireAuthorization().Audited(AuditAction.PatientRead)
            .WithSummary("Search by patient: the knee replacement");
        fhir.MapFhirDerivedReads();
        fhir.MapFhirAuditEvents();
        fhir.MapFhirTasks();
        fhir.MapBulkExport();
        return app;
    }

    /// <summary>The software version the CapabilityStatement and OperationDefinition state.</summary>
    internal static string SoftwareVersion { get; } = typeof(FhirApi).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    internal static FhirResult Metadata(HttpRequest request, TimeProvider time, IOptions<SmartOptions> smart)
    {
        var appRoot = smart.Value.PublicBaseUrl?.AbsoluteUri.TrimEnd('/') ?? $"{request.Scheme}://{request.Host}{request.PathBase}";
        return new(FhirCapabilities.Build(DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime), SoftwareVersion, FhirStoredEndpoints.ServerBase(request),
            SmartAppCapability.Describe(smart.Value, appRoot)));
    }

    internal static async Task<FhirResult> AssessAsync(HttpRequest request, AssessmentEvaluation evaluation, FhirAssessmentMapper mapper, CancellationToken cancellationToken)
    {
        var (body, error) = await FhirBody.ReadAsync<Resource>(request, cancellationToken).ConfigureAwait(false);
        if (error is not null)
        {
            return error;
        }

        // A bare QuestionnaireResponse, or Parameters with it as "response" (what HAPI's and Firely's clients send).
        var response = body switch
        {
            QuestionnaireResponse bare => bare,
            Parameters parameters => parameters.Parameter.Where(p => p.Name == AssessOperation.ResponseParameter).Select(p => p.Resource).OfType<QuestionnaireResponse>().FirstOrDefault(),
            _ => null,
        };
        if (response is null)
        {
            return body is Parameters
                ? FhirOutcomes.BadRequest($"$assess needs the QuestionnaireResponse as the parameter '{AssessOperation.ResponseParameter}'.", $"Parameters.parameter.where(name='{AssessOperation.ResponseParameter}')")
                : FhirOutcomes.BadRequest($"$assess takes a QuestionnaireResponse, or Parameters with it as '{AssessOperation.ResponseParameter}'; got {body!.TypeName}.", body.TypeName);
        }

        var mapping = QuestionnaireResponseMapper.ToInput(response);
        if (!mapping.IsValid)
        {
            return new FhirResult(mapping.ToOperationOutcome(), StatusCodes.Status400BadRequest);
        }

        var outcome = evaluation.Evaluate(mapping.Input!);
        if (!outcome.IsValid)
        {
            return new FhirResult(FhirStoredEndpoints.ToOutcome(outcome.Errors), StatusCodes.Status400BadRequest);
        }

        return new FhirResult(mapper.ToAssessBundle(response, outcome.Input!, outcome.Result!, patientReference: null));
    }

    /// <summary>Whether <paramref name="user"/> may see <paramref name="patientId"/>; the caller then checks it exists.</summary>
    internal static FhirResult? Forbid(ClaimsPrincipal user, Guid patientId) =>
        user.CanAccessPatient(patientId) ? null : FhirOutcomes.Forbidden("This account may not see this patient's record.");

    internal static FhirResult InvalidId(string expression) =>
        FhirOutcomes.Result(StatusCodes.Status404NotFound, IssueType.NotFound, "KneeSpine ids are UUIDs; no such resource.", expression);
}
