using KneeSpine.Engine.Evaluation;
using KneeSpine.Engine.Input;
using KneeSpine.Engine.Knowledge;
using KneeSpine.Engine.Results;
using KneeSpine.Engine.Tests.Builders;
using KneeSpine.Engine.Tests.Support;

namespace KneeSpine.Engine.Tests.Evaluation;

/// <summary>Whole clinical cases that are not among the specification's examples.</summary>
public sealed class ClinicalCaseTests
{
    private static readonly AssessmentBuilder Baseline = AssessmentBuilder.Baseline();

    [Fact]
    public void Breathlessness_alone_after_general_anaesthesia_is_a_pulmonary_embolism_emergency()
    {
        var result = Evaluate.Result(Baseline.Age(66).Pain(2).DaysAfterSurgery(15).RedFlags(r => r with { ChestPainOrShortnessOfBreath = true }));

        Assert.Equal(TriageLevel.Emergency, result.Triage.Level);
        Assert.Equal(KnowledgeBase.Default.Headline(TriageLevel.Emergency), result.Triage.Headline);
        Assert.Equal(["possible-pulmonary-embolism"], result.AlertIds());
        var care = Assert.Single(result.Plan);
        Assert.Equal("emergency-care", care.Id);
        Assert.Equal(["possible-pulmonary-embolism"], care.Because);
        Assert.Equal(["khatod-2012", "vte-denmark"], care.Sources);
        Assert.Equal(["age"], result.FactorIds());
    }

