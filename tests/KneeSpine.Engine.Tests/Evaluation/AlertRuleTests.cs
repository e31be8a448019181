using KneeSpine.Engine.Input;
using KneeSpine.Engine.Results;
using KneeSpine.Engine.Tests.Builders;
using KneeSpine.Engine.Tests.Support;

namespace KneeSpine.Engine.Tests.Evaluation;

/// <summary>Every row of the alerts table, at its boundaries, with the answers it reports.</summary>
public sealed class AlertRuleTests
{
    private static readonly AssessmentBuilder Baseline = AssessmentBuilder.Baseline();

    /// <summary>Neuraxial, on a blood thinner, new bladder trouble: everything A3 needs except the day.</summary>
    private static readonly AssessmentBuilder HematomaSetting = Baseline
        .Anesthesia(Anesthesia.Spinal)
        .Anticoagulant(AnticoagulantUse.Prophylactic)
        .RedFlags(r => r with { NewBladderOrBowelProblem = true });

    [Fact]
    public void Baseline_fires_no_alert_and_triages_self_care()
    {
        var result = Evaluate.Result(Baseline);

        Assert.Empty(result.Alerts);
        Assert.Equal(TriageLevel.SelfCare, result.Triage.Level);
    }

    public static TheoryData<string, string, TriageLevel> SingleRedFlags => new()
    {
        { nameof(RedFlagAnswers.NewBladderOrBowelProblem), "cauda-equina-syndrome", TriageLevel.Emergency },
        { nameof(RedFlagAnswers.NumbnessInSaddleArea), "cauda-equina-syndrome", TriageLevel.Emergency },
        { nameof(RedFlagAnswers.LegWeaknessOrNumbnessGettingWorse), "progressive-neurological-deficit", TriageLevel.Emergency },
        { nameof(RedFlagAnswers.ChestPainOrShortnessOfBreath), "possible-pulmonary-embolism", TriageLevel.Emergency },
        { nameof(RedFlagAnswers.FeverOrChills), "possible-spinal-infection", TriageLevel.Urgent },
        { nameof(RedFlagAnswers.WoundRednessOrDischarge), "possible-wound-infection", TriageLevel.Urgent },
        { nameof(RedFlagAnswers.RecentFallOrInjury), "possible-fracture", TriageLevel.Urgent },
        { nameof(RedFlagAnswers.CalfSwellingOrPain), "possible-deep-vein-thrombosis", TriageLevel.Urgent },
        { nameof(RedFlagAnswers.UnexplainedWeightLoss), "possible-malignancy", TriageLevel.Urgent },
        { nameof(RedFlagAnswers.SeverePainNotEasedByRestOrPosition), "severe-uncontrolled-pain", TriageLevel.Urgent },
    };

    [Theory]
    [MemberData(nameof(SingleRedFlags))]
    public void A_single_yes_red_flag_fires_its_alert_alone_and_reports_that_answer(string answer, string alertId, TriageLevel level)
    {
        var result = Evaluate.Result(Baseline.RedFlags(r => With(r, answer)));

        var alert = Assert.Single(result.Alerts);
        Assert.Equal(alertId, alert.Id);
        Assert.Equal(level, alert.Level);
        Assert.Equal(level, result.Triage.Level);
        Assert.Equal(["redFlags." + char.ToLowerInvariant(answer[0]) + answer[1..]], alert.TriggeredBy);
    }

    [Fact]
    public void Cauda_equina_reports_both_answers_when_both_are_yes()
    {
        var result = Evaluate.Result(Baseline.RedFlags(r => r with { NewBladderOrBowelProblem = true, NumbnessInSaddleArea = true }));

        Assert.Equal(["redFlags.newBladderOrBowelProblem", "redFlags.numbnessInSaddleArea"], result.Alert("cauda-equina-syndrome").TriggeredBy);
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(14, true)]
    [InlineData(15, false)]
    public void Spinal_epidural_hematoma_is_suspected_up_to_day_14(int days, bool fires)
    {
        var result = Evaluate.Result(HematomaSetting.DaysAfterSurgery(days));

        Assert.Equal(fires, result.AlertIds().Contains("suspected-spinal-epidural-hematoma"));
        Assert.Contains("cauda-equina-syndrome", result.AlertIds());
    }

    [Theory]
    [InlineData(Anesthesia.Spinal, true)]
    [InlineData(Anesthesia.Epidural, true)]
    [InlineData(Anesthesia.CombinedSpinalEpidural, true)]
    [InlineData(Anesthesia.General, false)]
    [InlineData(Anesthesia.Unknown, false)]
    public void Spinal_epidural_hematoma_needs_neuraxial_anaesthesia(Anesthesia anesthesia, bool fires) =>
        Assert.Equal(fires, Evaluate.Result(HematomaSetting.Anesthesia(anesthesia)).AlertIds().Contains("suspected-spinal-epidural-hematoma"));

