using KneeSpine.Engine.Input;
using KneeSpine.Engine.Knowledge;
using KneeSpine.Engine.Results;
using KneeSpine.Engine.Tests.Builders;
using KneeSpine.Engine.Tests.Support;

namespace KneeSpine.Engine.Tests.Evaluation;

/// <summary>Every row of the plan table: triage gating, conditions, because, variants and sources.</summary>
public sealed class PlanRuleTests
{
    private static readonly AssessmentBuilder Baseline = AssessmentBuilder.Baseline();
    private static readonly string[] AlwaysItems = ["analgesic-stewardship", "realistic-expectations", "allow-time-to-heal", "self-monitor-pain"];

    /// <summary>Every factor fired, pain 5: the fullest self-care plan.</summary>
    private static readonly AssessmentBuilder Everything = Baseline
        .Age(72)
        .Pain(5)
        .Anesthesia(Anesthesia.Spinal)
        .BackPain(p => p with { StartedWhen = PainOnset.AfterSurgery, HistoryBeforeSurgery = BackPainHistory.Chronic })
        .Knee(1, 8)
        .Activity(a => a with { ExerciseMinutesPerWeek = 30, TrunkMuscleWeakness = true, Limp = true })
        .Sleep(s => s with { PoorNightsPerWeek = 6 })
        .Conditions(Condition.Diabetes, Condition.KidneyDisease)
        .Expectations(e => e with { ExpectsNoPainAtAll = true })
        .Psychosocial(p => p with { LittleInterestOrPleasure = 2, FeelingDownDepressedOrHopeless = 1, AvoidsMovementForFearOfHarm = true });

    [Fact]
    public void Baseline_without_pain_gets_only_the_always_items_because_of_the_baseline()
    {
        var result = Evaluate.Result(Baseline);

        Assert.Equal(AlwaysItems, result.PlanIds());
        Assert.All(result.Plan, item => Assert.Equal(["baseline"], item.Because));
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(10, true)]
    public void Physical_therapy_and_heat_therapy_start_at_a_pain_rating_of_1(int intensity, bool offered)
    {
        var plan = Evaluate.Result(Baseline.Pain(intensity)).PlanIds();

        Assert.Equal(offered, plan.Contains("physical-therapy"));
        Assert.Equal(offered, plan.Contains("heat-therapy"));
    }

    [Fact]
    public void A_self_care_plan_with_every_factor_lists_every_item_in_table_order_with_its_reason()
    {
        var result = Evaluate.Result(Everything);

        Assert.Equal(TriageLevel.SelfCare, result.Triage.Level);
        Assert.Equal(
            [
                ("post-spinal-reassurance", "spinal-anesthesia"),
                ("physical-therapy", "baseline"),
                ("core-strengthening", "trunk-muscle-weakness"),
                ("graded-walking-program", "inactivity"),
                ("graded-activity-with-reassurance", "fear-of-movement"),
                ("gait-training", "gait-abnormality"),
                ("sleep-hygiene", "insomnia"),
                ("talk-about-mood-and-worry", "psychological-distress"),
                ("medical-review-of-conditions", "comorbidity"),
                ("pre-existing-back-pain-care", "prior-back-pain,unmasked-back-pain"),
                ("heat-therapy", "baseline"),
                ("analgesic-stewardship", "baseline"),
                ("avoid-nsaids-and-aspirin", "kidney-disease"),
                ("realistic-expectations", "baseline,unrealistic-expectations"),
                ("allow-time-to-heal", "baseline"),
                ("self-monitor-pain", "baseline"),
            ],
            result.Plan.Select(p => (p.Id, string.Join(',', p.Because))).ToArray());
    }

