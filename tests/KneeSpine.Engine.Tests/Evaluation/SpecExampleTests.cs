using KneeSpine.Engine.Input;
using KneeSpine.Engine.Results;
using KneeSpine.Engine.Tests.Builders;
using KneeSpine.Engine.Tests.Support;

namespace KneeSpine.Engine.Tests.Evaluation;

/// <summary>
/// The six worked cases of spec/examples, built in code (the JSON reader and the CLI golden
/// tests over the files belong to the input side). Expected values are copied from the
/// *.expected.json files.
/// </summary>
public sealed class SpecExampleTests
{
    [Fact]
    public void Example_01_mild_pain_after_spinal_is_self_care_with_post_spinal_reassurance()
    {
        var result = Evaluate.Result(AssessmentBuilder.Baseline()
            .Dates("2026-03-02", "2026-03-16")
            .Age(67)
            .Anesthesia(Anesthesia.Spinal)
            .Pain(3)
            .BackPain(p => p with { Frequency = PainFrequency.Occasional, StartedWhen = PainOnset.AfterSurgery, HistoryBeforeSurgery = BackPainHistory.None })
            .Activity(a => a with { ExerciseMinutesPerWeek = 90, WalkingAid = WalkingAid.Walker }));

        AssertOutcome(
            result,
            TriageLevel.SelfCare,
            [],
            [("age", Certainty.Possible), ("inactivity", Certainty.Possible), ("spinal-anesthesia", Certainty.Likely), ("gait-abnormality", Certainty.Possible)],
            ["post-spinal-reassurance", "physical-therapy", "graded-walking-program", "gait-training", "heat-therapy", "analgesic-stewardship", "realistic-expectations", "allow-time-to-heal", "self-monitor-pain"],
            14,
            PainSeverity.Mild,
            null);
    }

    [Fact]
    public void Example_02_cauda_equina_on_anticoagulant_after_epidural_is_emergency_care_alone()
    {
        var result = Evaluate.Result(AssessmentBuilder.Baseline()
            .Dates("2026-05-10", "2026-05-13")
            .Age(72)
            .Anesthesia(Anesthesia.Epidural)
            .Pain(7)
            .BackPain(p => p with { StartedWhen = PainOnset.AfterSurgery })
            .RedFlags(r => r with { NewBladderOrBowelProblem = true, LegWeaknessOrNumbnessGettingWorse = true })
            .Anticoagulant(AnticoagulantUse.Prophylactic));

        AssertOutcome(
            result,
            TriageLevel.Emergency,
            ["cauda-equina-syndrome", "progressive-neurological-deficit", "suspected-spinal-epidural-hematoma"],
            [("age", Certainty.Likely), ("spinal-anesthesia", Certainty.Likely)],
            ["emergency-care"],
            3,
            PainSeverity.Severe,
            null);
    }

    [Fact]
    public void Example_03_unmasked_chronic_back_pain_is_soon_with_pre_existing_back_pain_care()
    {
        var result = Evaluate.Result(AssessmentBuilder.Baseline()
            .Dates("2025-11-01", "2026-01-20")
            .Age(58)
            .Pain(6)
            .BackPain(p => p with { StartedWhen = PainOnset.BeforeSurgery, HistoryBeforeSurgery = BackPainHistory.Chronic, Frequency = PainFrequency.Frequent })
            .Knee(2, 8)
            .Conditions(Condition.DegenerativeDiscDisease)
            .Expectations(e => e with { ExpectsSurgeryToFixBackPain = true }));

        AssertOutcome(
            result,
            TriageLevel.Soon,
            ["persistent-pain"],
            [("age", Certainty.Possible), ("comorbidity", Certainty.Likely), ("prior-back-pain", Certainty.Likely), ("unmasked-back-pain", Certainty.Possible), ("unrealistic-expectations", Certainty.Likely)],
            ["book-clinician-review", "physical-therapy", "medical-review-of-conditions", "pre-existing-back-pain-care", "heat-therapy", "analgesic-stewardship", "realistic-expectations", "allow-time-to-heal", "self-monitor-pain"],
            80,
            PainSeverity.Moderate,
            null);
    }

