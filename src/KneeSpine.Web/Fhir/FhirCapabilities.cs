using Hl7.Fhir.Model;
using KneeSpine.Fhir.Questionnaires;
using KneeSpine.Fhir.Terminology;

namespace KneeSpine.Web.Fhir;

/// <summary>The CapabilityStatement of <c>/fhir/metadata</c>: exactly the interactions <see cref="FhirApi"/> maps, nothing more.</summary>
internal static class FhirCapabilities
{
    /// <param name="date">The statement's date.</param>
    /// <param name="softwareVersion">KneeSpine's version.</param>
    /// <param name="serverBase">The /fhir base the request came in on.</param>
    /// <param name="smartApp">KneeSpine as a SMART app (client mode), when an EHR is configured to launch it.</param>
    public static CapabilityStatement Build(DateOnly date, string softwareVersion, Uri serverBase, CapabilityStatement.RestComponent? smartApp = null) => new()
    {
        Id = "kneespine",
        Url = KneeSpineCodeSystems.Base + "/CapabilityStatement/kneespine",
        Name = "KneeSpine",
        Title = "KneeSpine FHIR endpoint",
        Status = PublicationStatus.Active,
        Date = date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        Publisher = "KneeSpine",
        Description = "Back-pain triage after knee replacement. Supports, and does not replace, clinical judgement.",
        Kind = CapabilityStatementKind.Instance,
        Software = new CapabilityStatement.SoftwareComponent { Name = "KneeSpine", Version = softwareVersion },
        Implementation = new CapabilityStatement.ImplementationComponent { Description = "KneeSpine", Url = serverBase.AbsoluteUri.TrimEnd('/') },
        FhirVersion = FHIRVersion.N4_0_1,
        Format = ["application/fhir+json", "json"],
        Rest =
        [
            new CapabilityStatement.RestComponent
            {
                Mode = CapabilityStatement.RestfulCapabilityMode.Server,
                Security = new CapabilityStatement.SecurityComponent
                {
                    Description = "Questionnaire, OperationDefinition, $assess and metadata are open (and $assess is rate-limited). Everything else needs "
                        + "Authorization: Bearer with a KneeSpine personal access token (or the web sign-in cookie). Clinicians and "
                        + "admins see every patient; a patient account sees only its own record. AuditEvent is for admins only; Task "
                        + "(the clinic's worklist) for clinicians and admins; bulk export ($export) for admins only. "
                        + "This endpoint is not a SMART on FHIR resource server: it takes no EHR-issued access tokens. KneeSpine "
                        + "is a SMART app instead; when an EHR is configured, the client-mode rest entry says how it is launched.",
                },
                Operation = [BulkExport("export", "Every patient's resources (all resources here are in a patient's compartment).")],
                Resource =
                [
                    Resource(ResourceType.Questionnaire, [Read, SearchType],
                        [
                            Param("url", SearchParamType.Uri, "the canonical, optionally with |version"),
                            Param("version", SearchParamType.Token, "the Questionnaire version (the input schema version)"),
                            .. Paging(FhirStoredEndpoints.DefaultCount, FhirStoredEndpoints.MaxCount),
                        ]),
                    Resource(ResourceType.QuestionnaireResponse, [Read, Vread, Create, SearchType],
                        [
                            Param("subject", SearchParamType.Reference, "Patient/{id}; this or patient is required"),
                            Param("patient", SearchParamType.Reference, "Patient/{id} or the id; this or subject is required"),
                            Param("questionnaire", SearchParamType.Reference, "the KneeSpine Questionnaire's canonical (with or without |version); any other finds nothing"),
                            Param("_sort", SearchParamType.Special, "only -authored (newest first), the default"),
                            .. Paging(FhirStoredEndpoints.DefaultCount, FhirStoredEndpoints.MaxCount),
                        ],
                        new CapabilityStatement.OperationComponent { Name = "assess", Definition = AssessOperation.Url }),
                    Resource(ResourceType.Patient, [Read], [],
                        new CapabilityStatement.OperationComponent
                        {
                            Name = "everything",
                            Definition = "http://hl7.org/fhir/OperationDefinition/Patient-everything",
                            Documentation = "GET or POST. A searchset Bundle of the whole record; the parameters start, end, _since, _type and _count are not supported (400).",
                        },
                        BulkExport("patient-export", "Every patient's resources.")),
                    Resource(ResourceType.Group, [], [],
                        BulkExport("group-export", "Groups are fixed: Group/all (every patient) and Group/worklist (patients with an open worklist item).")),
                    Resource(ResourceType.Procedure, [Read, SearchType],
                        [
                            Param("patient", SearchParamType.Reference, "Patient/{id} or the id; this or subject is required"),
                            Param("subject", SearchParamType.Reference, "Patient/{id}; this or patient is required"),
                            Param("code", SearchParamType.Token, "code or system|code, e.g. http://snomed.info/sct|609588000"),
                            .. Paging(FhirStoredEndpoints.DefaultCount, FhirStoredEndpoints.MaxCount),
                        ]),
                    .. FhirDerivedEndpoints.AssessmentTypes.Select(type => Resource(Enum.Parse<ResourceType>(type), [Read], [])),
                    Resource(ResourceType.AuditEvent, [Read, SearchType],
                        [
                            Param("patient", SearchParamType.Reference, "Patient/{id} or the id: events about this patient's record"),
                            Param("entity", SearchParamType.Reference, "Patient/{id}: the same as patient"),
                            Param("date", SearchParamType.Date, "recorded; prefixes eq (default), ge, gt, le, lt; repeat to bound a range"),
                            .. Paging(FhirAuditEndpoints.DefaultCount, FhirAuditEndpoints.MaxCount),
                            Param(FhirAuditEndpoints.SnapshotParameter, SearchParamType.Number, "the newest event id the first page saw; the paging links carry it so later events do not shift the pages"),
                        ]),
                    Resource(ResourceType.Task, [Read, SearchType],
                        [
                            Param("patient", SearchParamType.Reference, "Patient/{id} or the id; required"),
                            Param("status", SearchParamType.Token, "requested (open worklist items) or completed (acknowledged); both when absent"),
                            .. Paging(FhirStoredEndpoints.DefaultCount, FhirStoredEndpoints.MaxCount),
                        ]),
                    Resource(ResourceType.OperationDefinition, [Read], []),
                ],
            },
            .. (smartApp is null ? Array.Empty<CapabilityStatement.RestComponent>() : [smartApp]),
        ],
    };