    [Fact]
    public void Each_plan_item_cites_the_sources_of_its_table_row()
    {
        var plan = Evaluate.Result(Everything).Plan.ToDictionary(p => p.Id, p => p.Sources);

        Assert.Equal(["joudi-2014", "seed-article"], plan["post-spinal-reassurance"]);
        Assert.Equal(["seed-article", "hayden-2021", "nice-ng59"], plan["physical-therapy"]);
        Assert.Equal(["seed-article", "owen-2020", "sinaki-1984"], plan["core-strengthening"]);
        Assert.Equal(["who-2020", "hayden-2021"], plan["graded-walking-program"]);
        Assert.Equal(["vlaeyen-2000", "nice-ng59", "hayden-2021"], plan["graded-activity-with-reassurance"]);
        Assert.Equal(["seed-article", "murata-2003"], plan["gait-training"]);
        Assert.Equal(["qaseem-2016", "chen-2016"], plan["sleep-hygiene"]);
        Assert.Equal(["kroenke-2003", "kroenke-2007", "lungu-2016"], plan["talk-about-mood-and-worry"]);
        Assert.Equal(["seed-article", "chou-2007"], plan["medical-review-of-conditions"]);
        Assert.Equal(["seed-article", "staibano-2014", "nice-ng59"], plan["pre-existing-back-pain-care"]);
        Assert.Equal(["seed-article", "french-2006", "qaseem-2017"], plan["heat-therapy"]);
        Assert.Equal(["seed-article", "nice-ng59", "cdc-2022"], plan["analgesic-stewardship"]);
        Assert.Equal(["davidson-2014", "cnt-2013", "nice-ng59"], plan["avoid-nsaids-and-aspirin"]);
        Assert.Equal(["seed-article", "bourne-2010"], plan["realistic-expectations"]);
        Assert.Equal(["seed-article", "costa-2012"], plan["allow-time-to-heal"]);
        Assert.Equal(["seed-article", "ostelo-2008"], plan["self-monitor-pain"]);
    }

    [Fact]
    public void An_emergency_plan_is_emergency_care_alone_because_of_the_emergency_alerts_with_their_sources()
    {
        var result = Evaluate.Result(Everything.Anesthesia(Anesthesia.General)
            .RedFlags(r => r with { ChestPainOrShortnessOfBreath = true, NumbnessInSaddleArea = true, FeverOrChills = true, NewLegWeaknessOrNumbness = true }));

        var item = Assert.Single(result.Plan);
        Assert.Equal("emergency-care", item.Id);
        Assert.Equal(["cauda-equina-syndrome", "possible-pulmonary-embolism", "fever-with-nerve-signs"], item.Because);
        Assert.Equal(["bass-2018", "girft-2023", "ahcpr-1994", "finucane-2020", "khatod-2012", "vte-denmark", "darouiche-2006"], item.Sources);
        Assert.Contains("faint", item.PatientText, StringComparison.Ordinal);
    }

    [Fact]
    public void An_emergency_through_the_hematoma_arm_names_it_and_cites_its_sources()
    {
        var result = Evaluate.Result(Everything.DaysAfterSurgery(3).Pain(8).RedFlags(r => r with { SuddenSevereBackPain = true }));

        var item = Assert.Single(result.Plan);
        Assert.Equal(["suspected-spinal-epidural-hematoma"], item.Because);
        Assert.Equal(["moen-2004", "pumberger-2013", "horlocker-asra"], item.Sources);
    }

    [Fact]
    public void An_urgent_plan_is_contact_today_then_avoid_nsaids_when_it_applies_then_self_monitoring()
    {
        var result = Evaluate.Result(Everything.BackPain(p => p with { WorseAtNightAtRest = true }).RedFlags(r => r with { WoundRednessOrDischarge = true, RecentFallOrInjury = true }));

        Assert.Equal(["contact-care-team-today", "avoid-nsaids-and-aspirin", "self-monitor-pain"], result.PlanIds());
        var contact = result.PlanItem("contact-care-team-today");
        Assert.Equal(["possible-wound-infection", "possible-fracture"], contact.Because);
        Assert.Equal(["scheper-2023", "darouiche-2006", "ahcpr-1994", "verhagen-2016", "downie-2013", "finucane-2020"], contact.Sources);
        Assert.Equal(["kidney-disease"], result.PlanItem("avoid-nsaids-and-aspirin").Because);
        Assert.Equal(["baseline"], result.PlanItem("self-monitor-pain").Because);
    }