    [Fact]
    public void Example_04_fever_after_spinal_is_urgent_with_contact_and_self_monitoring_only()
    {
        var result = Evaluate.Result(AssessmentBuilder.Baseline()
            .Dates("2026-02-01", "2026-02-09")
            .Age(64)
            .Anesthesia(Anesthesia.Spinal)
            .Pain(5)
            .BackPain(p => p with { StartedWhen = PainOnset.AfterSurgery })
            .RedFlags(r => r with { FeverOrChills = true }));

        AssertOutcome(
            result,
            TriageLevel.Urgent,
            ["possible-spinal-infection"],
            [("age", Certainty.Possible), ("spinal-anesthesia", Certainty.Likely)],
            ["contact-care-team-today", "self-monitor-pain"],
            8,
            PainSeverity.Moderate,
            null);
    }

    [Fact]
    public void Example_05_poor_sleep_inactive_bow_legs_is_self_care_with_a_bmi_of_32()
    {
        var result = Evaluate.Result(AssessmentBuilder.Baseline()
            .Dates("2026-01-05", "2026-02-02")
            .Age(61)
            .Body(160, 82)
            .Alignment(KneeAlignment.Varus)
            .Pain(4)
            .Sleep(s => s with { HoursPerNight = 5, TroubleSleeping = SleepTrouble.Moderate, PoorNightsPerWeek = 4 })
            .Activity(a => a with { ExerciseMinutesPerWeek = 40, LevelBeforeSurgery = ActivityLevel.Sedentary, TrunkMuscleWeakness = true }));

        AssertOutcome(
            result,
            TriageLevel.SelfCare,
            [],
            [("age", Certainty.Possible), ("inactivity", Certainty.Likely), ("trunk-muscle-weakness", Certainty.Likely), ("comorbidity", Certainty.Possible), ("insomnia", Certainty.Possible), ("gait-abnormality", Certainty.Possible)],
            ["physical-therapy", "core-strengthening", "graded-walking-program", "gait-training", "sleep-hygiene", "medical-review-of-conditions", "heat-therapy", "analgesic-stewardship", "realistic-expectations", "allow-time-to-heal", "self-monitor-pain"],
            28,
            PainSeverity.Moderate,
            32.0);
    }

    [Fact]
    public void Example_06_late_sciatica_pattern_is_soon_with_radicular_and_persistent_pain()
    {
        var result = Evaluate.Result(AssessmentBuilder.Baseline()
            .Dates("2025-09-01", "2025-11-15")
            .Age(55)
            .Anesthesia(Anesthesia.CombinedSpinalEpidural)
            .Pain(5)
            .BackPain(p => p with { PainBelowKnee = true, StartedWhen = PainOnset.AfterSurgery })
            .Medications(m => m with { PainMedicines = [PainMedicine.Opioid], OpioidDaysLastWeek = 6 }));

        AssertOutcome(
            result,
            TriageLevel.Soon,
            ["radicular-pain", "persistent-pain"],
            [("age", Certainty.Possible)],
            ["book-clinician-review", "physical-therapy", "heat-therapy", "analgesic-stewardship", "realistic-expectations", "allow-time-to-heal", "self-monitor-pain"],
            75,
            PainSeverity.Moderate,
            null);
    }

    private static void AssertOutcome(
        AssessmentResult result,
        TriageLevel triage,
        string[] alerts,
        (string Id, Certainty Certainty)[] factors,
        string[] plan,
        int days,
        PainSeverity severity,
        double? bodyMassIndex)
    {
        Assert.Equal(triage, result.Triage.Level);
        Assert.Equal(alerts, result.AlertIds());
        Assert.Equal(factors, result.Factors.Select(f => (f.Id, f.Certainty)).ToArray());
        Assert.Equal(plan, result.PlanIds());
        Assert.Equal(days, result.DaysSinceSurgery);
        Assert.Equal(severity, result.PainSeverity);
        Assert.Equal(bodyMassIndex, result.BodyMassIndex);
        Assert.Equal("2026.11", result.KnowledgeBaseVersion);
    }
}
