using KneeSpine.Engine.Input;
using KneeSpine.Engine.Results;
using static KneeSpine.Engine.Evaluation.Firing;

namespace KneeSpine.Engine.Evaluation;

/// <summary>
/// The plan table (clinical-rules.md): which items the triage level allows, each item's condition,
/// its <c>because</c> and the conditions of its text variants.
/// </summary>
internal static class PlanRules
{
    public const int EmergencyCare = 0;
    public const int ContactCareTeamToday = 1;
    public const int BookClinicianReview = 2;
    public const int PostSpinalReassurance = 3;
    public const int PhysicalTherapy = 4;
    public const int CoreStrengthening = 5;
    public const int GradedWalkingProgram = 6;
    public const int GradedActivityWithReassurance = 7;
    public const int GaitTraining = 8;
    public const int SleepHygiene = 9;
    public const int TalkAboutMoodAndWorry = 10;
    public const int MedicalReviewOfConditions = 11;
    public const int PreExistingBackPainCare = 12;
    public const int HeatTherapy = 13;
    public const int AnalgesicStewardship = 14;
    public const int AvoidNsaidsAndAspirin = 15;
    public const int RealisticExpectations = 16;
    public const int AllowTimeToHeal = 17;
    public const int SelfMonitorPain = 18;

    /// <summary>The <c>because</c> of items that every patient with the condition gets.</summary>
    public const string Baseline = "baseline";

    /// <summary>Physical therapy and heat therapy from this pain rating.</summary>
    public const int TreatFromIntensity = 1;

    /// <summary>Opioid review when opioids were taken on at least this many days last week ...</summary>
    public const int OpioidReviewFromDaysLastWeek = 5;

    /// <summary>... or are still in use more than this many days after surgery.</summary>
    public const int OpioidReviewAfterDays = 42;

    /// <summary>Pre-existing back pain: a spine-focused assessment from six weeks after surgery (the same boundary as A13).</summary>
    public const int SpineAssessmentFromDays = 42;

    /// <summary>The <c>because</c> of <c>avoid-nsaids-and-aspirin</c> when a blood thinner was reported (or the patient is unsure).</summary>
    public const string BloodThinner = "blood-thinner";

    public const int MaskingVariant = 1;
    public const int SpineAssessmentVariant = 2;
    public const int ReducedFeelingVariant = 1;
    public const int OpioidReviewVariant = 1;
    public const int WeakBonesVariant = 1;
    public const int InfectionHardToSpotVariant = 1;
    public const int BloodThinnerVariant = 1;
    public const int KidneyOrHeartDiseaseVariant = 2;

    public static readonly RuleShape[] Shapes =
    [
        new("emergency-care", Arms: [], Variants: [], TriageLevel.Emergency),
        new("contact-care-team-today", Arms: [], Variants: [], TriageLevel.Urgent),
        new("book-clinician-review", Arms: [], Variants: [], TriageLevel.Soon),
        new("post-spinal-reassurance", ["spinal-anesthesia"]),
        new("physical-therapy", [Baseline]),
        new("core-strengthening", Arms: [["trunk-muscle-weakness"]], Variants: ["weak-bones"]),
        new("graded-walking-program", ["inactivity"]),
        new("graded-activity-with-reassurance", ["fear-of-movement"]),
        new("gait-training", ["gait-abnormality"]),
        new("sleep-hygiene", ["insomnia"]),
        new("talk-about-mood-and-worry", ["psychological-distress"]),
        new("medical-review-of-conditions", ["comorbidity"]),
        new("pre-existing-back-pain-care", Arms: [["prior-back-pain"], ["unmasked-back-pain"]], Variants: ["masking", "spine-assessment"]),
        new("heat-therapy", Arms: [[Baseline]], Variants: ["reduced-feeling"]),
        new("analgesic-stewardship", Arms: [[Baseline]], Variants: ["opioid-review"]),
        new("avoid-nsaids-and-aspirin", Arms: [[BloodThinner], ["kidney-disease"], ["heart-disease"]], Variants: ["blood-thinner", "kidney-or-heart-disease"]),
        new("realistic-expectations", [Baseline], ["unrealistic-expectations"]),
        new("allow-time-to-heal", [Baseline]),
        new("self-monitor-pain", Arms: [[Baseline]], Variants: ["infection-hard-to-spot"]),
    ];

    public static int Count => Shapes.Length;