    [Fact]
    public void An_urgent_plan_without_a_reason_to_avoid_nsaids_is_contact_today_and_self_monitoring()
    {
        var result = Evaluate.Result(Baseline.Medications(m => m with { Anticoagulant = AnticoagulantUse.None, Antiplatelet = AntiplateletUse.None }).RedFlags(r => r with { WoundRednessOrDischarge = true }));

        Assert.Equal(["contact-care-team-today", "self-monitor-pain"], result.PlanIds());
    }

    [Fact]
    public void A_sudden_pain_fracture_alert_keeps_core_exercises_out_of_the_plan_until_review()
    {
        var builder = Everything.Conditions(Condition.Osteoporosis).RedFlags(r => r with { SuddenSevereBackPain = true });

        var result = Evaluate.Result(builder.Anesthesia(Anesthesia.General));

        Assert.Contains("possible-fracture", result.AlertIds());
        Assert.DoesNotContain("core-strengthening", result.PlanIds());
    }

    [Theory]
    [InlineData(AnticoagulantUse.Prophylactic, null, "blood-thinner")]
    [InlineData(AnticoagulantUse.Therapeutic, null, "blood-thinner")]
    [InlineData(AnticoagulantUse.Unknown, null, "blood-thinner")]
    [InlineData(AnticoagulantUse.None, AntiplateletUse.Aspirin, "blood-thinner")]
    [InlineData(AnticoagulantUse.None, AntiplateletUse.Other, "blood-thinner")]
    [InlineData(AnticoagulantUse.None, AntiplateletUse.Unknown, "blood-thinner")]
    [InlineData(AnticoagulantUse.None, AntiplateletUse.None, null)]
    [InlineData(null, null, null)]
    public void Avoid_nsaids_and_aspirin_follows_a_reported_blood_thinner(AnticoagulantUse? anticoagulant, AntiplateletUse? antiplatelet, string? because)
    {
        var result = Evaluate.Result(Baseline.Medications(m => m with { Anticoagulant = anticoagulant, Antiplatelet = antiplatelet }));

        if (because is null)
        {
            Assert.DoesNotContain("avoid-nsaids-and-aspirin", result.PlanIds());
            return;
        }

        var item = result.PlanItem("avoid-nsaids-and-aspirin");
        Assert.Equal([because], item.Because);
        Assert.Contains("With a blood thinner, these pills make bleeding more likely.", item.PatientText, StringComparison.Ordinal);
        Assert.DoesNotContain("kidney", item.PatientText, StringComparison.Ordinal);
    }

