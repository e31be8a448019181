using KneeSpine.Engine.Input;
using KneeSpine.Engine.Results;
using KneeSpine.Engine.Tests.Builders;
using KneeSpine.Engine.Tests.Support;
using static KneeSpine.Engine.Tests.Support.Evaluate;

namespace KneeSpine.Engine.Tests.Evaluation;

/// <summary>Every row of the alerts table (A1-A15), at its boundaries, with the answers it reports.</summary>
public sealed class AlertRuleTests
{
    private const string Hematoma = "suspected-spinal-epidural-hematoma";

    private static readonly AssessmentBuilder Baseline = AssessmentBuilder.Baseline();

    /// <summary>Spinal anaesthesia and a blood thinner to prevent clots: A3's setting without an arm.</summary>
    private static readonly AssessmentBuilder Exposed = Baseline
        .Anesthesia(Anesthesia.Spinal)
        .Anticoagulant(AnticoagulantUse.Prophylactic)
        .Antiplatelet(AntiplateletUse.None);

    /// <summary>A3's neurological arm: new bladder trouble.</summary>
    private static readonly AssessmentBuilder NeurologicalArm = Exposed.RedFlags(r => r with { NewBladderOrBowelProblem = true });

    /// <summary>A3's pain arm: sudden back pain, still rated 7, on day 3.</summary>
    private static readonly AssessmentBuilder PainArm = Exposed.DaysAfterSurgery(3).Pain(7).RedFlags(r => r with { SuddenSevereBackPain = true });

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
        { nameof(RedFlagAnswers.SciaticaBothLegs), "cauda-equina-syndrome", TriageLevel.Emergency },
        { nameof(RedFlagAnswers.LegWeaknessOrNumbnessGettingWorse), "progressive-neurological-deficit", TriageLevel.Emergency },
        { nameof(RedFlagAnswers.NewLegWeaknessOrNumbness), "new-neurological-deficit", TriageLevel.Urgent },
        { nameof(RedFlagAnswers.SuddenSevereBackPain), "severe-uncontrolled-pain", TriageLevel.Urgent },
        { nameof(RedFlagAnswers.ChestPainOrShortnessOfBreath), "possible-pulmonary-embolism", TriageLevel.Emergency },
        { nameof(RedFlagAnswers.CoughingBloodOrFainting), "possible-pulmonary-embolism", TriageLevel.Emergency },
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
    public void Every_red_flag_question_is_covered_by_the_single_red_flag_cases() =>
        Assert.Equal(typeof(RedFlagAnswers).GetProperties().Where(p => p.PropertyType == typeof(bool)).Select(p => p.Name).Order(), SingleRedFlags.Select(row => row.Data.Item1).Order());

    [Fact]
    public void Cauda_equina_reports_every_answer_that_is_yes()
    {
        var result = Evaluate.Result(Baseline.RedFlags(r => r with { NewBladderOrBowelProblem = true, NumbnessInSaddleArea = true, SciaticaBothLegs = true }));

        AssertPaths(["redFlags.newBladderOrBowelProblem", "redFlags.numbnessInSaddleArea", "redFlags.sciaticaBothLegs"], result.Alert("cauda-equina-syndrome").TriggeredBy);
    }

    [Fact]
    public void Pulmonary_embolism_reports_both_answers_when_both_are_yes()
    {
        var result = Evaluate.Result(Baseline.RedFlags(r => r with { ChestPainOrShortnessOfBreath = true, CoughingBloodOrFainting = true }));

        AssertPaths(["redFlags.chestPainOrShortnessOfBreath", "redFlags.coughingBloodOrFainting"], result.Alert("possible-pulmonary-embolism").TriggeredBy);
    }

    // A3, neurological arm: A1, A2 or A14 up to day 14.

    [Theory]
    [InlineData(0, true)]
    [InlineData(7, true)]
    [InlineData(14, true)]
    [InlineData(15, false)]
    public void Hematoma_neurological_arm_counts_up_to_day_14(int days, bool fires)
    {
        var result = Evaluate.Result(NeurologicalArm.DaysAfterSurgery(days));

        Assert.Equal(fires, result.AlertIds().Contains(Hematoma));
        Assert.Contains("cauda-equina-syndrome", result.AlertIds());
    }