    [Theory]
    [InlineData(AnticoagulantUse.Prophylactic, true)]
    [InlineData(AnticoagulantUse.Therapeutic, true)]
    [InlineData(AnticoagulantUse.None, false)]
    [InlineData(AnticoagulantUse.Unknown, false)]
    public void Spinal_epidural_hematoma_needs_a_known_anticoagulant(AnticoagulantUse use, bool fires) =>
        Assert.Equal(fires, Evaluate.Result(HematomaSetting.Anticoagulant(use)).AlertIds().Contains("suspected-spinal-epidural-hematoma"));

    [Fact]
    public void Spinal_epidural_hematoma_is_not_suspected_when_anticoagulant_use_is_omitted()
    {
        var result = Evaluate.Result(HematomaSetting with { Input = HematomaSetting.Input with { Medications = null } });

        Assert.DoesNotContain("suspected-spinal-epidural-hematoma", result.AlertIds());
    }

    [Fact]
    public void Spinal_epidural_hematoma_needs_a_neurological_alert_and_other_emergencies_do_not_count()
    {
        var result = Evaluate.Result(HematomaSetting
            .RedFlags(r => r with { NewBladderOrBowelProblem = false, ChestPainOrShortnessOfBreath = true, FeverOrChills = true }));

        Assert.Equal(["possible-pulmonary-embolism", "possible-spinal-infection"], result.AlertIds());
    }

    [Fact]
    public void Spinal_epidural_hematoma_fires_on_progressive_deficit_alone_and_reports_the_setting_and_the_sign()
    {
        var result = Evaluate.Result(HematomaSetting.RedFlags(r => r with { NewBladderOrBowelProblem = false, LegWeaknessOrNumbnessGettingWorse = true }));

        Assert.Equal(
            ["surgery.anesthesia", "medications.anticoagulant", "assessedOn", "surgery.date", "redFlags.legWeaknessOrNumbnessGettingWorse"],
            result.Alert("suspected-spinal-epidural-hematoma").TriggeredBy);
    }

