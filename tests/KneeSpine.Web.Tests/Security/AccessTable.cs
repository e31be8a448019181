namespace KneeSpine.Web.Tests.Security;

/// <summary>
/// The expected access for every route the app maps (method and normalised pattern). Add a row when you add an
/// endpoint or page; the matrix test fails for any route missing here.
/// </summary>
/// <remarks>
/// <c>/openapi/v1.json</c> is public: it describes the API's shape, which is in the open-source repository anyway,
/// and holds no patient data, account names or configuration. Anonymous evaluation (<c>/api/v1/evaluate</c>, the
/// <c>/check</c> page and FHIR <c>$assess</c>, which mirrors it per ADR-020) stores nothing and is rate-limited.
/// CDS Hooks discovery is public (the specification expects it); the service routes need the EHR's JWT.
/// </remarks>
public static class AccessTable
{
    public static IReadOnlyDictionary<string, AccessRule> Rules { get; } = new Dictionary<string, AccessRule>(StringComparer.OrdinalIgnoreCase)
    {
        ["GET /health"] = new(Access.Public),
        ["GET /health/ready"] = new(Access.Public),
        ["GET /openapi/{documentname}.json"] = new(Access.Public),
        // Static web assets' fallback: files of the web root only ({**path:file}).
        ["GET /{path}"] = new(Access.Public),

        ["POST /api/v1/evaluate"] = new(Access.Public),
        ["POST /api/v1/patients"] = new(Access.Clinician),
        ["GET /api/v1/patients"] = new(Access.SignedIn),
        ["GET /api/v1/patients/{id}"] = new(Access.PatientRecord, IdKind.Patient),
        ["POST /api/v1/patients/{patientid}/assessments"] = new(Access.PatientRecord),
        ["GET /api/v1/patients/{patientid}/assessments"] = new(Access.PatientRecord),
        ["GET /api/v1/patients/{patientid}/assessments/{id}"] = new(Access.PatientRecord, IdKind.Assessment),
        ["PUT /api/v1/patients/{patientid}/assessments/{id}"] = new(Access.PatientRecord, IdKind.Assessment),
        ["GET /api/v1/patients/{patientid}/assessments/{id}/versions"] = new(Access.PatientRecord, IdKind.Assessment),
        ["GET /api/v1/followups/due"] = new(Access.Clinician),

        ["GET /api/v1/worklist"] = new(Access.Clinician),
        ["GET /reports/{table}.csv"] = new(Access.Clinician),
        ["POST /api/v1/worklist/{id}/acknowledge"] = new(Access.Clinician, IdKind.WorklistItem),

        ["GET /fhir/metadata"] = new(Access.Public),
        ["GET /fhir/questionnaire/{id}"] = new(Access.Public, IdKind.Questionnaire),
        ["GET /fhir/questionnaire"] = new(Access.Public),
        ["GET /fhir/operationdefinition/{id}"] = new(Access.Public, IdKind.OperationDefinition),
        ["GET /fhir/questionnaireresponse/{id}/_history/{vid}"] = new(Access.PatientRecord, IdKind.Assessment),
        ["POST /fhir/patient/{id}/$everything"] = new(Access.PatientRecord, IdKind.Patient),
        ["GET /fhir/riskassessment/{id}"] = new(Access.PatientRecord, IdKind.FhirResource),
        ["GET /fhir/flag/{id}"] = new(Access.PatientRecord, IdKind.FhirResource),
        ["GET /fhir/careplan/{id}"] = new(Access.PatientRecord, IdKind.FhirResource),
        ["GET /fhir/observation/{id}"] = new(Access.PatientRecord, IdKind.FhirResource),
        ["GET /fhir/procedure/{id}"] = new(Access.PatientRecord, IdKind.FhirResource),
        ["GET /fhir/auditevent/{id}"] = new(Access.Admin, IdKind.FhirResource),
        ["POST /fhir/questionnaireresponse/$assess"] = new(Access.Public),
        ["POST /fhir/questionnaireresponse"] = new(Access.SignedIn),
        ["GET /fhir/questionnaireresponse/{id}"] = new(Access.PatientRecord, IdKind.Assessment),
        ["GET /fhir/questionnaireresponse"] = new(Access.PatientRecord, Query: "subject=Patient/{patient}"),
        ["GET /fhir/patient/{id}"] = new(Access.PatientRecord, IdKind.Patient),
        ["GET /fhir/patient/{id}/$everything"] = new(Access.PatientRecord, IdKind.Patient),
        ["GET /fhir/procedure"] = new(Access.PatientRecord, Query: "patient={patient}"),
        ["GET /fhir/auditevent"] = new(Access.Admin, Query: "patient=Patient/{patient}"),
        ["GET /fhir/task/{id}"] = new(Access.Clinician, IdKind.WorklistItem),
        ["GET /fhir/task"] = new(Access.Clinician, Query: "patient=Patient/{patient}&status=requested"),
        ["GET /fhir/$export"] = new(Access.Admin),
        ["GET /fhir/patient/$export"] = new(Access.Admin),
        ["GET /fhir/group/{id}/$export"] = new(Access.Admin, IdKind.ExportGroup),
        ["GET /fhir/$export-status/{id}"] = new(Access.Admin, IdKind.ExportJob),
        ["DELETE /fhir/$export-status/{id}"] = new(Access.Admin, IdKind.ExportJobToCancel),
        ["GET /fhir/$export-file/{id}/{file}"] = new(Access.Admin, IdKind.ExportJob),

        ["GET /cds-services"] = new(Access.Public),
        ["POST /cds-services/kneespine-back-pain"] = new(Access.EhrJwt),
        ["POST /cds-services/kneespine-back-pain/feedback"] = new(Access.EhrJwt),
    }.Concat(Pages()).ToDictionary(p => p.Key, p => p.Value, StringComparer.OrdinalIgnoreCase);