    [Fact]
    public void A_fall_in_osteoporosis_is_urgent_and_holds_back_treatments()
    {
        var result = Evaluate.Result(Baseline
            .Age(78)
            .Pain(6)
            .DaysAfterSurgery(30)
            .Conditions(Condition.Osteoporosis)
            .RedFlags(r => r with { RecentFallOrInjury = true }));

        Assert.Equal(TriageLevel.Urgent, result.Triage.Level);
        Assert.Equal(["possible-fracture"], result.AlertIds());
        Assert.Equal([("age", Certainty.Likely), ("comorbidity", Certainty.Possible)], result.Factors.Select(f => (f.Id, f.Certainty)).ToArray());
        Assert.Equal(["contact-care-team-today", "self-monitor-pain"], result.PlanIds());
        Assert.DoesNotContain("medical-review-of-conditions", result.PlanIds());
        Assert.StartsWith("A fall or an injury", result.Alert("possible-fracture").Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Night_pain_with_insomnia_is_a_review_within_two_weeks_with_sleep_advice()
    {
        var result = Evaluate.Result(Baseline
            .Age(60)
            .Pain(4)
            .DaysAfterSurgery(20)
            .BackPain(p => p with { WorseAtNightAtRest = true, StartedWhen = PainOnset.AfterSurgery })
            .Sleep(s => s with { TroubleSleeping = SleepTrouble.Severe, HoursPerNight = 4.5 }));

        Assert.Equal(TriageLevel.Soon, result.Triage.Level);
        Assert.Equal(["non-mechanical-night-pain"], result.AlertIds());
        Assert.Equal([("age", Certainty.Possible), ("insomnia", Certainty.Likely)], result.Factors.Select(f => (f.Id, f.Certainty)).ToArray());
        Evaluate.AssertPaths(["sleep.troubleSleeping", "sleep.hoursPerNight"], result.Factor("insomnia").TriggeredBy);
        Assert.Equal(
            ["book-clinician-review", "physical-therapy", "sleep-hygiene", "heat-therapy", "analgesic-stewardship", "realistic-expectations", "allow-time-to-heal", "self-monitor-pain"],
            result.PlanIds());
        Assert.Equal(["non-mechanical-night-pain"], result.PlanItem("book-clinician-review").Because);
    }

    [Fact]
    public void Cancer_history_with_back_pain_from_before_surgery_is_not_a_malignancy_alert()
    {
        var result = Evaluate.Result(Baseline
            .Age(68)
            .Pain(3)
            .Conditions(Condition.CancerHistory)
            .BackPain(p => p with { StartedWhen = PainOnset.BeforeSurgery, HistoryBeforeSurgery = BackPainHistory.Occasional }));

        Assert.Empty(result.Alerts);
        Assert.Equal(TriageLevel.SelfCare, result.Triage.Level);
        Assert.Equal(["age", "prior-back-pain"], result.FactorIds());
        Assert.Contains("pre-existing-back-pain-care", result.PlanIds());
    }

    [Fact]
    public void Cauda_equina_after_epidural_with_unknown_blood_thinner_use_is_a_suspected_haematoma_as_well()
    {
        var result = Evaluate.Result(Baseline
            .Anesthesia(Anesthesia.Epidural)
            .DaysAfterSurgery(4)
            .Anticoagulant(AnticoagulantUse.Unknown)
            .RedFlags(r => r with { NumbnessInSaddleArea = true }));

        Assert.Equal(["cauda-equina-syndrome", "suspected-spinal-epidural-hematoma"], result.AlertIds());
        Assert.Empty(result.Notes);
    }

    [Fact]
    public void Worsening_leg_weakness_after_spinal_with_no_medication_answers_counts_the_unanswered_blood_thinner_as_possible()
    {
        var result = Evaluate.Result(Baseline
            .Anesthesia(Anesthesia.Spinal)
            .DaysAfterSurgery(14)
            .RedFlags(r => r with { LegWeaknessOrNumbnessGettingWorse = true }));

        Assert.Equal(["progressive-neurological-deficit", "suspected-spinal-epidural-hematoma"], result.AlertIds());
        Assert.Equal(["emergency-care"], result.PlanIds());
        Assert.Contains("medications.anticoagulant", result.Alert("suspected-spinal-epidural-hematoma").TriggeredBy);
    }

    [Theory]
    [InlineData(AnticoagulantUse.None, 4, Anesthesia.Epidural)]
    [InlineData(AnticoagulantUse.Unknown, 15, Anesthesia.Epidural)]
    [InlineData(AnticoagulantUse.Unknown, 4, Anesthesia.General)]
    public void Evaluation_never_adds_notes_in_version_2(AnticoagulantUse use, int days, Anesthesia anesthesia)
    {
        var result = Evaluate.Result(Baseline.Anesthesia(anesthesia).DaysAfterSurgery(days).Anticoagulant(use).RedFlags(r => r with { NumbnessInSaddleArea = true }));

        Assert.Empty(result.Notes);
        Assert.DoesNotContain("suspected-spinal-epidural-hematoma", result.AlertIds());
    }

    [Fact]
    public void Sudden_bad_back_pain_on_day_3_after_a_spinal_on_clot_prevention_is_an_emergency_with_no_other_plan()
    {
        var result = Evaluate.Result(Baseline
            .Age(71)
            .Anesthesia(Anesthesia.Spinal)
            .DaysAfterSurgery(3)
            .Pain(8)
            .Anticoagulant(AnticoagulantUse.Prophylactic)
            .RedFlags(r => r with { SuddenSevereBackPain = true }));

        Assert.Equal(["suspected-spinal-epidural-hematoma", "possible-fracture", "severe-uncontrolled-pain"], result.AlertIds());
        Assert.Equal(["emergency-care"], result.PlanIds());
    }

    [Fact]
    public void Omitted_optional_sections_never_fire_a_rule()
    {
        var omitted = Evaluate.Result(Baseline.Pain(5));
        var answeredNo = Evaluate.Result(Baseline
            .Pain(5)
            .Knee(5, 5)
            .Activity(a => a with { ExerciseMinutesPerWeek = 200, LevelBeforeSurgery = ActivityLevel.Moderate, TrunkMuscleWeakness = false, WalkingAid = WalkingAid.None, Limp = false, LegLengthDifferenceNoticed = false })
            .Sleep(s => s with { HoursPerNight = 8, TroubleSleeping = SleepTrouble.None, PoorNightsPerWeek = 0 })
            .Conditions()
            .Medications(m => m with { Anticoagulant = AnticoagulantUse.None, PainMedicines = [], OpioidDaysLastWeek = 0 })
            .Expectations(e => e with { ExpectsNoPainAtAll = false, ExpectsSurgeryToFixBackPain = false, ExpectedFullRecoveryWeeks = 26 }));

        Assert.Empty(omitted.Factors);
        Assert.Equal(AssessmentResultJson.ToJson(omitted), AssessmentResultJson.ToJson(answeredNo));
    }

    [Fact]
    public void The_same_assessment_always_gives_the_same_result()
    {
        var input = Baseline.Age(80).Pain(8).BackPain(p => p with { Frequency = PainFrequency.Constant }).Build();

        Assert.Equal(AssessmentResultJson.ToJson(AssessmentEvaluator.Default.Evaluate(input)), AssessmentResultJson.ToJson(AssessmentEvaluator.Default.Evaluate(input)));
    }
}
