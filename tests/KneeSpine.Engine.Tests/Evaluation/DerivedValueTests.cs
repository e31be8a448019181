using KneeSpine.Engine.Evaluation;
using KneeSpine.Engine.Input;
using KneeSpine.Engine.Results;
using KneeSpine.Engine.Tests.Builders;
using KneeSpine.Engine.Tests.Support;

namespace KneeSpine.Engine.Tests.Evaluation;

public sealed class DerivedValueTests
{
    [Theory]
    [InlineData(0, PainSeverity.None)]
    [InlineData(1, PainSeverity.Mild)]
    [InlineData(3, PainSeverity.Mild)]
    [InlineData(4, PainSeverity.Moderate)]
    [InlineData(6, PainSeverity.Moderate)]
    [InlineData(7, PainSeverity.Severe)]
    [InlineData(10, PainSeverity.Severe)]
    public void Pain_severity_bands_are_0_none_1_to_3_mild_4_to_6_moderate_7_to_10_severe(int intensity, PainSeverity severity) =>
        Assert.Equal(severity, Evaluate.Result(AssessmentBuilder.Baseline().Pain(intensity)).PainSeverity);

    [Theory]
    [InlineData("2026-03-02", "2026-03-02", 0)]
    [InlineData("2026-02-27", "2026-03-01", 2)]
    [InlineData("2024-02-28", "2024-03-01", 2)]
    [InlineData("2025-12-31", "2026-01-01", 1)]
    [InlineData("2025-09-01", "2025-11-15", 75)]
    public void Days_since_surgery_counts_calendar_days(string surgery, string assessedOn, int days) =>
        Assert.Equal(days, Evaluate.Result(AssessmentBuilder.Baseline().Dates(surgery, assessedOn)).DaysSinceSurgery);

    [Fact]
    public void An_assessment_before_the_surgery_is_rejected_with_the_field_named()
    {
        var input = AssessmentBuilder.Baseline().DaysAfterSurgery(-1).Build();

        var exception = Assert.Throws<ArgumentException>(() => AssessmentEvaluator.Default.Evaluate(input));
        Assert.Contains("assessedOn", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(160, 82, 32.0)]
    [InlineData(100, 29.9, 29.9)]
    [InlineData(175, 70, 22.9)]
    [InlineData(200, 99.8, 25.0)]
    [InlineData(200, 99.79, 24.9)]
    [InlineData(100, 25.25, 25.3)]
    [InlineData(100, 25.249, 25.2)]
    [InlineData(250, 350, 56.0)]
    [InlineData(200, 119.8, 30.0)]
    [InlineData(200, 119.76, 29.9)]
    [InlineData(200, 119.78, 29.9)]
    public void Bmi_is_rounded_to_one_decimal_half_away_from_zero(double height, double weight, double bmi) =>
        Assert.Equal(bmi, DerivedValues.BodyMassIndex(height, weight));

    [Fact]
    public void Bmi_agrees_with_exact_decimal_rounding_over_the_whole_input_range()
    {
        // A coarse grid over every height, and every weight at whole-ten heights (where ties such as 24.95 occur).
        var grid = from height in Enumerable.Range(0, 215).Select(i => 1000 + (i * 7))
                   from weight in Enumerable.Range(0, 465).Select(i => 250 + (i * 7))
                   select (height, weight);
        var ties = from height in Enumerable.Range(10, 16).Select(i => i * 100)
                   from weight in Enumerable.Range(250, 3251)
                   select (height, weight);

        foreach (var (heightTenths, weightTenths) in grid.Concat(ties))
        {
            var metres = heightTenths / 1000m;
            var exact = (double)Math.Round(weightTenths / 10m / (metres * metres), 1, MidpointRounding.AwayFromZero);

            Assert.Equal(exact, DerivedValues.BodyMassIndex(heightTenths / 10.0, weightTenths / 10.0));
        }
    }

    [Theory]
    [InlineData(160.0, null)]
    [InlineData(null, 80.0)]
    [InlineData(null, null)]
    public void Bmi_needs_both_height_and_weight(double? height, double? weight)
    {
        Assert.Null(DerivedValues.BodyMassIndex(height, weight));
        Assert.Null(Evaluate.Result(AssessmentBuilder.Baseline().Body(height, weight)).BodyMassIndex);
    }

    [Fact]
    public void A_non_positive_height_is_rejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => DerivedValues.BodyMassIndex(0, 80));

    [Theory]
    [InlineData(Anesthesia.Spinal, true)]
    [InlineData(Anesthesia.Epidural, true)]
    [InlineData(Anesthesia.CombinedSpinalEpidural, true)]
    [InlineData(Anesthesia.General, false)]
    [InlineData(Anesthesia.Unknown, false)]
    public void Neuraxial_is_spinal_epidural_or_combined(Anesthesia anesthesia, bool neuraxial) =>
        Assert.Equal(neuraxial, DerivedValues.IsNeuraxial(anesthesia));

    [Theory]
    [InlineData(Anesthesia.Spinal, true)]
    [InlineData(Anesthesia.Epidural, true)]
    [InlineData(Anesthesia.CombinedSpinalEpidural, true)]
    [InlineData(Anesthesia.Unknown, true)]
    [InlineData(Anesthesia.General, false)]
    public void Neuraxial_or_unknown_counts_an_unknown_anaesthetic_as_possibly_neuraxial(Anesthesia anesthesia, bool expected) =>
        Assert.Equal(expected, DerivedValues.IsNeuraxialOrUnknown(anesthesia));