    /// <summary>Razor Pages answer GET and POST on the same route; both are listed.</summary>
    private static IEnumerable<KeyValuePair<string, AccessRule>> Pages()
    {
        var pages = new (string Route, AccessRule Rule)[]
        {
            ("/", new(Access.Public)),
            ("/index", new(Access.Public)),
            ("/check", new(Access.Public)),
            ("/smart/launch", new(Access.Public)),
            ("/smart/callback", new(Access.Public)),
            ("/account/login", new(Access.Public)),
            ("/account/access-denied", new(Access.Public)),
            ("/account", new(Access.SignedIn)),
            ("/account/index", new(Access.SignedIn)),
            ("/account/logout", new(Access.SignedIn)),
            ("/account/change-password", new(Access.SignedIn)),
            ("/admin/users", new(Access.Admin)),
            ("/admin/users/new", new(Access.Admin)),
            ("/admin/users/{id}", new(Access.Admin, IdKind.Account)),
            ("/account/reset-password", new(Access.Public)),
            ("/admin/audit", new(Access.Admin)),
            ("/worklist", new(Access.Clinician)),
            ("/reports", new(Access.Clinician)),
            ("/admin/outbox", new(Access.Admin)),
            ("/patients", new(Access.Clinician)),
            ("/patients/new", new(Access.Clinician)),
            ("/patients/{id}", new(Access.Clinician, IdKind.Patient)),
            ("/patients/{id}/assessments/new", new(Access.Clinician, IdKind.Patient)),
            ("/patients/{id}/assessments/{assessmentid}", new(Access.Clinician, IdKind.Patient)),
            ("/patients/{id}/assessments/{assessmentid}/edit", new(Access.Clinician, IdKind.Patient)),
            ("/patients/{id}/assessments/{assessmentid}/handout", new(Access.Clinician, IdKind.Patient)),
            ("/patients/{id}/assessments/{assessmentid}/versions", new(Access.Clinician, IdKind.Patient)),
            ("/me", new(Access.PatientAccount)),
            ("/me/follow-up", new(Access.PatientAccount)),
            ("/me/assessments/{assessmentid}", new(Access.OwnRecordOnly)),
            ("/me/assessments/{assessmentid}/handout", new(Access.OwnRecordOnly)),
        };
        return pages.SelectMany(p => new[]
        {
            KeyValuePair.Create("GET " + p.Route, p.Rule),
            KeyValuePair.Create("POST " + p.Route, p.Rule),
        });
    }

    /// <summary>Whether <paramref name="caller"/> reaches a route with <paramref name="access"/> filled with patient A's record.</summary>
    public static Reach Reaches(Access access, CallerKind caller) => (access, caller) switch
    {
        (Access.Public, _) => Reach.Yes,
        (Access.EhrJwt, _) => Reach.No,
        (_, CallerKind.Anonymous) => Reach.No,
        (Access.SignedIn, _) => Reach.Yes,
        (Access.Admin, CallerKind.Admin) => Reach.Yes,
        (Access.Admin, _) => Reach.No,
        (Access.Clinician, CallerKind.Clinician or CallerKind.Admin) => Reach.Yes,
        (Access.Clinician, _) => Reach.No,
        (Access.PatientRecord, CallerKind.PatientB) => Reach.NotOthersRecord,
        (Access.PatientRecord, _) => Reach.Yes,
        (Access.PatientAccount, CallerKind.PatientA or CallerKind.PatientB) => Reach.Yes,
        (Access.PatientAccount, _) => Reach.No,
        (Access.OwnRecordOnly, CallerKind.PatientA) => Reach.Yes,
        (Access.OwnRecordOnly, CallerKind.PatientB) => Reach.NotOthersRecord,
        (Access.OwnRecordOnly, _) => Reach.No,
        _ => throw new ArgumentOutOfRangeException(nameof(access), access, null),
    };
}
