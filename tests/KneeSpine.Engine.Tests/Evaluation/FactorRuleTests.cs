using KneeSpine.Engine.Input;
using KneeSpine.Engine.Results;
using KneeSpine.Engine.Tests.Builders;
using KneeSpine.Engine.Tests.Support;

namespace KneeSpine.Engine.Tests.Evaluation;

/// <summary>Every row of the factors table at its boundaries, with certainty and the answers reported.</summary>
public sealed class FactorRuleTests
{
    private static readonly AssessmentBuilder Baseline = AssessmentBuilder.Baseline();

    [Fact]
    public void Baseline_has_no_factor() => Assert.Empty(Evaluate.Result(Baseline).Factors);

    [Theory]
    [InlineData(49, null)]
    [InlineData(50, Certainty.Possible)]
    [InlineData(69, Certainty.Possible)]
    [InlineData(70, Certainty.Likely)]
    public void Age_is_possible_from_50_and_likely_from_70(int age, Certainty? certainty)
    {
        var result = Evaluate.Result(Baseline.Age(age));

        AssertFactor(result, "age", certainty, ["patient.ageYears"]);
    }

    [Theory]
    [InlineData(59, Certainty.Likely)]
    [InlineData(60, Certainty.Possible)]
    [InlineData(149, Certainty.Possible)]
    [InlineData(150, null)]
    public void Inactivity_is_possible_below_150_minutes_and_likely_below_60(int minutes, Certainty? certainty)
    {
        var result = Evaluate.Result(Baseline.Activity(a => a with { ExerciseMinutesPerWeek = minutes }));

        AssertFactor(result, "inactivity", certainty, ["activity.exerciseMinutesPerWeek"]);
    }

    [Theory]
    [InlineData(ActivityLevel.Sedentary, true)]
    [InlineData(ActivityLevel.Light, false)]
    [InlineData(ActivityLevel.Moderate, false)]
    [InlineData(ActivityLevel.Vigorous, false)]
    public void Inactivity_fires_for_a_sedentary_life_before_surgery_and_is_then_only_possible(ActivityLevel level, bool fires)
    {
        var result = Evaluate.Result(Baseline.Activity(a => a with { LevelBeforeSurgery = level }));

        AssertFactor(result, "inactivity", fires ? Certainty.Possible : null, ["activity.levelBeforeSurgery"]);
    }

    [Fact]
    public void Inactivity_reports_both_answers_and_is_likely_with_little_exercise()
    {
        var result = Evaluate.Result(Baseline.Activity(a => a with { ExerciseMinutesPerWeek = 0, LevelBeforeSurgery = ActivityLevel.Sedentary }));

        AssertFactor(result, "inactivity", Certainty.Likely, ["activity.exerciseMinutesPerWeek", "activity.levelBeforeSurgery"]);
    }

    [Theory]
    [InlineData(true, Certainty.Likely)]
    [InlineData(false, null)]
    [InlineData(null, null)]
    public void Trunk_muscle_weakness_is_always_likely_when_reported(bool? weak, Certainty? certainty) =>
        AssertFactor(Evaluate.Result(Baseline.Activity(a => a with { TrunkMuscleWeakness = weak })), "trunk-muscle-weakness", certainty, ["activity.trunkMuscleWeakness"]);

    [Theory]
    [InlineData(Condition.LumbarSpinalStenosis, Certainty.Likely)]
    [InlineData(Condition.DegenerativeDiscDisease, Certainty.Likely)]
    [InlineData(Condition.Spondylolisthesis, Certainty.Likely)]
    [InlineData(Condition.Obesity, Certainty.Possible)]
    [InlineData(Condition.Diabetes, Certainty.Possible)]
    [InlineData(Condition.Depression, Certainty.Possible)]
    [InlineData(Condition.PeripheralNeuropathy, Certainty.Possible)]
    public void A_condition_other_than_cancer_history_fires_comorbidity(Condition condition, Certainty certainty) =>
        AssertFactor(Evaluate.Result(Baseline.Conditions(condition)), "comorbidity", certainty, ["conditions"]);

    [Fact]
    public void Cancer_history_alone_is_not_a_comorbidity()
    {
        Assert.DoesNotContain("comorbidity", Evaluate.Result(Baseline.Conditions(Condition.CancerHistory)).FactorIds());
    }