    [Theory]
    [InlineData(null, null, false, true)]
    [InlineData(AnticoagulantUse.None, null, false, false)]
    [InlineData(AnticoagulantUse.None, AntiplateletUse.None, false, false)]
    [InlineData(AnticoagulantUse.Prophylactic, AntiplateletUse.None, false, true)]
    [InlineData(AnticoagulantUse.Therapeutic, null, false, true)]
    [InlineData(AnticoagulantUse.Unknown, null, false, true)]
    [InlineData(AnticoagulantUse.None, AntiplateletUse.Aspirin, false, true)]
    [InlineData(AnticoagulantUse.None, AntiplateletUse.Other, false, true)]
    [InlineData(AnticoagulantUse.None, AntiplateletUse.Unknown, false, true)]
    [InlineData(AnticoagulantUse.None, AntiplateletUse.None, true, true)]
    public void Bleeding_risk_is_not_excluded_unless_the_blood_thinner_is_answered_none_and_nothing_else_adds_risk(
        AnticoagulantUse? anticoagulant, AntiplateletUse? antiplatelet, bool nsaid, bool expected) =>
        Assert.Equal(expected, DerivedValues.BleedingRiskNotExcluded(new MedicationInfo
        {
            Anticoagulant = anticoagulant,
            Antiplatelet = antiplatelet,
            PainMedicines = nsaid ? [PainMedicine.Nsaid] : [PainMedicine.Paracetamol],
        }));

    [Fact]
    public void Bleeding_risk_is_not_excluded_when_the_medications_section_is_left_out() =>
        Assert.True(DerivedValues.BleedingRiskNotExcluded(null));

    [Theory]
    [InlineData(null, null, false)]
    [InlineData(AnticoagulantUse.None, AntiplateletUse.None, false)]
    [InlineData(AnticoagulantUse.Prophylactic, null, true)]
    [InlineData(AnticoagulantUse.Therapeutic, null, true)]
    [InlineData(AnticoagulantUse.Unknown, null, true)]
    [InlineData(null, AntiplateletUse.Aspirin, true)]
    [InlineData(null, AntiplateletUse.Other, true)]
    [InlineData(null, AntiplateletUse.Unknown, true)]
    public void Blood_thinner_reported_needs_an_answer_that_names_one_or_is_unsure(AnticoagulantUse? anticoagulant, AntiplateletUse? antiplatelet, bool expected) =>
        Assert.Equal(expected, DerivedValues.BloodThinnerReported(new MedicationInfo { Anticoagulant = anticoagulant, Antiplatelet = antiplatelet }));

    [Theory]
    [InlineData(69, false, false, false)]
    [InlineData(70, false, false, true)]
    [InlineData(40, true, false, true)]
    [InlineData(40, false, true, true)]
    public void Fracture_risk_is_osteoporosis_long_term_steroids_or_age_70(int age, bool osteoporosis, bool steroids, bool expected)
    {
        var input = Builders.AssessmentBuilder.Baseline().Age(age).Medications(m => m with { LongTermSteroids = steroids });
        input = osteoporosis ? input.Conditions(Condition.Osteoporosis) : input;
        Assert.Equal(expected, DerivedValues.FractureRisk(input.Build()));
    }

    [Theory]
    [InlineData(null, null, null)]
    [InlineData(1, null, null)]
    [InlineData(null, 2, null)]
    [InlineData(0, 0, 0)]
    [InlineData(1, 2, 3)]
    [InlineData(3, 3, 6)]
    public void Phq2_is_the_sum_of_both_items_only_when_both_are_answered(int? interest, int? down, int? expected) =>
        Assert.Equal(expected, DerivedValues.Phq2(new PsychosocialInfo { LittleInterestOrPleasure = interest, FeelingDownDepressedOrHopeless = down }));

    [Theory]
    [InlineData(null, 3, null)]
    [InlineData(2, 1, 3)]
    public void Gad2_is_the_sum_of_both_items_only_when_both_are_answered(int? nervous, int? worry, int? expected) =>
        Assert.Equal(expected, DerivedValues.Gad2(new PsychosocialInfo { FeelingNervousAnxiousOrOnEdge = nervous, UnableToStopOrControlWorrying = worry }));

    [Theory]
    [InlineData(0, 0, 0, 0, 0)]
    [InlineData(3, 3, 3, 3, 12)]
    [InlineData(1, 2, 0, 3, 6)]
    [InlineData(1, 2, 0, null, null)]
    [InlineData(null, null, null, null, null)]
    public void Back_function_score_needs_all_four_items(int? chair, int? walking, int? socks, int? jobs, int? expected) =>
        Assert.Equal(expected, DerivedValues.BackFunctionScore(new BackFunctionInfo { StandingUpFromChair = chair, Walking15Minutes = walking, PuttingOnSocksAndShoes = socks, LightHouseholdJobs = jobs }));

    [Fact]
    public void Scores_of_an_assessment_without_questionnaires_are_all_null() =>
        Assert.Equal(AssessmentScores.None, DerivedValues.Scores(Builders.AssessmentBuilder.Baseline().Build()));
}
