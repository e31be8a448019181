using System.Security.Cryptography;
using System.Text;
using Hl7.Fhir.Model;
using KneeSpine.Engine.Input;
using KneeSpine.Engine.Knowledge;
using KneeSpine.Engine.Results;
using KneeSpine.Fhir.Questionnaires;
using KneeSpine.Fhir.Serialization;
using KneeSpine.Fhir.Terminology;

namespace KneeSpine.Fhir.Assessments;

/// <summary>Maps evaluated assessments and stored records to FHIR R4 resources and bundles.</summary>
/// <remarks>
/// One assessment becomes: a RiskAssessment (triage level in <c>prediction.qualitativeRisk</c>, based on the
/// response), one Flag per alert, a CarePlan with one activity per plan item, Observations for the 0-10 back
/// and knee pain scores (LOINC 72514-3, told apart by body site and a KneeSpine code) and one Observation per
/// contributing factor, plus the QuestionnaireResponse itself.
/// </remarks>
/// <param name="knowledgeBase">The knowledge base whose titles label the codes.</param>
public sealed class FhirAssessmentMapper(KnowledgeBase knowledgeBase)
{
    private static readonly Lazy<FhirAssessmentMapper> DefaultMapper = new(() => new FhirAssessmentMapper(KnowledgeBase.Default));

    private readonly AssessmentResourceBuilder builder = new(new KnowledgeText(knowledgeBase));

    /// <summary>A mapper over <see cref="KnowledgeBase.Default"/>.</summary>
    public static FhirAssessmentMapper Default => DefaultMapper.Value;

    /// <summary>
    /// The <c>$assess</c> result: a collection Bundle of the response and the resources derived from it,
    /// linked by <c>urn:uuid</c> full URLs (nothing in it is stored).
    /// </summary>
    /// <param name="response">The answers as posted; copied, never changed.</param>
    /// <param name="input">The assessment read from <paramref name="response"/>.</param>
    /// <param name="result">The evaluation of <paramref name="input"/>.</param>
    /// <param name="patientReference">The patient (<c>Patient/123</c>); else the response's subject.</param>
    /// <exception cref="ArgumentException">The response is about another patient than <paramref name="patientReference"/>.</exception>
    public Bundle ToAssessBundle(QuestionnaireResponse response, AssessmentInput input, AssessmentResult result, string? patientReference)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(result);
        // Filing one patient's answers under another is the error that must never pass silently.
        if (patientReference is not null && response.Subject?.Reference is { } answeredFor && answeredFor != patientReference)
        {
            throw new ArgumentException($"The response is about '{answeredFor}', not '{patientReference}'.", nameof(patientReference));
        }

        var copy = (QuestionnaireResponse)response.DeepCopy();
        var identity = ResourceIdentity.Transient(response.Id ?? ContentHash(response));
        copy.Id ??= identity.IdFor("response");
        var subject = Subject(patientReference ?? response.Subject?.Reference);
        copy.Subject ??= patientReference is null ? null : new ResourceReference(patientReference);