    private const CapabilityStatement.TypeRestfulInteraction Read = CapabilityStatement.TypeRestfulInteraction.Read;

    private const CapabilityStatement.TypeRestfulInteraction Vread = CapabilityStatement.TypeRestfulInteraction.Vread;

    private const CapabilityStatement.TypeRestfulInteraction Create = CapabilityStatement.TypeRestfulInteraction.Create;

    private const CapabilityStatement.TypeRestfulInteraction SearchType = CapabilityStatement.TypeRestfulInteraction.SearchType;

    /// <summary>Every search pages the same way (ADR-120).</summary>
    private static CapabilityStatement.SearchParamComponent[] Paging(int defaultCount, int maxCount) =>
    [
        Param(FhirPage.CountParameter, SearchParamType.Number, $"the page size: {defaultCount} when absent, at most {maxCount} (a larger value is reduced to it); follow the Bundle's next link for the rest"),
        Param(FhirPage.OffsetParameter, SearchParamType.Number, "where the page starts; the next and previous links carry it"),
    ];

    private static CapabilityStatement.ResourceComponent Resource(
        ResourceType type,
        CapabilityStatement.TypeRestfulInteraction[] interactions,
        CapabilityStatement.SearchParamComponent[] search,
        params CapabilityStatement.OperationComponent[] operations) => new()
        {
            Type = type.ToString(),
            Interaction = [.. interactions.Select(i => new CapabilityStatement.ResourceInteractionComponent { Code = i })],
            SearchParam = [.. search],
            Operation = [.. operations],
            // Stored assessments keep every version (an edit adds one): meta.versionId, ETag and _history/{vid}.
            Versioning = interactions.Contains(Vread) ? CapabilityStatement.ResourceVersionPolicy.Versioned : null,
        };

    /// <summary>A Bulk Data v2 export operation (admins only; asynchronous, so Prefer: respond-async is required).</summary>
    private static CapabilityStatement.OperationComponent BulkExport(string definition, string scope) => new()
    {
        Name = "export",
        Definition = "http://hl7.org/fhir/uv/bulkdata/OperationDefinition/" + definition,
        Documentation = scope + " Bulk Data Access v2, for admins: Prefer: respond-async; _type, _since and "
            + "_outputFormat=application/fhir+ndjson; status at $export-status/{id} (DELETE cancels); files expire.",
    };

    private static CapabilityStatement.SearchParamComponent Param(string name, SearchParamType type, string documentation) =>
        new() { Name = name, Type = type, Documentation = documentation };
}
