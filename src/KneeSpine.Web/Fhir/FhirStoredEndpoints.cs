using System.Globalization;
using System.Security.Claims;
using Hl7.Fhir.Model;
using KneeSpine.Engine.Input;
using KneeSpine.Fhir.Assessments;
using KneeSpine.Fhir.Questionnaires;
using KneeSpine.Web.Accounts;
using KneeSpine.Web.Assessments;
using KneeSpine.Web.Audit;
using IssueType = Hl7.Fhir.Model.OperationOutcome.IssueType;

namespace KneeSpine.Web.Fhir;

/// <summary>The /fhir interactions over stored records; storage goes through <see cref="AssessmentService"/> like /api/v1.</summary>
internal static class FhirStoredEndpoints
{
    /// <summary>The page size of a QuestionnaireResponse search without <c>_count</c>, and its maximum.</summary>
    public const int DefaultCount = 20;

    public const int MaxCount = 100;

    public static async Task<FhirResult> CreateResponseAsync(
        HttpRequest request, ClaimsPrincipal user, AssessmentService assessments, FhirRecords records, FhirAssessmentMapper mapper, CancellationToken cancellationToken)
    {
        var (response, error) = await FhirBody.ReadAsync<QuestionnaireResponse>(request, cancellationToken).ConfigureAwait(false);
        if (error is not null)
        {
            return error;
        }

        if (!TryPatientId(response!.Subject?.Reference, out var patientId))
        {
            return FhirOutcomes.Result(StatusCodes.Status422UnprocessableEntity, IssueType.Required,
                "The response must name its patient as subject: Patient/{id} with the id of a KneeSpine patient.", "QuestionnaireResponse.subject");
        }

        request.HttpContext.Audit().PatientId = patientId;
        if (Forbid(user, patientId) is { } forbidden)
        {
            return forbidden;
        }

        if (await records.FindPatientAsync(patientId, cancellationToken).ConfigureAwait(false) is null)
        {
            return FhirOutcomes.Result(StatusCodes.Status422UnprocessableEntity, IssueType.NotFound,
                $"Patient/{patientId} does not exist on this server.", "QuestionnaireResponse.subject");
        }

        var mapping = QuestionnaireResponseMapper.ToInput(response);
        if (!mapping.IsValid)
        {
            return new FhirResult(mapping.ToOperationOutcome(), StatusCodes.Status400BadRequest);
        }

        // Kept as written (precision and offset): it is the sender's record of when the answers were given (ADR-145).
        var authored = response.AuthoredElement?.Value;
        if (authored is not null && (authored.Length > Store.Assessments.Assessment.Limits.Authored || !FhirDateTime.IsValidValue(authored)))
        {
            return FhirOutcomes.BadRequest("authored must be a FHIR dateTime, such as 2026-12-07 or 2026-12-07T09:15:00+01:00.", "QuestionnaireResponse.authored");
        }

        var outcome = await assessments.RecordAsync(patientId, mapping.Input!, user.AuditName(), authored, cancellationToken).ConfigureAwait(false);
        if (outcome.Assessment is not { } stored)
        {
            return outcome.Conflict is { } conflict
                ? FhirOutcomes.Result(StatusCodes.Status409Conflict, IssueType.Conflict, conflict)
                : new FhirResult(ToOutcome(outcome.Errors), StatusCodes.Status400BadRequest);
        }

        var found = await records.FindAssessmentAsync(stored.Id, cancellationToken).ConfigureAwait(false);
        var resource = mapper.ToResources(found!.Value.Assessment, "Patient/" + patientId, ServerBase(request)).Response;
        return new FhirResult(resource, StatusCodes.Status201Created, VersionUrl(request, resource));
    }

    /// <summary>The absolute URL of this version of <paramref name="resource"/> (<c>.../QuestionnaireResponse/{id}/_history/{vid}</c>).</summary>
    internal static string VersionUrl(HttpRequest request, Resource resource) =>
        $"{ServerBase(request).AbsoluteUri}{resource.TypeName}/{resource.Id}/_history/{resource.Meta!.VersionId}";

    public static async Task<FhirResult> ReadResponseAsync(
        string id, HttpRequest request, ClaimsPrincipal user, FhirRecords records, FhirAssessmentMapper mapper, CancellationToken cancellationToken)
    {
        var found = Guid.TryParse(id, CultureInfo.InvariantCulture, out var assessmentId)
            ? await records.FindCurrentAsync(assessmentId, cancellationToken).ConfigureAwait(false)
            : null;
        return Answer(id, request, user, found, mapper);
    }

