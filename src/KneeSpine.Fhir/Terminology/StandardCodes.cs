using Hl7.Fhir.Model;

namespace KneeSpine.Fhir.Terminology;

/// <summary>The external codes KneeSpine emits (LOINC, SNOMED CT, UCUM, DICOM, HL7 terminology), each in one place.</summary>
public static class StandardCodes
{
    /// <summary>LOINC.</summary>
    public const string Loinc = "http://loinc.org";

    /// <summary>SNOMED CT.</summary>
    public const string Snomed = "http://snomed.info/sct";

    /// <summary>UCUM.</summary>
    public const string Ucum = "http://unitsofmeasure.org";

    /// <summary>LOINC 72514-3, the patient-reported 0-10 pain score.</summary>
    public static Coding PainScore => new(Loinc, "72514-3", "Pain severity - 0-10 verbal numeric rating [Score] - Reported");

    /// <summary>The UCUM unit of a score.</summary>
    public const string ScoreUnit = "{score}";

    /// <summary>LOINC 55758-7, the PHQ-2 total score (0-6).</summary>
    public static Coding Phq2Total => new(Loinc, "55758-7", "Patient Health Questionnaire 2 item (PHQ-2) total score [Reported]");

    /// <summary>LOINC codes of the four PHQ-2 and GAD-2 items, keyed by the JSON path of the question that asks them.</summary>
    public static IReadOnlyDictionary<string, Coding> ScreeningItems { get; } = new Dictionary<string, Coding>(StringComparer.Ordinal)
    {
        ["psychosocial.littleInterestOrPleasure"] = new(Loinc, "44250-9", "Little interest or pleasure in doing things"),
        ["psychosocial.feelingDownDepressedOrHopeless"] = new(Loinc, "44255-8", "Feeling down, depressed, or hopeless"),
        ["psychosocial.feelingNervousAnxiousOrOnEdge"] = new(Loinc, "69725-0", "Feeling nervous, anxious or on edge"),
        ["psychosocial.unableToStopOrControlWorrying"] = new(Loinc, "68509-9", "Not being able to stop or control worrying"),
    };

    /// <summary>SNOMED CT 609588000 Total knee replacement.</summary>
    public static Coding TotalKneeReplacement => new(Snomed, TotalKneeReplacementCode, "Total knee replacement");

    /// <summary>The code of <see cref="TotalKneeReplacement"/>, for search parameters.</summary>
    public const string TotalKneeReplacementCode = "609588000";

    /// <summary>SNOMED CT 37822005 Lower back structure.</summary>
    public static Coding LowerBack => new(Snomed, "37822005", "Lower back structure");

    /// <summary>SNOMED CT 72696002 Knee region structure (side not known).</summary>
    public static Coding Knee => new(Snomed, "72696002", "Knee region structure");

    /// <summary>SNOMED CT 82169009 Structure of left knee region.</summary>
    public static Coding LeftKnee => new(Snomed, "82169009", "Structure of left knee region");

    /// <summary>SNOMED CT 6757004 Structure of right knee region.</summary>
    public static Coding RightKnee => new(Snomed, "6757004", "Structure of right knee region");

    /// <summary>SNOMED CT 36701003 Both knees.</summary>
    public static Coding BothKnees => new(Snomed, "36701003", "Both knees");

    /// <summary>HL7 observation category <c>survey</c>: the value was reported on a questionnaire.</summary>
    public static Coding SurveyCategory => new("http://terminology.hl7.org/CodeSystem/observation-category", "survey", "Survey");

    /// <summary>DICOM's controlled terminology, whose audit codes FHIR R4's AuditEvent value sets use.</summary>
    public const string Dicom = "http://dicom.nema.org/resources/ontology/DCM";

    /// <summary>DICOM audit event 110110: a patient's record was created, read or changed.</summary>
    public static Coding PatientRecordEvent => new(Dicom, "110110", "Patient Record");

    /// <summary>DICOM audit event 110114: a user authenticated or tried to.</summary>
    public static Coding UserAuthenticationEvent => new(Dicom, "110114", "User Authentication");

    /// <summary>DICOM audit event 110113: a security-relevant change (credentials, accounts).</summary>
    public static Coding SecurityAlertEvent => new(Dicom, "110113", "Security Alert");

    /// <summary>DICOM audit event 110101: the audit trail itself was read.</summary>
    public static Coding AuditLogUsedEvent => new(Dicom, "110101", "Audit Log Used");

    /// <summary>DICOM audit event 110106: data left the system.</summary>
    public static Coding ExportEvent => new(Dicom, "110106", "Export");

    /// <summary>DICOM audit event 110107: data came into the system.</summary>
    public static Coding ImportEvent => new(Dicom, "110107", "Import");

    /// <summary>DICOM audit event 110112: a search over records.</summary>
    public static Coding QueryEvent => new(Dicom, "110112", "Query");

    /// <summary>DICOM audit event 110100: an application's own activity.</summary>
    public static Coding ApplicationActivityEvent => new(Dicom, "110100", "Application Activity");

    /// <summary>DICOM audit event subtype 110122 Login.</summary>
    public static Coding LoginSubtype => new(Dicom, "110122", "Login");

    /// <summary>DICOM audit event subtype 110123 Logout.</summary>
    public static Coding LogoutSubtype => new(Dicom, "110123", "Logout");

    /// <summary>DICOM audit event subtype 110137 User Security Attributes Changed.</summary>
    public static Coding UserSecurityAttributesChangedSubtype => new(Dicom, "110137", "User Security Attributes Changed");

    /// <summary>DICOM participant role 110150 Application: the agent is a program (an EHR's CDS client).</summary>
    public static Coding ApplicationAgent => new(Dicom, "110150", "Application");

    /// <summary>HL7 agent type <c>humanuser</c>: the agent is a person.</summary>
    public static Coding HumanUserAgent => new("http://terminology.hl7.org/CodeSystem/extra-security-role-type", "humanuser", "human user");

    /// <summary>HL7 audit source type 4: an application server.</summary>
    public static Coding ApplicationServerSource => new("http://terminology.hl7.org/CodeSystem/security-source-type", "4", "Application Server");

    /// <summary>HL7 audit entity type 1: a person (the patient).</summary>
    public static Coding PersonEntity => new("http://terminology.hl7.org/CodeSystem/audit-entity-type", "1", "Person");

    /// <summary>HL7 audit entity type 2: a system object (the route or command).</summary>
    public static Coding SystemObjectEntity => new("http://terminology.hl7.org/CodeSystem/audit-entity-type", "2", "System Object");

    /// <summary>HL7 object role 1: the entity is the patient.</summary>
    public static Coding PatientRole => new("http://terminology.hl7.org/CodeSystem/object-role", "1", "Patient");

    /// <summary>HL7 flag category <c>clinical</c>.</summary>
    public static Coding ClinicalFlagCategory => new("http://terminology.hl7.org/CodeSystem/flag-category", "clinical", "Clinical");
}