    /// <summary>
    /// Fills the plan for the triage level; <c>triageArms</c> holds the fired alerts of that level,
    /// one bit each in table order. Variant bits of an item that did not fire are never read.
    /// </summary>
    public static void Evaluate(AssessmentInput input, in Facts facts, ReadOnlySpan<Firing> factors, TriageLevel level, int triageArms, Span<Firing> plan)
    {
        switch (level)
        {
            case TriageLevel.Emergency:
                // Nothing else is offered until the patient is seen.
                plan[EmergencyCare].Arms = triageArms;
                return;
            case TriageLevel.Urgent:
                // Treatments wait for the review (with A7 this keeps core exercises out until a
                // fracture is ruled out); medicine safety and self-monitoring stay.
                plan[ContactCareTeamToday].Arms = triageArms;
                plan[AvoidNsaidsAndAspirin] = AvoidNsaids(facts);
                plan[SelfMonitorPain] = SelfMonitor(facts);
                return;
            case TriageLevel.Soon:
                plan[BookClinicianReview].Arms = triageArms;
                break;
        }

        plan[PostSpinalReassurance].Arms = Bit(factors[FactorRules.SpinalAnesthesia].Fired, 0);
        plan[PhysicalTherapy].Arms = Bit(facts.Intensity >= TreatFromIntensity, 0);
        plan[CoreStrengthening] = new()
        {
            Arms = Bit(factors[FactorRules.TrunkMuscleWeakness].Fired, 0),
            Variants = facts.Has(Condition.Osteoporosis) || facts.LongTermSteroids ? WeakBonesVariant : 0,
        };
        plan[GradedWalkingProgram].Arms = Bit(factors[FactorRules.Inactivity].Fired, 0);
        plan[GradedActivityWithReassurance].Arms = Bit(factors[FactorRules.FearOfMovement].Fired, 0);
        plan[GaitTraining].Arms = Bit(factors[FactorRules.GaitAbnormality].Fired, 0);
        plan[SleepHygiene].Arms = Bit(factors[FactorRules.Insomnia].Fired, 0);
        plan[TalkAboutMoodAndWorry].Arms = Bit(factors[FactorRules.PsychologicalDistress].Fired, 0);
        plan[MedicalReviewOfConditions].Arms = Bit(factors[FactorRules.Comorbidity].Fired, 0);

        var unmasked = factors[FactorRules.UnmaskedBackPain].Fired;
        plan[PreExistingBackPainCare] = new()
        {
            Arms = Bit(factors[FactorRules.PriorBackPain].Fired, 0) | Bit(unmasked, 1),
            Variants = (unmasked ? MaskingVariant : 0) | (facts.Days >= SpineAssessmentFromDays ? SpineAssessmentVariant : 0),
        };

        plan[HeatTherapy] = new()
        {
            Arms = Bit(facts.Intensity >= TreatFromIntensity, 0),
            Variants = facts.Has(Condition.Diabetes) || facts.Has(Condition.PeripheralNeuropathy) ? ReducedFeelingVariant : 0,
        };

        var medications = input.Medications;
        var opioidReview = medications?.OpioidDaysLastWeek >= OpioidReviewFromDaysLastWeek
            || (facts.Takes(PainMedicine.Opioid) && facts.Days > OpioidReviewAfterDays);
        plan[AnalgesicStewardship] = new() { Arms = 1, Variants = opioidReview ? OpioidReviewVariant : 0 };
        plan[AvoidNsaidsAndAspirin] = AvoidNsaids(facts);

        plan[RealisticExpectations].Arms = 1 | Bit(factors[FactorRules.UnrealisticExpectations].Fired, 1);
        plan[AllowTimeToHeal].Arms = 1;
        plan[SelfMonitorPain] = SelfMonitor(facts);
    }

    /// <summary><c>avoid-nsaids-and-aspirin</c>: bloodThinnerReported, kidney disease or heart disease; one sentence per reason.</summary>
    private static Firing AvoidNsaids(in Facts facts)
    {
        var kidney = facts.Has(Condition.KidneyDisease);
        var heart = facts.Has(Condition.HeartDisease);
        return new()
        {
            Arms = Bit(facts.BloodThinnerReported, 0) | Bit(kidney, 1) | Bit(heart, 2),
            Variants = (facts.BloodThinnerReported ? BloodThinnerVariant : 0) | (kidney || heart ? KidneyOrHeartDiseaseVariant : 0),
        };
    }

    private static Firing SelfMonitor(in Facts facts) =>
        new() { Arms = 1, Variants = facts.InfectionHardToSpot ? InfectionHardToSpotVariant : 0 };
}
