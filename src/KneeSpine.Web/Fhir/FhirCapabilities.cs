using Hl7.Fhir.Model;
using KneeSpine.Fhir.Terminology;

namespace KneeSpine.Web.Fhir;

/// <summary>The CapabilityStatement of <c>/fhir/metadata</c>: exactly the interactions <see cref="FhirApi"/> maps, nothing more.</summary>
internal static class FhirCapabilities
{
    public static CapabilityStatement Build(DateOnly date, string softwareVersion, Uri serverBase) => new()
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
                    Description = "Questionnaire, $assess and metadata are open (and $assess is rate-limited). Everything else needs "
                        + "Authorization: Bearer with a KneeSpine personal access token (or the web sign-in cookie). Clinicians and "
                        + "admins see every patient; a patient account sees only its own record. AuditEvent is for admins only; Task "
                        + "(the clinic's worklist) for clinicians and admins; bulk export ($export) for admins only. "
                        + "SMART on FHIR is not offered.",
                },
                Operation = [BulkExport("export", "Every patient's resources (all resources here are in a patient's compartment).")],
                Resource =
                [
                    Resource(ResourceType.Questionnaire, [CapabilityStatement.TypeRestfulInteraction.Read], []),
                    Resource(ResourceType.QuestionnaireResponse,
                        [CapabilityStatement.TypeRestfulInteraction.Read, CapabilityStatement.TypeRestfulInteraction.Create, CapabilityStatement.TypeRestfulInteraction.SearchType],
                        [
                            Param("subject", SearchParamType.Reference, "Patient/{id}; this or patient is required"),
                            Param("patient", SearchParamType.Reference, "Patient/{id} or the id; this or subject is required"),
                            Param("questionnaire", SearchParamType.Reference, "the KneeSpine Questionnaire's canonical (with or without |version); any other finds nothing"),
                            Param("_sort", SearchParamType.Special, "only -authored (newest first), the default"),
                            Param("_count", SearchParamType.Number, "at most this many responses"),
                        ],
                        new CapabilityStatement.OperationComponent { Name = "assess", Definition = KneeSpineCodeSystems.Base + "/OperationDefinition/QuestionnaireResponse-assess" }),
                    Resource(ResourceType.Patient, [CapabilityStatement.TypeRestfulInteraction.Read], [],
                        new CapabilityStatement.OperationComponent
                        {
                            Name = "everything",
                            Definition = "http://hl7.org/fhir/OperationDefinition/Patient-everything",
                            Documentation = "A searchset Bundle of the whole record; the parameters start, end, _since, _type and _count are not supported (400).",
                        },
                        BulkExport("patient-export", "Every patient's resources.")),
                    Resource(ResourceType.Group, [], [],
                        BulkExport("group-export", "Groups are fixed: Group/all (every patient) and Group/worklist (patients with an open worklist item).")),
                    Resource(ResourceType.Procedure, [CapabilityStatement.TypeRestfulInteraction.SearchType],
                        [
                            Param("patient", SearchParamType.Reference, "Patient/{id} or the id; this or subject is required"),
                            Param("subject", SearchParamType.Reference, "Patient/{id}; this or patient is required"),
                            Param("code", SearchParamType.Token, "code or system|code, e.g. http://snomed.info/sct|609588000"),
                        ]),
                    Resource(ResourceType.AuditEvent, [CapabilityStatement.TypeRestfulInteraction.SearchType],
                        [
                            Param("patient", SearchParamType.Reference, "Patient/{id} or the id: events about this patient's record"),
                            Param("entity", SearchParamType.Reference, "Patient/{id}: the same as patient"),
                            Param("date", SearchParamType.Date, "recorded; prefixes eq (default), ge, gt, le, lt; repeat to bound a range"),
                            Param("_count", SearchParamType.Number, $"at most this many events (default {FhirAuditEndpoints.DefaultCount}, at most {FhirAuditEndpoints.MaxCount}), newest first"),
                        ]),
                    Resource(ResourceType.Task, [CapabilityStatement.TypeRestfulInteraction.Read, CapabilityStatement.TypeRestfulInteraction.SearchType],
                        [
                            Param("patient", SearchParamType.Reference, "Patient/{id} or the id; required"),
                            Param("status", SearchParamType.Token, "requested (open worklist items) or completed (acknowledged); both when absent"),
                        ]),
                ],
            },
        ],
    };

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
