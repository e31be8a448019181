using Hl7.Fhir.Model;

namespace KneeSpine.Fhir.Terminology;

/// <summary>The external codes KneeSpine emits (LOINC, SNOMED CT, UCUM, HL7 terminology), each in one place.</summary>
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

    /// <summary>HL7 flag category <c>clinical</c>.</summary>
    public static Coding ClinicalFlagCategory => new("http://terminology.hl7.org/CodeSystem/flag-category", "clinical", "Clinical");
}
