using KneeSpine.Engine.Input;

namespace KneeSpine.Fhir.Terminology;

/// <summary>
/// The one place that names KneeSpine's own FHIR canonical URLs: its code systems and its Questionnaire.
/// </summary>
/// <remarks>
/// Every KneeSpine code system lives under <see cref="Base"/>. The codes are the specification's stable
/// ids, so a FHIR consumer can match them against clinical-rules.md without a lookup table.
/// </remarks>
public static class KneeSpineCodeSystems
{
    /// <summary>Canonical base of every KneeSpine conformance resource.</summary>
    public const string Base = "https://kneespine.org/fhir";

    /// <summary>Prefix of every KneeSpine code system URL.</summary>
    public const string CodeSystemBase = Base + "/CodeSystem/";

    /// <summary>Triage levels: <c>emergency</c>, <c>urgent</c>, <c>soon</c>, <c>self-care</c>.</summary>
    public const string TriageLevel = CodeSystemBase + "triage-level";

    /// <summary>Alert ids of the knowledge base (<c>cauda-equina-syndrome</c>, ...).</summary>
    public const string Alert = CodeSystemBase + "alert";

    /// <summary>Contributing-factor ids of the knowledge base (<c>age</c>, <c>insomnia</c>, ...).</summary>
    public const string Factor = CodeSystemBase + "factor";

    /// <summary>How probable a factor is: <c>likely</c>, <c>possible</c>.</summary>
    public const string Certainty = CodeSystemBase + "certainty";

    /// <summary>Plan-item ids of the knowledge base (<c>physical-therapy</c>, ...).</summary>
    public const string PlanItem = CodeSystemBase + "plan-item";

    /// <summary>Reasons for a plan item that are neither an alert nor a factor: <c>baseline</c>.</summary>
    public const string PlanBasis = CodeSystemBase + "plan-basis";

    /// <summary>The code for plan items every patient receives.</summary>
    public const string BaselineCode = "baseline";

    /// <summary>The <see cref="BaselineCode"/> coding, with its display.</summary>
    public static Hl7.Fhir.Model.Coding Baseline => new(PlanBasis, BaselineCode, "Advice for everyone with back pain after knee replacement");

    /// <summary>
    /// Every plan basis that is neither an alert nor a factor, with its display: <c>baseline</c>, and the reasons of
    /// <c>avoid-nsaids-and-aspirin</c> (clinical-rules.md, plan table row 16).
    /// </summary>
    public static IReadOnlyList<Hl7.Fhir.Model.Coding> PlanBases { get; } =
    [
        Baseline,
        new(PlanBasis, "blood-thinner", "Takes a blood thinner, or is not sure"),
        new(PlanBasis, "kidney-disease", "Kidney disease"),
        new(PlanBasis, "heart-disease", "Heart disease"),
    ];

    /// <summary>Assessment questions, one code per input field, the code being the field's JSON path.</summary>
    public const string InputField = CodeSystemBase + "input-field";

    /// <summary>KneeSpine observation codes, paired with LOINC so the two pain scores are told apart without SNOMED CT.</summary>
    public const string ObservationCode = CodeSystemBase + "observation";

    /// <summary>KneeSpine's audit actions (<c>patient-read</c>, <c>login</c>, ...): the subtype of every AuditEvent.</summary>
    public const string AuditAction = CodeSystemBase + "audit-action";

    /// <summary>What a clinician did about a worklist item (<c>called-patient</c> ...): the coded output of a completed Task.</summary>
    public const string WorklistAction = CodeSystemBase + "worklist-action";

    /// <summary>Identifier system of KneeSpine account ids (AuditEvent.agent.who).</summary>
    public const string AccountIdentifier = Base + "/sid/account";

    /// <summary>Canonical URL of the assessment Questionnaire.</summary>
    public const string QuestionnaireUrl = Base + "/Questionnaire/" + QuestionnaireId;

    /// <summary>Resource id of the assessment Questionnaire.</summary>
    public const string QuestionnaireId = "kneespine-assessment";

    /// <summary>Code systems of the input's code sets, keyed by the JSON path of the field that uses them.</summary>
    /// <remarks>The code system is named after the engine's enum, so two fields sharing a code set would share a system.</remarks>
    public static IReadOnlyDictionary<string, InputCodeSet> InputCodeSets { get; } = new[]
    {
        InputCodeSet.Of<Sex>("patient.sex"),
        InputCodeSet.Of<SurgerySide>("surgery.side"),
        InputCodeSet.Of<SurgeryProcedure>("surgery.procedure"),
        InputCodeSet.Of<Anesthesia>("surgery.anesthesia"),
        InputCodeSet.Of<KneeAlignment>("surgery.preoperativeAlignment"),
        InputCodeSet.Of<PainFrequency>("backPain.frequency"),
        InputCodeSet.Of<PainOnset>("backPain.startedWhen"),
        InputCodeSet.Of<BackPainHistory>("backPain.historyBeforeSurgery"),
        InputCodeSet.Of<ActivityLevel>("activity.levelBeforeSurgery"),
        InputCodeSet.Of<WalkingAid>("activity.walkingAid"),
        InputCodeSet.Of<SleepTrouble>("sleep.troubleSleeping"),
        InputCodeSet.Of<Condition>("conditions"),
        InputCodeSet.Of<AnticoagulantUse>("medications.anticoagulant"),
        InputCodeSet.Of<PainMedicine>("medications.painMedicines"),
        InputCodeSet.Of<AntiplateletUse>("medications.antiplatelet"),
    }.ToDictionary(set => set.FieldPath, StringComparer.Ordinal);

    /// <summary>The code system URL for the code set of the input field at <paramref name="fieldPath"/>.</summary>
    /// <exception cref="KeyNotFoundException">The field has no code set.</exception>
    public static string ForInputField(string fieldPath) => InputCodeSets[fieldPath].System;
}