    /// <summary><c>GET /fhir/QuestionnaireResponse/{id}/_history/{vid}</c>: one version of a stored assessment (an edit is a new version).</summary>
    public static async Task<FhirResult> ReadVersionAsync(
        string id, string vid, HttpRequest request, ClaimsPrincipal user, FhirRecords records, FhirAssessmentMapper mapper, CancellationToken cancellationToken)
    {
        var found = Guid.TryParse(id, CultureInfo.InvariantCulture, out var assessmentId)
            && int.TryParse(vid, NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            ? await records.FindVersionAsync(assessmentId, version, cancellationToken).ConfigureAwait(false)
            : null;
        return Answer($"{id}/_history/{vid}", request, user, found, mapper);
    }

    private static FhirResult Answer(
        string id, HttpRequest request, ClaimsPrincipal user, (Guid PatientId, StoredAssessment Assessment)? found, FhirAssessmentMapper mapper)
    {
        // Another patient's response is "not found" for a patient account: its existence is not theirs to know.
        if (found is not { } hit || !user.CanAccessPatient(hit.PatientId))
        {
            if (found is { } others)
            {
                request.HttpContext.Audit().DenyOthersRecord(others.PatientId);
            }

            return FhirOutcomes.NotFound($"QuestionnaireResponse/{id} is not known.");
        }

        request.HttpContext.Audit().PatientId = hit.PatientId;

        return new FhirResult(mapper.ToResources(hit.Assessment, "Patient/" + hit.PatientId, ServerBase(request)).Response);
    }

    public static async Task<FhirResult> SearchResponsesAsync(
        HttpRequest request, ClaimsPrincipal user, FhirRecords records, FhirAssessmentMapper mapper, CancellationToken cancellationToken)
    {
        var unknown = request.Query.Keys.FirstOrDefault(k => k is not ("subject" or "patient" or "_sort" or "_count" or "_offset" or "questionnaire" or "_format"));
        if (unknown is not null)
        {
            return FhirOutcomes.BadRequest($"Search parameter '{unknown}' is not supported; see /fhir/metadata.", unknown);
        }

        var sort = request.Query["_sort"].ToString();
        if (sort.Length > 0 && sort != "-authored")
        {
            return FhirOutcomes.BadRequest("Only _sort=-authored (newest first) is supported.", "_sort");
        }

        var (page, pageError) = FhirPage.Read(request, DefaultCount, MaxCount);
        if (pageError is not null)
        {
            return pageError;
        }

        var (patient, error) = await SearchedPatientAsync(request, user, records, request.Query.ContainsKey("subject") ? "subject" : "patient", cancellationToken).ConfigureAwait(false);
        if (error is not null)
        {
            return error;
        }

        // Every stored response answers the KneeSpine Questionnaire; a search for another one finds nothing.
        var questionnaire = request.Query["questionnaire"].ToString();
        var answersOurs = questionnaire.Length == 0
            || questionnaire == KneeSpine.Fhir.Terminology.KneeSpineCodeSystems.QuestionnaireUrl || questionnaire == AssessmentQuestionnaire.VersionedCanonical;
        var serverBase = ServerBase(request);
        var matches = patient is null || !answersOurs
            ? []
            : (await records.CurrentAssessmentsAsync(patient.Value, cancellationToken).ConfigureAwait(false))
                .OrderByDescending(a => a.Input.AssessedOn).ThenByDescending(a => a.Authored)
                .ToList();
        var responses = page!.Of(matches).Select(a => (Resource)mapper.ToResources(a, "Patient/" + patient!.Value, serverBase).Response);
        return new FhirResult(page.Searchset(request, responses, matches.Count));
    }

    public static async Task<FhirResult> SearchProceduresAsync(HttpRequest request, ClaimsPrincipal user, FhirRecords records, CancellationToken cancellationToken)
    {
        var unknown = request.Query.Keys.FirstOrDefault(k => k is not ("patient" or "subject" or "code" or "_count" or "_offset" or "_format"));
        if (unknown is not null)
        {
            return FhirOutcomes.BadRequest($"Search parameter '{unknown}' is not supported; see /fhir/metadata.", unknown);
        }

        var (page, pageError) = FhirPage.Read(request, DefaultCount, MaxCount);
        if (pageError is not null)
        {
            return pageError;
        }

        var (patientId, error) = await SearchedPatientAsync(request, user, records, request.Query.ContainsKey("patient") ? "patient" : "subject", cancellationToken).ConfigureAwait(false);
        if (error is not null)
        {
            return error;
        }

        var procedures = new List<Resource>();
        if (patientId is { } id && await records.FindPatientAsync(id, cancellationToken).ConfigureAwait(false) is { } patient && FhirRecords.Surgery(patient) is { } surgery)
        {
            var procedure = FhirAssessmentMapper.ToProcedure(surgery.Id, "Patient/" + id, surgery.Surgery);
            var code = request.Query["code"].ToString();
            if (code.Length == 0 || procedure.Code!.Coding.Any(c => code == c.Code || code == $"{c.System}|{c.Code}"))
            {
                procedures.Add(procedure);
            }
        }

        return new FhirResult(page!.Searchset(request, page.Of(procedures), procedures.Count));
    }

    public static async Task<FhirResult> ReadPatientAsync(string id, ClaimsPrincipal user, FhirRecords records, CancellationToken cancellationToken)
    {
        var (patient, error) = await PatientAsync(id, user, records, cancellationToken).ConfigureAwait(false);
        return error ?? new FhirResult(FhirAssessmentMapper.ToPatient(FhirRecords.ToDetails(patient!)));
    }

    public static async Task<FhirResult> EverythingAsync(
        string id, HttpRequest request, ClaimsPrincipal user, FhirRecords records, FhirAssessmentMapper mapper, CancellationToken cancellationToken)
    {
        // start, end, _since, _type and _count are not implemented: ignoring one would answer more than was asked (ADR-044).
        if (request.Query.Keys.FirstOrDefault(k => k != "_format") is { } unsupported)
        {
            return Unsupported(unsupported);
        }

        var (patient, error) = await PatientAsync(id, user, records, cancellationToken).ConfigureAwait(false);
        if (error is not null)
        {
            return error;
        }

        // POST carries the parameters in a Parameters resource (FHIR R4 operations, 3.1.0.1.2); none is supported, an empty body is fine.
        if (HttpMethods.IsPost(request.Method))
        {
            var (parameters, bodyError) = await FhirBody.ReadOptionalAsync<Parameters>(request, cancellationToken).ConfigureAwait(false);
            if (bodyError is not null)
            {
                return bodyError;
            }

            if (parameters?.Parameter.FirstOrDefault() is { } named)
            {
                return Unsupported(named.Name ?? "Parameters.parameter");
            }
        }

        var assessments = await records.CurrentAssessmentsAsync(patient!.Id, cancellationToken).ConfigureAwait(false);
        SurgeryRecord[] surgery = FhirRecords.Surgery(patient) is { } s ? [s] : [];
        var bundle = mapper.Everything(ServerBase(request), FhirRecords.ToDetails(patient), surgery, assessments);
        bundle.Link.Add(new Bundle.LinkComponent { Relation = "self", Url = $"{ServerBase(request).AbsoluteUri}Patient/{patient.Id}/$everything" });
        return new FhirResult(bundle);
    }

    private static FhirResult Unsupported(string parameter) =>
        FhirOutcomes.BadRequest($"Parameter '{parameter}' of $everything is not supported: the operation returns the whole record.", parameter);

    internal static OperationOutcome ToOutcome(IReadOnlyList<ValidationError> errors) => new()
    {
        Issue =
        [
            .. errors.Select(e => new OperationOutcome.IssueComponent
            {
                Severity = OperationOutcome.IssueSeverity.Error,
                Code = IssueType.Value,
                Details = new CodeableConcept { Text = e.Message },
                // The Questionnaire's linkIds are the input's JSON paths.
                Expression = [e.Path is "" or "$" ? QuestionnaireResponseMapper.ResourceExpression : e.Path],
            }),
        ],
    };

    /// <summary>The base URL of this FHIR endpoint as the caller reached it.</summary>
    internal static Uri ServerBase(HttpRequest request) =>
        new($"{request.Scheme}://{request.Host}{request.PathBase}{FhirOutcomeMiddleware.Prefix}/");

    internal static bool TryPatientId(string? reference, out Guid id)
    {
        id = Guid.Empty;
        if (string.IsNullOrEmpty(reference))
        {
            return false;
        }

        var text = reference;
        var marker = text.LastIndexOf("Patient/", StringComparison.Ordinal);
        if (marker >= 0)
        {
            text = text[(marker + "Patient/".Length)..];
        }

        return Guid.TryParse(text, CultureInfo.InvariantCulture, out id);
    }

    private static FhirResult? Forbid(ClaimsPrincipal user, Guid patientId) => FhirApi.Forbid(user, patientId);

    private static async Task<(KneeSpine.Store.Patients.Patient? Patient, FhirResult? Error)> PatientAsync(
        string id, ClaimsPrincipal user, FhirRecords records, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(id, CultureInfo.InvariantCulture, out var patientId))
        {
            return (null, FhirOutcomes.NotFound($"Patient/{id} is not known."));
        }

        if (Forbid(user, patientId) is { } forbidden)
        {
            return (null, forbidden);
        }

        var patient = await records.FindPatientAsync(patientId, cancellationToken).ConfigureAwait(false);
        return patient is null ? (null, FhirOutcomes.NotFound($"Patient/{id} is not known.")) : (patient, null);
    }

    private static async Task<(Guid? PatientId, FhirResult? Error)> SearchedPatientAsync(
        HttpRequest request, ClaimsPrincipal user, FhirRecords records, string parameter, CancellationToken cancellationToken)
    {
        var value = request.Query[parameter].ToString();
        if (value.Length == 0)
        {
            return (null, FhirOutcomes.BadRequest($"Search needs {parameter}=Patient/{{id}}: this server does not list every patient's records.", parameter));
        }

        if (!TryPatientId(value, out var patientId))
        {
            return (null, FhirOutcomes.BadRequest($"'{value}' is not a KneeSpine patient reference (Patient/{{uuid}}).", parameter));
        }

        request.HttpContext.Audit().PatientId = patientId;

        if (Forbid(user, patientId) is { } forbidden)
        {
            return (null, forbidden);
        }

        return (await records.FindPatientAsync(patientId, cancellationToken).ConfigureAwait(false) is null ? null : patientId, null);
    }
}