        var resources = builder.Build(copy, RecordedInput.FromInput(input), result, subject, identity);
        return new Bundle
        {
            Type = Bundle.BundleType.Collection,
            Entry = [.. resources.All.Select(r => new Bundle.EntryComponent { FullUrl = identity.FullUrl(r), Resource = r })],
        };
    }

    /// <summary>The resources of a stored assessment, with ids derived from its id and relative references.</summary>
    /// <param name="assessment">The stored assessment.</param>
    /// <param name="patientReference">The patient (<c>Patient/123</c>).</param>
    /// <param name="serverBase">Base URL of the FHIR endpoint that serves them.</param>
    public AssessmentResources ToResources(StoredAssessment assessment, string patientReference, Uri serverBase)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        // A stored result of earlier rules is labelled with that knowledge base's titles, never relabelled.
        if (KnowledgeBase.For(assessment.Result) is var own && own.Version == assessment.Result.KnowledgeBaseVersion && own.Version != knowledgeBase.Version)
        {
            return new FhirAssessmentMapper(own).ToResources(assessment, patientReference, serverBase);
        }

        var identity = ResourceIdentity.Stored(assessment.Id, serverBase);
        var response = QuestionnaireResponseMapper.ToQuestionnaireResponse(assessment.Input, patientReference, assessment.Authored);
        response.Id = assessment.LogicalId ?? assessment.Id;
        if (assessment.AuthoredAsSent is { } sent)
        {
            // A round trip through DateTimeOffset would lose the sender's offset and precision.
            response.Authored = sent;
        }

        if (assessment.Version is not null || assessment.ReceivedAt is not null)
        {
            response.Meta = new Meta
            {
                VersionId = assessment.Version?.ToString(System.Globalization.CultureInfo.InvariantCulture),
                LastUpdated = assessment.ReceivedAt,
            };
        }

        return builder.Build(response, assessment.Input, assessment.Result, Subject(patientReference), identity);
    }

    /// <summary>The id of the RiskAssessment that <see cref="ToResources"/> gives the stored assessment <paramref name="assessmentId"/>.</summary>
    public static string RiskAssessmentId(string assessmentId) =>
        ResourceIdentity.Stored(assessmentId, new Uri("https://kneespine.invalid/")).IdFor("risk-assessment");

    /// <summary>The stored assessment (version) whose resources include <paramref name="resourceId"/>; null when the id is not one <see cref="ToResources"/> gives.</summary>
    public static Guid? StoredAssessmentOf(string resourceId) => ResourceIdentity.AssessmentOf(resourceId ?? "");

    /// <summary>The patient as a FHIR Patient (name, birth date, gender).</summary>
    public static Patient ToPatient(PatientDetails patient)
    {
        ArgumentNullException.ThrowIfNull(patient);
        var result = new Patient
        {
            Id = patient.Id,
            BirthDate = patient.BirthDate is { } born ? FhirDates.Text(born) : null,
            Gender = patient.Sex switch
            {
                Sex.Female => AdministrativeGender.Female,
                Sex.Male => AdministrativeGender.Male,
                Sex.Other => AdministrativeGender.Other,
                Sex.Unknown => AdministrativeGender.Unknown,
                _ => null,
            },
        };
        if (patient.FamilyName is not null || patient.GivenNames.Count > 0)
        {
            result.Name = [new HumanName { Use = HumanName.NameUse.Official, Family = patient.FamilyName, Given = patient.GivenNames }];
        }

        return result;
    }

    /// <summary>The knee replacement as a FHIR Procedure.</summary>
    /// <remarks>
    /// Coded SNOMED CT 609588000 Total knee replacement unless the record says partial or revision, which
    /// carry only the KneeSpine procedure code (SNOMED CT codes for those are not asserted without review).
    /// The body site is the lateralised knee when the side is known.
    /// </remarks>
    /// <param name="id">The Procedure id.</param>
    /// <param name="patientReference">The patient (<c>Patient/123</c>).</param>
    /// <param name="surgery">The surgery as recorded.</param>
    public static Procedure ToProcedure(string id, string patientReference, SurgeryInfo surgery)
    {
        ArgumentNullException.ThrowIfNull(surgery);
        var code = new CodeableConcept { Text = "Knee replacement" };
        if (surgery.Procedure is null or SurgeryProcedure.Total)
        {
            code.Coding.Add(StandardCodes.TotalKneeReplacement);
            code.Text = "Total knee replacement";
        }

        if (surgery.Procedure is { } kind)
        {
            var procedureCode = SpecCodes.Of(kind);
            code.Coding.Add(new Coding(KneeSpineCodeSystems.ForInputField("surgery.procedure"), procedureCode, CodeDisplay.For(procedureCode)));
        }

        return new Procedure
        {
            Id = id,
            Status = EventStatus.Completed,
            Code = code,
            Subject = new ResourceReference(patientReference),
            Performed = FhirDates.DateTime(surgery.Date),
            BodySite = [new CodeableConcept { Coding = [AssessmentResourceBuilder.KneeSite(surgery.Side)] }],
        };
    }

    /// <summary>
    /// <c>Patient/$everything</c>: a searchset Bundle (as the operation defines) of the patient, the knee
    /// replacement(s) and every assessment's resources.
    /// </summary>
    /// <remarks>
    /// Only the latest assessment's alerts stay active: an earlier assessment's Flags are inactive from the
    /// next assessment's date, and its CarePlan is revoked and replaced by the next one, so an old warning
    /// is not read as current.
    /// </remarks>
    /// <param name="serverBase">Base URL of the FHIR endpoint, for full URLs.</param>
    /// <param name="patient">The patient.</param>
    /// <param name="procedures">The patient's knee replacements.</param>
    /// <param name="assessments">The patient's stored assessments, in any order.</param>
    public Bundle Everything(Uri serverBase, PatientDetails patient, IEnumerable<SurgeryRecord> procedures, IEnumerable<StoredAssessment> assessments)
    {
        ArgumentNullException.ThrowIfNull(serverBase);
        ArgumentNullException.ThrowIfNull(patient);
        ArgumentNullException.ThrowIfNull(procedures);
        ArgumentNullException.ThrowIfNull(assessments);
        var patientReference = "Patient/" + patient.Id;
        var resources = new List<Resource> { ToPatient(patient) };
        resources.AddRange(procedures.Select(p => ToProcedure(p.Id, patientReference, p.Surgery)));

        var ordered = assessments.OrderBy(a => a.Input.AssessedOn).ThenBy(a => a.Authored).ThenBy(a => a.Id, StringComparer.Ordinal).ToList();
        CarePlan? previousPlan = null;
        for (var i = 0; i < ordered.Count; i++)
        {
            var set = ToResources(ordered[i], patientReference, serverBase);
            if (i + 1 < ordered.Count)
            {
                Supersede(set, ordered[i + 1].Input.AssessedOn);
            }

            if (previousPlan is not null)
            {
                set.CarePlan.Replaces = [new ResourceReference("CarePlan/" + previousPlan.Id)];
            }

            previousPlan = set.CarePlan;
            resources.Add(set.Response);
            resources.AddRange(set.All.Where(r => r is not QuestionnaireResponse));
        }

        var root = serverBase.AbsoluteUri.TrimEnd('/');
        return new Bundle
        {
            Type = Bundle.BundleType.Searchset,
            Total = resources.Count,
            Entry =
            [
                .. resources.Select(r => new Bundle.EntryComponent
                {
                    FullUrl = $"{root}/{r.TypeName}/{r.Id}",
                    Resource = r,
                    Search = new Bundle.SearchComponent { Mode = r is Patient ? Bundle.SearchEntryMode.Match : Bundle.SearchEntryMode.Include },
                }),
            ],
        };
    }

    private static void Supersede(AssessmentResources set, DateOnly nextAssessment)
    {
        foreach (var flag in set.Flags)
        {
            flag.Status = Flag.FlagStatus.Inactive;
            flag.Period ??= new Period();
            flag.Period.End = FhirDates.Text(nextAssessment);
        }

        set.CarePlan.Status = RequestStatus.Revoked;
    }

    private static ResourceReference Subject(string? patientReference) =>
        patientReference is null ? new ResourceReference { Display = "Patient not identified" } : new ResourceReference(patientReference);

    private static string ContentHash(QuestionnaireResponse response) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(FhirJson.Serialize(response))));
}