    [Fact]
    public void Spinal_epidural_hematoma_cites_its_three_sources()
    {
        var alert = Evaluate.Result(HematomaSetting).Alert("suspected-spinal-epidural-hematoma");

        Assert.Equal(["moen-2004", "pumberger-2013", "horlocker-asra"], alert.Sources);
        Assert.Contains("MRI", alert.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Unexplained_weight_loss_fires_possible_malignancy()
    {
        var alert = Evaluate.Result(Baseline.RedFlags(r => r with { UnexplainedWeightLoss = true })).Alert("possible-malignancy");

        Assert.Equal(["redFlags.unexplainedWeightLoss"], alert.TriggeredBy);
    }

    [Fact]
    public void Cancer_history_with_pain_starting_after_surgery_fires_possible_malignancy()
    {
        var result = Evaluate.Result(Baseline.Conditions(Condition.CancerHistory).BackPain(p => p with { StartedWhen = PainOnset.AfterSurgery }));

        Assert.Equal(["conditions", "backPain.startedWhen"], result.Alert("possible-malignancy").TriggeredBy);
        Assert.Equal(TriageLevel.Urgent, result.Triage.Level);
    }

    [Fact]
    public void Cancer_history_with_pain_onset_omitted_fires_possible_malignancy_as_the_safe_reading()
    {
        var result = Evaluate.Result(Baseline.Conditions(Condition.CancerHistory));

        Assert.Equal(["conditions"], result.Alert("possible-malignancy").TriggeredBy);
    }

    [Fact]
    public void Cancer_history_with_pain_that_started_before_surgery_does_not_fire_possible_malignancy()
    {
        var result = Evaluate.Result(Baseline.Conditions(Condition.CancerHistory).BackPain(p => p with { StartedWhen = PainOnset.BeforeSurgery }));

        Assert.DoesNotContain("possible-malignancy", result.AlertIds());
    }

    [Fact]
    public void Weight_loss_and_cancer_history_report_both_arms()
    {
        var result = Evaluate.Result(Baseline
            .Conditions(Condition.CancerHistory)
            .BackPain(p => p with { StartedWhen = PainOnset.AfterSurgery })
            .RedFlags(r => r with { UnexplainedWeightLoss = true }));

        Assert.Equal(["redFlags.unexplainedWeightLoss", "conditions", "backPain.startedWhen"], result.Alert("possible-malignancy").TriggeredBy);
    }

    [Theory]
    [InlineData(7, PainFrequency.Constant, false)]
    [InlineData(8, PainFrequency.Constant, true)]
    [InlineData(10, PainFrequency.Constant, true)]
    [InlineData(8, PainFrequency.Frequent, false)]
    [InlineData(10, PainFrequency.Occasional, false)]
    public void Severe_uncontrolled_pain_fires_from_8_when_the_pain_is_constant(int intensity, PainFrequency frequency, bool fires)
    {
        var result = Evaluate.Result(Baseline.Pain(intensity).BackPain(p => p with { Frequency = frequency }));

        Assert.Equal(fires, result.AlertIds().Contains("severe-uncontrolled-pain"));
        if (fires)
        {
            Assert.Equal(["backPain.intensityNow", "backPain.frequency"], result.Alert("severe-uncontrolled-pain").TriggeredBy);
        }
    }

    [Fact]
    public void Severe_pain_without_a_frequency_answer_does_not_fire_the_intensity_arm()
    {
        Assert.DoesNotContain("severe-uncontrolled-pain", Evaluate.Result(Baseline.Pain(10)).AlertIds());
    }

    [Theory]
    [InlineData(true, true)]
    [InlineData(false, false)]
    [InlineData(null, false)]
    public void Night_pain_at_rest_needs_a_yes(bool? answer, bool fires)
    {
        var result = Evaluate.Result(Baseline.BackPain(p => p with { WorseAtNightAtRest = answer }));

        Assert.Equal(fires ? ["non-mechanical-night-pain"] : [], result.AlertIds());
        Assert.Equal(fires ? TriageLevel.Soon : TriageLevel.SelfCare, result.Triage.Level);
    }

    [Theory]
    [InlineData(true, true)]
    [InlineData(false, false)]
    [InlineData(null, false)]
    public void Pain_below_the_knee_fires_radicular_pain(bool? answer, bool fires)
    {
        var result = Evaluate.Result(Baseline.BackPain(p => p with { PainBelowKnee = answer }));

        Assert.Equal(fires ? ["radicular-pain"] : [], result.AlertIds());
        if (fires)
        {
            Assert.Equal(["backPain.painBelowKnee"], result.Alert("radicular-pain").TriggeredBy);
        }
    }

    [Theory]
    [InlineData(4, 41, false)]
    [InlineData(4, 42, true)]
    [InlineData(3, 42, false)]
    [InlineData(3, 200, false)]
    [InlineData(10, 400, true)]
    public void Persistent_pain_is_a_rating_of_4_or_more_from_day_42(int intensity, int days, bool fires)
    {
        var result = Evaluate.Result(Baseline.Pain(intensity).DaysAfterSurgery(days));

        Assert.Equal(fires, result.AlertIds().Contains("persistent-pain"));
        if (fires)
        {
            Assert.Equal(["backPain.intensityNow", "assessedOn", "surgery.date"], result.Alert("persistent-pain").TriggeredBy);
        }
    }

    [Fact]
    public void Alerts_are_ordered_by_level_then_by_table_order()
    {
        var result = Evaluate.Result(Baseline
            .Pain(6)
            .DaysAfterSurgery(60)
            .BackPain(p => p with { PainBelowKnee = true, WorseAtNightAtRest = true })
            .RedFlags(r => r with { CalfSwellingOrPain = true, FeverOrChills = true, ChestPainOrShortnessOfBreath = true, NumbnessInSaddleArea = true }));

        Assert.Equal(
            [
                "cauda-equina-syndrome", "possible-pulmonary-embolism",
                "possible-spinal-infection", "possible-deep-vein-thrombosis",
                "non-mechanical-night-pain", "radicular-pain", "persistent-pain",
            ],
            result.AlertIds());
        Assert.Equal(TriageLevel.Emergency, result.Triage.Level);
    }

    private static RedFlagAnswers With(RedFlagAnswers answers, string name) => name switch
    {
        nameof(RedFlagAnswers.NewBladderOrBowelProblem) => answers with { NewBladderOrBowelProblem = true },
        nameof(RedFlagAnswers.NumbnessInSaddleArea) => answers with { NumbnessInSaddleArea = true },
        nameof(RedFlagAnswers.LegWeaknessOrNumbnessGettingWorse) => answers with { LegWeaknessOrNumbnessGettingWorse = true },
        nameof(RedFlagAnswers.FeverOrChills) => answers with { FeverOrChills = true },
        nameof(RedFlagAnswers.WoundRednessOrDischarge) => answers with { WoundRednessOrDischarge = true },
        nameof(RedFlagAnswers.RecentFallOrInjury) => answers with { RecentFallOrInjury = true },
        nameof(RedFlagAnswers.UnexplainedWeightLoss) => answers with { UnexplainedWeightLoss = true },
        nameof(RedFlagAnswers.ChestPainOrShortnessOfBreath) => answers with { ChestPainOrShortnessOfBreath = true },
        nameof(RedFlagAnswers.CalfSwellingOrPain) => answers with { CalfSwellingOrPain = true },
        nameof(RedFlagAnswers.SeverePainNotEasedByRestOrPosition) => answers with { SeverePainNotEasedByRestOrPosition = true },
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Not a red-flag answer."),
    };
}