    [Theory]
    [InlineData(nameof(RedFlagAnswers.NewBladderOrBowelProblem))]
    [InlineData(nameof(RedFlagAnswers.NumbnessInSaddleArea))]
    [InlineData(nameof(RedFlagAnswers.SciaticaBothLegs))]
    [InlineData(nameof(RedFlagAnswers.LegWeaknessOrNumbnessGettingWorse))]
    [InlineData(nameof(RedFlagAnswers.NewLegWeaknessOrNumbness))]
    public void Hematoma_neurological_arm_fires_on_each_sign_of_a1_a2_and_a14_and_reports_it(string sign)
    {
        var result = Evaluate.Result(Exposed.DaysAfterSurgery(3).RedFlags(r => With(r, sign)));

        AssertPaths(
            ["surgery.anesthesia", "surgery.date", "assessedOn", "medications.anticoagulant", "redFlags." + char.ToLowerInvariant(sign[0]) + sign[1..]],
            result.Alert(Hematoma).TriggeredBy);
        Assert.Equal(TriageLevel.Emergency, result.Triage.Level);
    }

    [Fact]
    public void A_new_deficit_in_the_first_two_weeks_with_a_bleeding_risk_escalates_to_an_emergency_through_a3()
    {
        var result = Evaluate.Result(Exposed.DaysAfterSurgery(10).RedFlags(r => r with { NewLegWeaknessOrNumbness = true }));

        Assert.Equal([Hematoma, "new-neurological-deficit"], result.AlertIds());
        Assert.Equal(TriageLevel.Emergency, result.Triage.Level);
    }

    [Fact]
    public void Hematoma_needs_a_neurological_alert_or_the_pain_arm_and_other_emergencies_do_not_count()
    {
        var result = Evaluate.Result(Exposed.RedFlags(r => r with { ChestPainOrShortnessOfBreath = true, FeverOrChills = true }));

        Assert.Equal(["possible-pulmonary-embolism", "possible-spinal-infection"], result.AlertIds());
    }

    // A3, pain arm: sudden back pain, still severe, up to day 7.

    [Theory]
    [InlineData(0, true)]
    [InlineData(7, true)]
    [InlineData(8, false)]
    public void Hematoma_pain_arm_counts_up_to_day_7(int days, bool fires) =>
        Assert.Equal(fires, Evaluate.Result(PainArm.DaysAfterSurgery(days)).AlertIds().Contains(Hematoma));

    [Theory]
    [InlineData(6, false, false)]
    [InlineData(7, false, true)]
    [InlineData(10, false, true)]
    [InlineData(0, true, true)]
    [InlineData(3, true, true)]
    public void Hematoma_pain_arm_needs_the_sudden_pain_to_be_still_severe(int intensity, bool notEased, bool fires)
    {
        var result = Evaluate.Result(Exposed.DaysAfterSurgery(3).Pain(intensity)
            .RedFlags(r => r with { SuddenSevereBackPain = true, SeverePainNotEasedByRestOrPosition = notEased }));

        Assert.Equal(fires, result.AlertIds().Contains(Hematoma));
        Assert.Contains("severe-uncontrolled-pain", result.AlertIds());
    }

    [Fact]
    public void A_high_rating_or_pain_not_eased_without_a_sudden_onset_does_not_fire_the_pain_arm()
    {
        var result = Evaluate.Result(Exposed.DaysAfterSurgery(3).Pain(9).RedFlags(r => r with { SeverePainNotEasedByRestOrPosition = true }));

        Assert.Equal(["severe-uncontrolled-pain"], result.AlertIds());
        Assert.Equal(TriageLevel.Urgent, result.Triage.Level);
    }

    [Fact]
    public void Hematoma_pain_arm_reports_the_sudden_pain_with_the_rating_and_the_pain_not_eased()
    {
        var result = Evaluate.Result(PainArm.DaysAfterSurgery(2).RedFlags(r => r with { SeverePainNotEasedByRestOrPosition = true }));

        AssertPaths(
            ["surgery.anesthesia", "surgery.date", "assessedOn", "medications.anticoagulant", "redFlags.suddenSevereBackPain", "backPain.intensityNow", "redFlags.severePainNotEasedByRestOrPosition"],
            result.Alert(Hematoma).TriggeredBy);
    }

    [Fact]
    public void Hematoma_pain_arm_does_not_report_a_rating_below_7()
    {
        var result = Evaluate.Result(Exposed.DaysAfterSurgery(2).Pain(3).RedFlags(r => r with { SuddenSevereBackPain = true, SeverePainNotEasedByRestOrPosition = true }));

        AssertPaths(
            ["surgery.anesthesia", "surgery.date", "assessedOn", "medications.anticoagulant", "redFlags.suddenSevereBackPain", "redFlags.severePainNotEasedByRestOrPosition"],
            result.Alert(Hematoma).TriggeredBy);
    }

