using KneeSpine.Engine.Input;

namespace KneeSpine.Engine.Tests.Input;

public sealed class AssessmentInputValidatorTests
{
    private static readonly AssessmentInput Valid = AssessmentInputReader.Read(System.Text.Encoding.UTF8.GetBytes(ValidInput.Text)).Input!;

    private static ValidationError SingleError(AssessmentInput input) => Assert.Single(AssessmentInputValidator.Validate(input));

    [Fact]
    public void A_valid_input_has_no_errors()
    {
        Assert.Empty(AssessmentInputValidator.Validate(Valid));
    }

    [Fact]
    public void Thousands_of_random_valid_inputs_have_no_errors()
    {
        var random = new Random(7);
        for (var i = 0; i < 2000; i++)
        {
            Assert.Empty(AssessmentInputValidator.Validate(RandomInputs.Next(random)));
        }
    }

    [Fact]
    public void An_age_out_of_range_gets_the_same_path_and_message_as_the_reader()
    {
        var fromCode = SingleError(Valid with { Patient = Valid.Patient with { AgeYears = 130 } });
        var fromJson = Assert.Single(AssessmentInputReader.Read(ValidInput.With(root => root["patient"]!["ageYears"] = 130)).Errors);

        Assert.Equal(fromJson, fromCode);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(99.5)]
    public void A_height_that_is_not_a_number_in_range_is_rejected(double height)
    {
        var error = SingleError(Valid with { Patient = Valid.Patient with { HeightCm = height } });

        Assert.Equal("patient.heightCm", error.Path);
        Assert.StartsWith("Must be from 100 to 250", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ranges_of_optional_numbers_are_checked()
    {
        var input = Valid with
        {
            Sleep = new SleepInfo { HoursPerNight = 25, PoorNightsPerWeek = 8 },
            Activity = new ActivityInfo { ExerciseMinutesPerWeek = -1 },
            Medications = new MedicationInfo { OpioidDaysLastWeek = 9 },
            Expectations = new ExpectationsInfo { ExpectedFullRecoveryWeeks = 600 },
        };

        Assert.Equal(
            ["activity.exerciseMinutesPerWeek", "sleep.hoursPerNight", "sleep.poorNightsPerWeek", "medications.opioidDaysLastWeek", "expectations.expectedFullRecoveryWeeks"],
            AssessmentInputValidator.Validate(input).Select(e => e.Path));
    }

    [Fact]
    public void A_duplicate_condition_gets_the_same_path_and_message_as_the_reader()
    {
        var fromCode = SingleError(Valid with { Conditions = [Condition.Diabetes, Condition.Obesity, Condition.Anxiety, Condition.Diabetes] });
        var fromJson = Assert.Single(AssessmentInputReader.Read(ValidInput.With(root => root["conditions"] = new System.Text.Json.Nodes.JsonArray("diabetes", "obesity", "anxiety", "diabetes"))).Errors);

        Assert.Equal("conditions[3]", fromCode.Path);
        Assert.Equal(fromJson, fromCode);
    }

    [Fact]
    public void A_duplicate_pain_medicine_is_reported_at_its_index()
    {
        var error = SingleError(Valid with { Medications = new MedicationInfo { PainMedicines = [PainMedicine.Nsaid, PainMedicine.Nsaid] } });

        Assert.Equal("medications.painMedicines[1]", error.Path);
    }

    [Fact]
    public void An_assessment_before_surgery_gets_the_same_path_and_message_as_the_reader()
    {
        var fromCode = SingleError(Valid with { AssessedOn = new DateOnly(2026, 3, 1) });
        var fromJson = Assert.Single(AssessmentInputReader.Read(ValidInput.With(root => root["assessedOn"] = "2026-03-01")).Errors);

        Assert.Equal("assessedOn", fromCode.Path);
        Assert.Equal(fromJson, fromCode);
    }

    [Fact]
    public void A_code_that_is_not_a_member_of_its_set_is_reported_with_the_allowed_codes()
    {
        var error = SingleError(Valid with { Surgery = Valid.Surgery with { Anesthesia = (Anesthesia)42 } });

        Assert.Equal("surgery.anesthesia", error.Path);
        Assert.Contains("Allowed codes: spinal, epidural", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_list_entry_that_is_not_a_member_is_reported_at_its_index()
    {
        var error = SingleError(Valid with { Conditions = [Condition.Diabetes, (Condition)99] });

        Assert.Equal("conditions[1]", error.Path);
    }

    [Fact]
    public void A_missing_red_flag_section_is_invalid_and_never_taken_as_no()
    {
        var error = SingleError(Valid with { RedFlags = null! });

        Assert.Equal("redFlags", error.Path);
        Assert.Contains("never taken as \"no\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_required_sections_are_each_reported()
    {
        var errors = AssessmentInputValidator.Validate(Valid with { Patient = null!, Surgery = null!, BackPain = null! });

        Assert.Equal(["patient", "surgery", "backPain"], errors.Select(e => e.Path));
    }

    [Fact]
    public void Code_enums_number_their_members_in_code_order_as_the_reader_assumes()
    {
        void Check<T>() where T : struct, Enum =>
            Assert.Equal(Enumerable.Range(0, KneeSpine.Engine.Codes.Code<T>.Values.Count), KneeSpine.Engine.Codes.Code<T>.Values.Select(v => Convert.ToInt32(v, System.Globalization.CultureInfo.InvariantCulture)));

        Check<Sex>();
        Check<SurgerySide>();
        Check<SurgeryProcedure>();
        Check<Anesthesia>();
        Check<KneeAlignment>();
        Check<PainFrequency>();
        Check<PainOnset>();
        Check<BackPainHistory>();
        Check<ActivityLevel>();
        Check<WalkingAid>();
        Check<SleepTrouble>();
        Check<Condition>();
        Check<AnticoagulantUse>();
        Check<PainMedicine>();
    }
}