    [Fact]
    public void Avoid_nsaids_and_aspirin_gives_one_sentence_per_reason_and_lists_every_reason()
    {
        var item = Evaluate.Result(Baseline.Anticoagulant(AnticoagulantUse.Prophylactic).Conditions(Condition.KidneyDisease, Condition.HeartDisease)).PlanItem("avoid-nsaids-and-aspirin");

        Assert.Equal(["blood-thinner", "kidney-disease", "heart-disease"], item.Because);
        Assert.EndsWith(
            "Ask a pharmacist before you buy a pain, cold or flu medicine. With a blood thinner, these pills make bleeding more likely. With kidney or heart disease, these pills can harm your kidneys or heart.",
            item.PatientText,
            StringComparison.Ordinal);
        Assert.Contains("Ask before you stop any medicine", item.PatientText, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false, false, false)]
    [InlineData(true, false, true)]
    [InlineData(false, true, true)]
    public void Core_strengthening_warns_about_bending_exercises_with_thin_bones_or_steroid_tablets(bool osteoporosis, bool steroids, bool warns)
    {
        var builder = Baseline.Activity(a => a with { TrunkMuscleWeakness = true }).Medications(m => m with { LongTermSteroids = steroids });
        builder = osteoporosis ? builder.Conditions(Condition.Osteoporosis) : builder;

        var item = Evaluate.Result(builder).PlanItem("core-strengthening");

        Assert.Equal(warns, item.PatientText.Contains("Do not do sit-ups", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(Condition.Diabetes, TriageLevel.SelfCare)]
    [InlineData(Condition.Immunosuppression, TriageLevel.Urgent)]
    [InlineData(Condition.Diabetes, TriageLevel.Soon)]
    public void Self_monitoring_tells_people_with_a_hidden_infection_risk_to_call_when_shivery_at_every_level_that_has_it(Condition condition, TriageLevel level)
    {
        var builder = level switch
        {
            TriageLevel.Urgent => Baseline.RedFlags(r => r with { WoundRednessOrDischarge = true }),
            TriageLevel.Soon => Baseline.BackPain(p => p with { PainBelowKnee = true }),
            _ => Baseline,
        };

        var with = Evaluate.Result(builder.Conditions(condition));
        var without = Evaluate.Result(builder);

        Assert.Equal(level, with.Triage.Level);
        Assert.Contains("feel shivery or unwell, even without a fever", with.PlanItem("self-monitor-pain").PatientText, StringComparison.Ordinal);
        Assert.DoesNotContain("shivery", without.PlanItem("self-monitor-pain").PatientText, StringComparison.Ordinal);
    }

    [Fact]
    public void Talk_about_mood_and_graded_activity_follow_their_factors()
    {
        var result = Evaluate.Result(Baseline.Psychosocial(p => p with { FeelingNervousAnxiousOrOnEdge = 2, UnableToStopOrControlWorrying = 1, AvoidsMovementForFearOfHarm = true }));

        Assert.Equal(["psychological-distress"], result.PlanItem("talk-about-mood-and-worry").Because);
        Assert.Contains("crisis", result.PlanItem("talk-about-mood-and-worry").PatientText, StringComparison.Ordinal);
        Assert.Equal(["fear-of-movement"], result.PlanItem("graded-activity-with-reassurance").Because);
    }

    [Fact]
    public void A_soon_plan_is_book_review_then_everything_self_care_would_give()
    {
        var selfCare = Evaluate.Result(Everything).PlanIds();
        var result = Evaluate.Result(Everything.BackPain(p => p with { PainBelowKnee = true, WorseAtNightAtRest = true }));

        Assert.Equal(["book-clinician-review", .. selfCare], result.PlanIds());
        var review = result.PlanItem("book-clinician-review");
        Assert.Equal(["non-mechanical-night-pain", "radicular-pain"], review.Because);
        Assert.Equal(["ahcpr-1994", "verhagen-2016", "chou-2007", "nice-ng59"], review.Sources);
    }

    [Fact]
    public void Pre_existing_back_pain_care_follows_prior_back_pain_alone_without_the_masking_text()
    {
        var result = Evaluate.Result(Baseline.Pain(3).BackPain(p => p with { HistoryBeforeSurgery = BackPainHistory.Occasional }));
        var masked = Evaluate.Result(Baseline.Pain(3).BackPain(p => p with { HistoryBeforeSurgery = BackPainHistory.Occasional }).Knee(1, 7));

        var item = result.PlanItem("pre-existing-back-pain-care");
        Assert.Equal(["prior-back-pain"], item.Because);
        var maskedItem = masked.PlanItem("pre-existing-back-pain-care");
        Assert.Equal(["prior-back-pain", "unmasked-back-pain"], maskedItem.Because);
        Assert.StartsWith(item.PatientText + " ", maskedItem.PatientText, StringComparison.Ordinal);
        Assert.Contains(Variant("pre-existing-back-pain-care", "masking").Text!, maskedItem.PatientText, StringComparison.Ordinal);
        Assert.DoesNotContain(Variant("pre-existing-back-pain-care", "masking").Text!, item.PatientText, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(41, false)]
    [InlineData(42, true)]
    public void Pre_existing_back_pain_care_asks_for_a_spine_focused_assessment_from_six_weeks(int days, bool asks)
    {
        var item = Evaluate.Result(Baseline.Pain(2).DaysAfterSurgery(days).BackPain(p => p with { StartedWhen = PainOnset.BeforeSurgery }))
            .PlanItem("pre-existing-back-pain-care");

        var variant = Variant("pre-existing-back-pain-care", "spine-assessment");
        Assert.Equal(asks, item.PatientText.Contains(variant.Text!, StringComparison.Ordinal));
        Assert.Equal(asks, item.ClinicianText!.Contains(variant.ClinicianText!, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(Condition.Diabetes, true)]
    [InlineData(Condition.PeripheralNeuropathy, true)]
    [InlineData(Condition.Obesity, false)]
    public void Heat_therapy_warns_about_burns_when_feeling_may_be_reduced(Condition condition, bool warns)
    {
        var item = Evaluate.Result(Baseline.Pain(2).Conditions(condition)).PlanItem("heat-therapy");

        Assert.Equal(warns, item.PatientText.Contains("burns", StringComparison.Ordinal));
        Assert.Equal(["baseline"], item.Because);
    }

    [Fact]
    public void Heat_therapy_without_conditions_has_no_burn_warning() =>
        Assert.DoesNotContain("burns", Evaluate.Result(Baseline.Pain(2)).PlanItem("heat-therapy").PatientText, StringComparison.Ordinal);

    [Theory]
    [InlineData(4, null, 10, false)]
    [InlineData(5, null, 10, true)]
    [InlineData(7, null, 10, true)]
    [InlineData(null, PainMedicine.Opioid, 42, false)]
    [InlineData(null, PainMedicine.Opioid, 43, true)]
    [InlineData(0, PainMedicine.Opioid, 43, true)]
    [InlineData(null, PainMedicine.Nsaid, 100, false)]
    [InlineData(null, null, 100, false)]
    public void Analgesic_stewardship_suggests_an_opioid_review_for_regular_or_prolonged_opioid_use(int? opioidDays, PainMedicine? medicine, int days, bool review)
    {
        var item = Evaluate.Result(Baseline
                .DaysAfterSurgery(days)
                .Medications(m => m with { OpioidDaysLastWeek = opioidDays, PainMedicines = medicine is { } med ? [med] : null }))
            .PlanItem("analgesic-stewardship");

        var variant = Variant("analgesic-stewardship", "opioid-review");
        Assert.Equal(review, item.ClinicianText!.Contains(variant.ClinicianText!, StringComparison.Ordinal));
        Assert.Equal(review, item.PatientText.Contains(variant.Text!, StringComparison.Ordinal));
    }

    [Fact]
    public void Realistic_expectations_is_always_offered_and_adds_the_factor_when_expectations_are_unrealistic()
    {
        Assert.Equal(["baseline"], Evaluate.Result(Baseline).PlanItem("realistic-expectations").Because);
        Assert.Equal(
            ["baseline", "unrealistic-expectations"],
            Evaluate.Result(Baseline.Expectations(e => e with { ExpectedFullRecoveryWeeks = 6 })).PlanItem("realistic-expectations").Because);
    }

    [Fact]
    public void Post_spinal_reassurance_follows_the_spinal_anaesthesia_factor_to_day_56()
    {
        var afterSpinal = Baseline.Anesthesia(Anesthesia.Epidural).BackPain(p => p with { StartedWhen = PainOnset.AfterSurgery });

        Assert.Contains("post-spinal-reassurance", Evaluate.Result(afterSpinal.DaysAfterSurgery(56)).PlanIds());
        Assert.DoesNotContain("post-spinal-reassurance", Evaluate.Result(afterSpinal.DaysAfterSurgery(57)).PlanIds());
    }

    [Fact]
    public void Every_plan_item_carries_patient_and_clinician_text_from_the_knowledge_base()
    {
        var result = Evaluate.Result(Everything);

        Assert.All(result.Plan, item =>
        {
            var definition = KnowledgeBase.Default.PlanItems[item.Id];
            Assert.StartsWith(definition.PatientText, item.PatientText, StringComparison.Ordinal);
            Assert.NotEmpty(item.Sources);
            Assert.NotEmpty(item.Because);
            Assert.StartsWith(definition.ClinicianText!, item.ClinicianText!, StringComparison.Ordinal);
        });
    }

    private static TextVariant Variant(string planItem, string variant) =>
        KnowledgeBase.Default.PlanItems[planItem].Variants.Single(v => v.Id == variant);
}