    [Fact]
    public void Hematoma_reports_both_arms_when_both_hold()
    {
        var result = Evaluate.Result(PainArm.DaysAfterSurgery(5).RedFlags(r => r with { NumbnessInSaddleArea = true }));

        AssertPaths(
            ["surgery.anesthesia", "surgery.date", "assessedOn", "medications.anticoagulant", "redFlags.numbnessInSaddleArea", "redFlags.suddenSevereBackPain", "backPain.intensityNow"],
            result.Alert(Hematoma).TriggeredBy);
    }

    [Theory]
    [InlineData(Anesthesia.Spinal, true)]
    [InlineData(Anesthesia.Epidural, true)]
    [InlineData(Anesthesia.CombinedSpinalEpidural, true)]
    [InlineData(Anesthesia.Unknown, true)]
    [InlineData(Anesthesia.General, false)]
    public void Hematoma_needs_neuraxial_or_unknown_anaesthesia(Anesthesia anesthesia, bool fires)
    {
        Assert.Equal(fires, Evaluate.Result(NeurologicalArm.Anesthesia(anesthesia)).AlertIds().Contains(Hematoma));
        Assert.Equal(fires, Evaluate.Result(PainArm.Anesthesia(anesthesia)).AlertIds().Contains(Hematoma));
    }

    [Theory]
    [InlineData(AnticoagulantUse.Prophylactic, AntiplateletUse.None, false, true)]
    [InlineData(AnticoagulantUse.Therapeutic, AntiplateletUse.None, false, true)]
    [InlineData(AnticoagulantUse.Unknown, AntiplateletUse.None, false, true)]
    [InlineData(AnticoagulantUse.None, AntiplateletUse.None, false, false)]
    [InlineData(AnticoagulantUse.None, AntiplateletUse.Aspirin, false, true)]
    [InlineData(AnticoagulantUse.None, AntiplateletUse.Other, false, true)]
    [InlineData(AnticoagulantUse.None, AntiplateletUse.Unknown, false, true)]
    [InlineData(AnticoagulantUse.None, AntiplateletUse.None, true, true)]
    public void Hematoma_needs_a_bleeding_risk_that_is_not_excluded(AnticoagulantUse anticoagulant, AntiplateletUse antiplatelet, bool nsaid, bool fires)
    {
        var builder = NeurologicalArm.Medications(m => m with
        {
            Anticoagulant = anticoagulant,
            Antiplatelet = antiplatelet,
            PainMedicines = nsaid ? [PainMedicine.Nsaid] : [PainMedicine.Paracetamol],
        });

        Assert.Equal(fires, Evaluate.Result(builder).AlertIds().Contains(Hematoma));
    }

    [Fact]
    public void An_unanswered_blood_thinner_question_counts_as_possible_and_is_reported()
    {
        var result = Evaluate.Result(NeurologicalArm with { Input = NeurologicalArm.Input with { Medications = null } });

        AssertPaths(["surgery.anesthesia", "surgery.date", "assessedOn", "medications.anticoagulant", "redFlags.newBladderOrBowelProblem"], result.Alert(Hematoma).TriggeredBy);
    }

    [Fact]
    public void Hematoma_reports_each_exposure_that_held()
    {
        var result = Evaluate.Result(NeurologicalArm.Medications(m => m with
        {
            Anticoagulant = AnticoagulantUse.Therapeutic,
            Antiplatelet = AntiplateletUse.Aspirin,
            PainMedicines = [PainMedicine.Opioid, PainMedicine.Nsaid],
        }));

        AssertPaths(
            ["surgery.anesthesia", "surgery.date", "assessedOn", "medications.anticoagulant", "medications.antiplatelet", "medications.painMedicines", "redFlags.newBladderOrBowelProblem"],
            result.Alert(Hematoma).TriggeredBy);
    }