    [Fact]
    public void Cancer_history_with_another_condition_is_a_comorbidity()
    {
        Assert.Contains("comorbidity", Evaluate.Result(Baseline.Conditions(Condition.CancerHistory, Condition.HeartDisease)).FactorIds());
    }

    [Fact]
    public void An_empty_conditions_list_fires_nothing() => Assert.Empty(Evaluate.Result(Baseline.Conditions()).Factors);

    [Theory]
    [InlineData(100, 29.9, 29.9, false)]
    [InlineData(100, 30, 30.0, true)]
    [InlineData(160, 82, 32.0, true)]
    [InlineData(200, 119.8, 30.0, true)]
    [InlineData(200, 119.7, 29.9, false)]
    [InlineData(200, 119.76, 29.9, false)]
    public void Comorbidity_fires_from_a_bmi_of_30_as_shown_to_one_decimal(double height, double weight, double bmi, bool fires)
    {
        var result = Evaluate.Result(Baseline.Body(height, weight));

        Assert.Equal(bmi, result.BodyMassIndex);
        AssertFactor(result, "comorbidity", fires ? Certainty.Possible : null, ["patient.heightCm", "patient.weightKg"]);
    }

    [Fact]
    public void A_high_bmi_adds_its_sentence_to_the_comorbidity_explanation()
    {
        var withBmi = Evaluate.Result(Baseline.Conditions(Condition.Diabetes).Body(100, 30)).Factor("comorbidity");
        var withoutBmi = Evaluate.Result(Baseline.Conditions(Condition.Diabetes)).Factor("comorbidity");

        Evaluate.AssertPaths(["conditions", "patient.heightCm", "patient.weightKg"], withBmi.TriggeredBy);
        Assert.Contains("30 or more", withBmi.Explanation, StringComparison.Ordinal);
        Assert.DoesNotContain("30 or more", withoutBmi.Explanation, StringComparison.Ordinal);
        Assert.StartsWith(withoutBmi.Explanation, withBmi.Explanation, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(BackPainHistory.Chronic, Certainty.Likely)]
    [InlineData(BackPainHistory.Occasional, Certainty.Possible)]
    [InlineData(BackPainHistory.None, null)]
    public void Prior_back_pain_follows_the_history_before_surgery(BackPainHistory history, Certainty? certainty) =>
        AssertFactor(Evaluate.Result(Baseline.BackPain(p => p with { HistoryBeforeSurgery = history })), "prior-back-pain", certainty, ["backPain.historyBeforeSurgery"]);

    [Theory]
    [InlineData(PainOnset.BeforeSurgery, Certainty.Possible)]
    [InlineData(PainOnset.AfterSurgery, null)]
    public void Prior_back_pain_fires_when_the_pain_started_before_surgery(PainOnset onset, Certainty? certainty) =>
        AssertFactor(Evaluate.Result(Baseline.BackPain(p => p with { StartedWhen = onset })), "prior-back-pain", certainty, ["backPain.startedWhen"]);

    /// <summary>Prior back pain (occasional), back pain 5 now: what F6 needs besides the knee answers.</summary>
    private static readonly AssessmentBuilder PriorPain = Baseline.Pain(5).BackPain(p => p with { HistoryBeforeSurgery = BackPainHistory.Occasional });

    [Theory]
    [InlineData(4, null, true)]
    [InlineData(5, null, false)]
    [InlineData(2, 8, true)]
    [InlineData(2, 3, true)]
    [InlineData(2, 2, false)]
    [InlineData(2, 1, false)]
    [InlineData(0, 10, true)]
    public void Unmasked_back_pain_needs_knee_pain_below_back_pain_and_below_knee_pain_before_surgery(int kneeNow, int? kneeBefore, bool fires)
    {
        var result = Evaluate.Result(PriorPain.Knee(kneeNow, kneeBefore));

        // knee.painBeforeSurgery is reported even when omitted: its absence is part of the condition.
        AssertFactor(result, "unmasked-back-pain", fires ? Certainty.Possible : null, ["backPain.historyBeforeSurgery", "knee.painNow", "backPain.intensityNow", "knee.painBeforeSurgery"]);
    }

    [Fact]
    public void Unmasked_back_pain_needs_the_knee_pain_now_answer()
    {
        Assert.DoesNotContain("unmasked-back-pain", Evaluate.Result(PriorPain.Knee(null, 8)).FactorIds());
    }

    [Fact]
    public void Unmasked_back_pain_needs_prior_back_pain()
    {
        var result = Evaluate.Result(Baseline.Pain(5).BackPain(p => p with { HistoryBeforeSurgery = BackPainHistory.None }).Knee(1, 9));

        Assert.Empty(result.Factors);
    }

    [Fact]
    public void Unmasked_back_pain_through_onset_before_surgery_reports_that_answer_and_is_never_likely()
    {
        var result = Evaluate.Result(Baseline.Pain(9).BackPain(p => p with { StartedWhen = PainOnset.BeforeSurgery, HistoryBeforeSurgery = BackPainHistory.Chronic }).Knee(0, 10));

        AssertFactor(result, "unmasked-back-pain", Certainty.Possible, ["backPain.historyBeforeSurgery", "backPain.startedWhen", "knee.painNow", "backPain.intensityNow", "knee.painBeforeSurgery"]);
    }

    /// <summary>Spinal anaesthetic, back pain that started after surgery: what F7 needs besides the day.</summary>
    private static readonly AssessmentBuilder AfterSpinal = Baseline.Anesthesia(Anesthesia.Spinal).BackPain(p => p with { StartedWhen = PainOnset.AfterSurgery });

    [Theory]
    [InlineData(0, Certainty.Likely)]
    [InlineData(28, Certainty.Likely)]
    [InlineData(29, Certainty.Possible)]
    [InlineData(56, Certainty.Possible)]
    [InlineData(57, null)]
    public void Spinal_anaesthesia_is_likely_to_day_28_and_possible_to_day_56(int days, Certainty? certainty) =>
        AssertFactor(Evaluate.Result(AfterSpinal.DaysAfterSurgery(days)), "spinal-anesthesia", certainty, ["surgery.anesthesia", "backPain.startedWhen", "assessedOn", "surgery.date"]);

    [Theory]
    [InlineData(Anesthesia.Epidural, true)]
    [InlineData(Anesthesia.CombinedSpinalEpidural, true)]
    [InlineData(Anesthesia.General, false)]
    [InlineData(Anesthesia.Unknown, false)]
    public void Spinal_anaesthesia_needs_neuraxial_anaesthesia(Anesthesia anesthesia, bool fires) =>
        Assert.Equal(fires, Evaluate.Result(AfterSpinal.Anesthesia(anesthesia)).FactorIds().Contains("spinal-anesthesia"));

    [Fact]
    public void Spinal_anaesthesia_needs_pain_that_started_after_surgery()
    {
        Assert.DoesNotContain("spinal-anesthesia", Evaluate.Result(AfterSpinal.BackPain(p => p with { StartedWhen = null })).FactorIds());
        Assert.DoesNotContain("spinal-anesthesia", Evaluate.Result(AfterSpinal.BackPain(p => p with { StartedWhen = PainOnset.BeforeSurgery })).FactorIds());
    }

    [Theory]
    [InlineData(2, null)]
    [InlineData(3, Certainty.Possible)]
    [InlineData(4, Certainty.Possible)]
    [InlineData(5, Certainty.Likely)]
    [InlineData(7, Certainty.Likely)]
    public void Insomnia_is_possible_from_3_poor_nights_and_likely_from_5(int nights, Certainty? certainty) =>
        AssertFactor(Evaluate.Result(Baseline.Sleep(s => s with { PoorNightsPerWeek = nights })), "insomnia", certainty, ["sleep.poorNightsPerWeek"]);

    [Theory]
    [InlineData(5.9, Certainty.Possible)]
    [InlineData(6.0, null)]
    [InlineData(0.0, Certainty.Possible)]
    public void Insomnia_fires_below_six_hours_a_night(double hours, Certainty? certainty) =>
        AssertFactor(Evaluate.Result(Baseline.Sleep(s => s with { HoursPerNight = hours })), "insomnia", certainty, ["sleep.hoursPerNight"]);

    [Theory]
    [InlineData(SleepTrouble.None, null)]
    [InlineData(SleepTrouble.Mild, null)]
    [InlineData(SleepTrouble.Moderate, Certainty.Possible)]
    [InlineData(SleepTrouble.Severe, Certainty.Likely)]
    public void Insomnia_follows_trouble_sleeping(SleepTrouble trouble, Certainty? certainty) =>
        AssertFactor(Evaluate.Result(Baseline.Sleep(s => s with { TroubleSleeping = trouble })), "insomnia", certainty, ["sleep.troubleSleeping"]);

    [Theory]
    [InlineData(KneeAlignment.Varus, true)]
    [InlineData(KneeAlignment.Valgus, true)]
    [InlineData(KneeAlignment.Neutral, false)]
    [InlineData(KneeAlignment.Unknown, false)]
    public void Gait_abnormality_is_possible_after_bow_or_knock_knees(KneeAlignment alignment, bool fires) =>
        AssertFactor(Evaluate.Result(Baseline.Alignment(alignment)), "gait-abnormality", fires ? Certainty.Possible : null, ["surgery.preoperativeAlignment"]);

    [Theory]
    [InlineData(WalkingAid.Cane, true)]
    [InlineData(WalkingAid.Crutches, true)]
    [InlineData(WalkingAid.Walker, true)]
    [InlineData(WalkingAid.None, false)]
    public void Gait_abnormality_is_possible_with_any_walking_aid(WalkingAid aid, bool fires) =>
        AssertFactor(Evaluate.Result(Baseline.Activity(a => a with { WalkingAid = aid })), "gait-abnormality", fires ? Certainty.Possible : null, ["activity.walkingAid"]);

    [Fact]
    public void Gait_abnormality_is_likely_with_a_limp_or_a_leg_length_difference()
    {
        AssertFactor(Evaluate.Result(Baseline.Activity(a => a with { Limp = true })), "gait-abnormality", Certainty.Likely, ["activity.limp"]);
        AssertFactor(Evaluate.Result(Baseline.Activity(a => a with { LegLengthDifferenceNoticed = true })), "gait-abnormality", Certainty.Likely, ["activity.legLengthDifferenceNoticed"]);
        AssertFactor(
            Evaluate.Result(Baseline.Alignment(KneeAlignment.Valgus).Activity(a => a with { Limp = true, LegLengthDifferenceNoticed = true, WalkingAid = WalkingAid.Cane })),
            "gait-abnormality",
            Certainty.Likely,
            ["surgery.preoperativeAlignment", "activity.limp", "activity.legLengthDifferenceNoticed", "activity.walkingAid"]);
        Assert.Empty(Evaluate.Result(Baseline.Activity(a => a with { Limp = false, LegLengthDifferenceNoticed = false })).Factors);
    }

    [Theory]
    [InlineData(11, Certainty.Possible)]
    [InlineData(12, null)]
    [InlineData(0, Certainty.Possible)]
    public void Unrealistic_expectations_fire_when_full_recovery_is_expected_within_11_weeks(int weeks, Certainty? certainty) =>
        AssertFactor(Evaluate.Result(Baseline.Expectations(e => e with { ExpectedFullRecoveryWeeks = weeks })), "unrealistic-expectations", certainty, ["expectations.expectedFullRecoveryWeeks"]);

    [Fact]
    public void Unrealistic_expectations_are_likely_only_when_surgery_is_expected_to_fix_back_pain()
    {
        AssertFactor(Evaluate.Result(Baseline.Expectations(e => e with { ExpectsNoPainAtAll = true })), "unrealistic-expectations", Certainty.Possible, ["expectations.expectsNoPainAtAll"]);
        AssertFactor(Evaluate.Result(Baseline.Expectations(e => e with { ExpectsSurgeryToFixBackPain = true })), "unrealistic-expectations", Certainty.Likely, ["expectations.expectsSurgeryToFixBackPain"]);
        Assert.Empty(Evaluate.Result(Baseline.Expectations(e => e with { ExpectsNoPainAtAll = false, ExpectsSurgeryToFixBackPain = false })).Factors);
    }

    [Theory]
    [InlineData(null, null, null, null, null)]
    [InlineData(2, null, null, null, null)]
    [InlineData(1, 1, 1, 1, null)]
    [InlineData(2, 0, 1, 1, null)]
    [InlineData(2, 1, null, null, "phq2")]
    [InlineData(3, 0, 0, 0, "phq2")]
    [InlineData(0, 0, 1, 2, "gad2")]
    [InlineData(3, 3, 3, 3, "both")]
    [InlineData(null, 3, 3, null, null)]
    public void Psychological_distress_is_likely_when_a_screen_is_3_or_more_and_needs_both_items_of_it(int? interest, int? down, int? nervous, int? worry, string? screens)
    {
        var result = Evaluate.Result(Baseline.Psychosocial(p => p with
        {
            LittleInterestOrPleasure = interest, FeelingDownDepressedOrHopeless = down, FeelingNervousAnxiousOrOnEdge = nervous, UnableToStopOrControlWorrying = worry,
        }));

        string[] phq = ["psychosocial.littleInterestOrPleasure", "psychosocial.feelingDownDepressedOrHopeless"];
        string[] gad = ["psychosocial.feelingNervousAnxiousOrOnEdge", "psychosocial.unableToStopOrControlWorrying"];
        AssertFactor(result, "psychological-distress", screens is null ? null : Certainty.Likely, screens switch
        {
            "phq2" => phq,
            "gad2" => gad,
            _ => [.. phq, .. gad],
        });
        Assert.Equal(TriageLevel.SelfCare, result.Triage.Level);
    }

    [Theory]
    [InlineData(true, Certainty.Possible)]
    [InlineData(false, null)]
    [InlineData(null, null)]
    public void Fear_of_movement_is_only_ever_possible(bool? avoids, Certainty? certainty) =>
        AssertFactor(Evaluate.Result(Baseline.Psychosocial(p => p with { AvoidsMovementForFearOfHarm = avoids })), "fear-of-movement", certainty, ["psychosocial.avoidsMovementForFearOfHarm"]);

    [Fact]
    public void Back_function_answers_never_fire_anything_and_only_give_a_score()
    {
        var result = Evaluate.Result(Baseline.BackFunction(b => b with { StandingUpFromChair = 3, Walking15Minutes = 3, PuttingOnSocksAndShoes = 3, LightHouseholdJobs = 3 }));

        Assert.Empty(result.Alerts);
        Assert.Empty(result.Factors);
        Assert.Equal(Evaluate.Result(Baseline).PlanIds(), result.PlanIds());
        Assert.Equal(new AssessmentScores(null, null, 12), result.Scores);
    }

    [Fact]
    public void Factors_are_in_table_order_and_cite_their_sources()
    {
        var result = Evaluate.Result(Baseline
            .Age(75)
            .Expectations(e => e with { ExpectsNoPainAtAll = true })
            .Alignment(KneeAlignment.Varus)
            .Sleep(s => s with { HoursPerNight = 4 })
            .Anesthesia(Anesthesia.Spinal)
            .BackPain(p => p with { StartedWhen = PainOnset.AfterSurgery })
            .Conditions(Condition.Anxiety)
            .Activity(a => a with { TrunkMuscleWeakness = true, ExerciseMinutesPerWeek = 10 })
            .Psychosocial(p => p with { FeelingNervousAnxiousOrOnEdge = 3, UnableToStopOrControlWorrying = 3, AvoidsMovementForFearOfHarm = true }));

        Assert.Equal(
            ["age", "inactivity", "trunk-muscle-weakness", "comorbidity", "spinal-anesthesia", "insomnia", "gait-abnormality", "unrealistic-expectations", "psychological-distress", "fear-of-movement"],
            result.FactorIds());
        Assert.Equal(["seed-article", "kroenke-2003", "kroenke-2007", "lungu-2016"], result.Factor("psychological-distress").Sources);
        Assert.Equal(["seed-article", "vlaeyen-2000"], result.Factor("fear-of-movement").Sources);
        Assert.Equal(["seed-article", "joudi-2014", "schwabe-2001"], result.Factor("spinal-anesthesia").Sources);
        Assert.Equal(["seed-article", "bourne-2010"], result.Factor("unrealistic-expectations").Sources);
    }

    private static void AssertFactor(AssessmentResult result, string id, Certainty? certainty, string[] triggeredBy)
    {
        if (certainty is null)
        {
            Assert.DoesNotContain(id, result.FactorIds());
            return;
        }

        var factor = result.Factor(id);
        Assert.Equal(certainty, factor.Certainty);
        Evaluate.AssertPaths(triggeredBy, factor.TriggeredBy);
    }
}