    [Fact]
    public void Hematoma_after_an_unknown_anaesthetic_says_the_injection_is_possible()
    {
        var known = Evaluate.Result(NeurologicalArm).Alert(Hematoma);
        var unknown = Evaluate.Result(NeurologicalArm.Anesthesia(Anesthesia.Unknown)).Alert(Hematoma);

        Assert.StartsWith("You had an injection in your back", known.Explanation, StringComparison.Ordinal);
        Assert.StartsWith("You may have had an injection in your back", unknown.Explanation, StringComparison.Ordinal);
        Assert.Contains("may have had an injection in your back and may take a blood thinner", unknown.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Hematoma_patient_text_gives_no_risk_figure_and_cites_its_three_sources()
    {
        var alert = Evaluate.Result(NeurologicalArm).Alert(Hematoma);

        Assert.Equal(["moen-2004", "pumberger-2013", "horlocker-asra"], alert.Sources);
        Assert.DoesNotContain("3,600", alert.Explanation, StringComparison.Ordinal);
        Assert.DoesNotContain(" in ", alert.Explanation.Replace("in your back", "", StringComparison.Ordinal).Replace("in the first", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    // A5, A14, A15.

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    [InlineData(300)]
    public void Fever_fires_possible_spinal_infection_on_any_day(int days) =>
        Assert.Equal(["possible-spinal-infection"], Evaluate.Result(Baseline.DaysAfterSurgery(days).RedFlags(r => r with { FeverOrChills = true })).AlertIds());

    [Theory]
    [InlineData(Condition.Diabetes)]
    [InlineData(Condition.Immunosuppression)]
    public void Fever_with_diabetes_or_a_weak_immune_system_adds_the_hard_to_spot_text_without_changing_the_level(Condition condition)
    {
        var result = Evaluate.Result(Baseline.Conditions(condition).RedFlags(r => r with { FeverOrChills = true }));

        Assert.Contains("an infection can be hard to spot", result.Alert("possible-spinal-infection").Explanation, StringComparison.Ordinal);
        Assert.Equal(TriageLevel.Urgent, result.Triage.Level);
    }

    [Fact]
    public void Fever_with_long_term_steroids_adds_the_hard_to_spot_text_and_without_risk_it_does_not()
    {
        var steroids = Evaluate.Result(Baseline.Medications(m => m with { LongTermSteroids = true }).RedFlags(r => r with { FeverOrChills = true }));
        var plain = Evaluate.Result(Baseline.RedFlags(r => r with { FeverOrChills = true }));

        Assert.Contains("steroid tablets", steroids.Alert("possible-spinal-infection").Explanation, StringComparison.Ordinal);
        Assert.DoesNotContain("hard to spot", plain.Alert("possible-spinal-infection").Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Fever_with_a_new_deficit_is_an_emergency_that_keeps_both_alerts_with_their_own_texts()
    {
        var result = Evaluate.Result(Baseline.DaysAfterSurgery(30).RedFlags(r => r with { FeverOrChills = true, NewLegWeaknessOrNumbness = true }));

        Assert.Equal(["fever-with-nerve-signs", "possible-spinal-infection", "new-neurological-deficit"], result.AlertIds());
        Assert.Equal(TriageLevel.Emergency, result.Triage.Level);
        AssertPaths(["redFlags.feverOrChills", "redFlags.newLegWeaknessOrNumbness"], result.Alert("fever-with-nerve-signs").TriggeredBy);
    }

    [Fact]
    public void A_new_deficit_without_fever_or_bleeding_risk_is_urgent_not_an_emergency()
    {
        var result = Evaluate.Result(Baseline.DaysAfterSurgery(5).RedFlags(r => r with { NewLegWeaknessOrNumbness = true }));

        Assert.Equal(["new-neurological-deficit"], result.AlertIds());
        Assert.Equal(TriageLevel.Urgent, result.Triage.Level);
    }

    [Fact]
    public void A_worsening_deficit_with_fever_is_an_emergency_through_a2_but_not_a15()
    {
        var result = Evaluate.Result(Baseline.RedFlags(r => r with { FeverOrChills = true, LegWeaknessOrNumbnessGettingWorse = true }));

        Assert.Equal(["progressive-neurological-deficit", "possible-spinal-infection"], result.AlertIds());
    }

    // A7.

    [Fact]
    public void A_fall_fires_possible_fracture_with_the_fall_text()
    {
        var alert = Evaluate.Result(Baseline.RedFlags(r => r with { RecentFallOrInjury = true })).Alert("possible-fracture");

        Assert.StartsWith("A fall or an injury", alert.Explanation, StringComparison.Ordinal);
        Assert.Equal(["redFlags.recentFallOrInjury"], alert.TriggeredBy);
    }

    [Theory]
    [InlineData(69, false, false, false)]
    [InlineData(70, false, false, true)]
    [InlineData(40, true, false, true)]
    [InlineData(40, false, true, true)]
    public void Sudden_severe_pain_with_a_fracture_risk_fires_possible_fracture_without_a_fall(int age, bool osteoporosis, bool steroids, bool fires)
    {
        var builder = Baseline.Age(age).Medications(m => m with { LongTermSteroids = steroids }).RedFlags(r => r with { SuddenSevereBackPain = true });
        builder = osteoporosis ? builder.Conditions(Condition.Osteoporosis) : builder;

        var result = Evaluate.Result(builder);

        Assert.Equal(fires, result.AlertIds().Contains("possible-fracture"));
        Assert.Equal(TriageLevel.Urgent, result.Triage.Level);
        if (fires)
        {
            var alert = result.Alert("possible-fracture");
            Assert.StartsWith("You did not fall", alert.Explanation, StringComparison.Ordinal);
            var risk = osteoporosis ? "conditions" : steroids ? "medications.longTermSteroids" : "patient.ageYears";
            AssertPaths(["redFlags.suddenSevereBackPain", risk], alert.TriggeredBy);
        }
    }

    [Fact]
    public void A_fracture_risk_without_sudden_pain_fires_nothing()
    {
        Assert.Empty(Evaluate.Result(Baseline.Age(85).Conditions(Condition.Osteoporosis).Medications(m => m with { LongTermSteroids = true })).Alerts);
    }

    [Fact]
    public void A_fall_and_sudden_pain_with_every_fracture_risk_report_both_arms_and_the_weaker_bones_text()
    {
        var result = Evaluate.Result(Baseline.Age(75).Conditions(Condition.Osteoporosis).Medications(m => m with { LongTermSteroids = true })
            .RedFlags(r => r with { RecentFallOrInjury = true, SuddenSevereBackPain = true }));

        var alert = result.Alert("possible-fracture");
        AssertPaths(["redFlags.recentFallOrInjury", "redFlags.suddenSevereBackPain", "conditions", "medications.longTermSteroids", "patient.ageYears"], alert.TriggeredBy);
        Assert.StartsWith("A fall or an injury", alert.Explanation, StringComparison.Ordinal);
        Assert.Contains("Your bones may also be weaker", alert.Explanation, StringComparison.Ordinal);
    }

    // A9.

    [Fact]
    public void Unexplained_weight_loss_fires_possible_malignancy()
    {
        var alert = Evaluate.Result(Baseline.RedFlags(r => r with { UnexplainedWeightLoss = true })).Alert("possible-malignancy");

        Assert.Equal(["redFlags.unexplainedWeightLoss"], alert.TriggeredBy);
    }

    [Theory]
    [InlineData(PainOnset.AfterSurgery, 1, true)]
    [InlineData(null, 1, true)]
    [InlineData(PainOnset.BeforeSurgery, 1, false)]
    [InlineData(PainOnset.AfterSurgery, 0, false)]
    [InlineData(null, 0, false)]
    public void Cancer_history_fires_possible_malignancy_for_current_back_pain_not_known_to_predate_surgery(PainOnset? onset, int intensity, bool fires)
    {
        var result = Evaluate.Result(Baseline.Conditions(Condition.CancerHistory).Pain(intensity).BackPain(p => p with { StartedWhen = onset }));

        Assert.Equal(fires, result.AlertIds().Contains("possible-malignancy"));
        if (fires)
        {
            // An unanswered onset is reported too: its absence is what made the condition hold.
            AssertPaths(["conditions", "backPain.startedWhen", "backPain.intensityNow"], result.Alert("possible-malignancy").TriggeredBy);
            Assert.Equal(TriageLevel.Urgent, result.Triage.Level);
        }
    }

    [Fact]
    public void Weight_loss_and_cancer_history_report_both_arms()
    {
        var result = Evaluate.Result(Baseline
            .Conditions(Condition.CancerHistory)
            .Pain(2)
            .BackPain(p => p with { StartedWhen = PainOnset.AfterSurgery })
            .RedFlags(r => r with { UnexplainedWeightLoss = true }));

        AssertPaths(["redFlags.unexplainedWeightLoss", "conditions", "backPain.startedWhen", "backPain.intensityNow"], result.Alert("possible-malignancy").TriggeredBy);
    }

    // A10.

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
            AssertPaths(["backPain.intensityNow", "backPain.frequency"], result.Alert("severe-uncontrolled-pain").TriggeredBy);
        }
    }

    [Fact]
    public void Severe_uncontrolled_pain_reports_every_arm_that_held()
    {
        var result = Evaluate.Result(Baseline.Pain(9).BackPain(p => p with { Frequency = PainFrequency.Constant })
            .RedFlags(r => r with { SuddenSevereBackPain = true, SeverePainNotEasedByRestOrPosition = true }));

        AssertPaths(
            ["redFlags.severePainNotEasedByRestOrPosition", "redFlags.suddenSevereBackPain", "backPain.intensityNow", "backPain.frequency"],
            result.Alert("severe-uncontrolled-pain").TriggeredBy);
    }

    [Fact]
    public void Severe_pain_without_a_frequency_answer_does_not_fire_the_intensity_arm()
    {
        Assert.DoesNotContain("severe-uncontrolled-pain", Evaluate.Result(Baseline.Pain(10)).AlertIds());
    }

    // A11-A13.

    [Theory]
    [InlineData(true, 1, true)]
    [InlineData(true, 0, false)]
    [InlineData(false, 5, false)]
    [InlineData(null, 5, false)]
    public void Night_pain_at_rest_needs_a_yes_and_current_back_pain(bool? answer, int intensity, bool fires)
    {
        var result = Evaluate.Result(Baseline.Pain(intensity).BackPain(p => p with { WorseAtNightAtRest = answer }));

        Assert.Equal(fires ? ["non-mechanical-night-pain"] : [], result.AlertIds());
        if (fires)
        {
            AssertPaths(["backPain.worseAtNightAtRest", "backPain.intensityNow"], result.Alert("non-mechanical-night-pain").TriggeredBy);
            Assert.Equal(TriageLevel.Soon, result.Triage.Level);
        }
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
            AssertPaths(["backPain.intensityNow", "assessedOn", "surgery.date"], result.Alert("persistent-pain").TriggeredBy);
        }
    }

    [Fact]
    public void Alerts_are_ordered_by_level_then_by_table_order()
    {
        var result = Evaluate.Result(Baseline
            .Pain(6)
            .DaysAfterSurgery(60)
            .BackPain(p => p with { PainBelowKnee = true, WorseAtNightAtRest = true })
            .RedFlags(r => r with
            {
                CalfSwellingOrPain = true, FeverOrChills = true, ChestPainOrShortnessOfBreath = true, NumbnessInSaddleArea = true, NewLegWeaknessOrNumbness = true,
            }));

        Assert.Equal(
            [
                "cauda-equina-syndrome", "possible-pulmonary-embolism", "fever-with-nerve-signs",
                "possible-spinal-infection", "possible-deep-vein-thrombosis", "new-neurological-deficit",
                "non-mechanical-night-pain", "radicular-pain", "persistent-pain",
            ],
            result.AlertIds());
        Assert.Equal(TriageLevel.Emergency, result.Triage.Level);
    }

    internal static RedFlagAnswers With(RedFlagAnswers answers, string name) => name switch
    {
        nameof(RedFlagAnswers.NewBladderOrBowelProblem) => answers with { NewBladderOrBowelProblem = true },
        nameof(RedFlagAnswers.NumbnessInSaddleArea) => answers with { NumbnessInSaddleArea = true },
        nameof(RedFlagAnswers.SciaticaBothLegs) => answers with { SciaticaBothLegs = true },
        nameof(RedFlagAnswers.LegWeaknessOrNumbnessGettingWorse) => answers with { LegWeaknessOrNumbnessGettingWorse = true },
        nameof(RedFlagAnswers.NewLegWeaknessOrNumbness) => answers with { NewLegWeaknessOrNumbness = true },
        nameof(RedFlagAnswers.SuddenSevereBackPain) => answers with { SuddenSevereBackPain = true },
        nameof(RedFlagAnswers.ChestPainOrShortnessOfBreath) => answers with { ChestPainOrShortnessOfBreath = true },
        nameof(RedFlagAnswers.CoughingBloodOrFainting) => answers with { CoughingBloodOrFainting = true },
        nameof(RedFlagAnswers.FeverOrChills) => answers with { FeverOrChills = true },
        nameof(RedFlagAnswers.WoundRednessOrDischarge) => answers with { WoundRednessOrDischarge = true },
        nameof(RedFlagAnswers.RecentFallOrInjury) => answers with { RecentFallOrInjury = true },
        nameof(RedFlagAnswers.CalfSwellingOrPain) => answers with { CalfSwellingOrPain = true },
        nameof(RedFlagAnswers.UnexplainedWeightLoss) => answers with { UnexplainedWeightLoss = true },
        nameof(RedFlagAnswers.SeverePainNotEasedByRestOrPosition) => answers with { SeverePainNotEasedByRestOrPosition = true },
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Not a red-flag answer."),
    };
}
