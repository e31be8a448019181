using System.Text;
using System.Text.Json.Nodes;
using KneeSpine.Engine.Input;

namespace KneeSpine.Engine.Tests.Input;

public sealed class AssessmentInputReaderTests
{
    private static InputReadResult Read(byte[] json) => AssessmentInputReader.Read(json);

    private static InputReadResult Read(string json) => AssessmentInputReader.Read(Encoding.UTF8.GetBytes(json));

    private static ValidationError SingleError(InputReadResult result)
    {
        Assert.Null(result.Input);
        return Assert.Single(result.Errors);
    }

    private static JsonObject Section(JsonObject root, string name) => root[name]!.AsObject();

    [Fact]
    public void A_complete_document_reads_into_the_model_with_every_field()
    {
        var result = Read(ValidInput.Text);

        Assert.Empty(result.Errors);
        var input = Assert.IsType<AssessmentInput>(result.Input);
        Assert.Equal(new DateOnly(2026, 3, 16), input.AssessedOn);
        Assert.Equal(67, input.Patient.AgeYears);
        Assert.Equal(Sex.Female, input.Patient.Sex);
        Assert.Equal(165.5, input.Patient.HeightCm);
        Assert.Equal(82, input.Patient.WeightKg);
        Assert.Equal(new DateOnly(2026, 3, 2), input.Surgery.Date);
        Assert.Equal(Anesthesia.Spinal, input.Surgery.Anesthesia);
        Assert.Equal(KneeAlignment.Varus, input.Surgery.PreoperativeAlignment);
        Assert.Equal(3, input.BackPain.IntensityNow.Value);
        Assert.Equal(6, input.BackPain.IntensityWorstLastWeek?.Value);
        Assert.Equal(PainOnset.AfterSurgery, input.BackPain.StartedWhen);
        Assert.False(input.BackPain.PainBelowKnee);
        Assert.Equal(4, input.Knee?.PainNow?.Value);
        Assert.Equal(WalkingAid.Walker, input.Activity?.WalkingAid);
        Assert.True(input.Activity?.TrunkMuscleWeakness);
        Assert.Equal(5.5, input.Sleep?.HoursPerNight);
        Assert.Equal([Condition.Diabetes, Condition.Obesity], input.Conditions);
        Assert.Equal([PainMedicine.Paracetamol, PainMedicine.Opioid], input.Medications?.PainMedicines);
        Assert.Equal(AnticoagulantUse.Prophylactic, input.Medications?.Anticoagulant);
        Assert.Equal(10, input.Expectations?.ExpectedFullRecoveryWeeks);
        Assert.Equal(AntiplateletUse.None, input.Medications?.Antiplatelet);
        Assert.False(input.Medications?.LongTermSteroids);
        Assert.Equal(1, input.Psychosocial?.LittleInterestOrPleasure);
        Assert.Equal(2, input.Psychosocial?.FeelingNervousAnxiousOrOnEdge);
        Assert.False(input.Psychosocial?.AvoidsMovementForFearOfHarm);
        Assert.Equal(2, input.BackFunction?.Walking15Minutes);
        Assert.Equal(1, input.BackFunction?.LightHouseholdJobs);
        Assert.False(input.RedFlags.FeverOrChills);
    }

    [Fact]
    public void Properties_in_any_order_read_the_same()
    {
        static JsonObject Reversed(JsonObject node)
        {
            var copy = new JsonObject();
            foreach (var (name, value) in node.Reverse().ToList())
            {
                copy[name] = value is JsonObject inner ? Reversed(inner) : value?.DeepClone();
            }

            return copy;
        }

        var reversed = Read(ValidInput.Bytes(Reversed(ValidInput.Node()))).Input!;
        var ordered = Read(ValidInput.Text).Input!;

        Assert.Equal(AssessmentInputJson.ToJson(ordered), AssessmentInputJson.ToJson(reversed));
    }

    [Fact]
    public void Omitted_optional_fields_and_sections_read_as_null()
    {
        var input = Read(ValidInput.With(root =>
        {
            root.Remove("knee");
            root.Remove("conditions");
            Section(root, "patient").Remove("sex");
        })).Input!;

        Assert.Null(input.Knee);
        Assert.Null(input.Conditions);
        Assert.Null(input.Patient.Sex);
    }

    [Fact]
    public void Each_red_flag_answer_is_read_into_its_own_property()
    {
        var names = InputFields.All.Where(f => f.Section == "redFlags").Select(f => f.Path["redFlags.".Length..]).ToList();
        foreach (var name in names)
        {
            var input = Read(ValidInput.With(root => Section(root, "redFlags")[name] = true)).Input!;
            var flags = input.RedFlags;
            bool[] values =
            [
                flags.NewBladderOrBowelProblem, flags.NumbnessInSaddleArea, flags.SciaticaBothLegs, flags.LegWeaknessOrNumbnessGettingWorse,
                flags.NewLegWeaknessOrNumbness, flags.SuddenSevereBackPain, flags.ChestPainOrShortnessOfBreath, flags.CoughingBloodOrFainting,
                flags.FeverOrChills, flags.WoundRednessOrDischarge, flags.RecentFallOrInjury, flags.CalfSwellingOrPain,
                flags.UnexplainedWeightLoss, flags.SeverePainNotEasedByRestOrPosition,
            ];
            Assert.Equal(names.Select(n => n == name), values);
        }
    }

    [Theory]
    [MemberData(nameof(ExampleFiles))]
    public void Every_example_of_the_specification_reads_valid(string file)
    {
        var result = AssessmentInputReader.Read(File.ReadAllBytes(file));

        Assert.Empty(result.Errors);
        Assert.NotNull(result.Input);
    }

    public static TheoryData<string> ExampleFiles() => [.. RepositorySpec.ExampleNames.Select(RepositorySpec.InputOf)];

    [Theory]
    [InlineData("{\"schemaVersion\": 1,")]
    [InlineData("not json at all")]
    [InlineData("{\"schemaVersion\": 1} {}")]
    [InlineData("{'schemaVersion': 1}")]
    [InlineData("{\"schemaVersion\": 1, /* comment */ }")]
    public void Text_that_is_not_one_json_document_is_reported_at_the_root(string text)
    {
        var error = SingleError(Read(text));

        Assert.Equal("$", error.Path);
        Assert.Contains("not valid JSON", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_truncated_document_is_reported_at_the_root_with_its_position()
    {
        var error = SingleError(Read(ValidInput.Text[..200]));

        Assert.Equal("$", error.Path);
        Assert.Contains("cut short", error.Message, StringComparison.Ordinal);
        Assert.Contains("line ", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  \n ")]
    public void Empty_input_is_reported_at_the_root(string text)
    {
        var error = SingleError(Read(text));

        Assert.Equal(("$", InputMessagesText.Empty), (error.Path, error.Message));
    }

    [Theory]
    [InlineData("[]", "a list")]
    [InlineData("7", "7")]
    [InlineData("\"text\"", "the text \"text\"")]
    [InlineData("null", "null")]
    public void A_root_that_is_not_an_object_is_reported_at_the_root(string text, string described)
    {
        var error = SingleError(Read(text));

        Assert.Equal("$", error.Path);
        Assert.EndsWith($"but is {described}.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_byte_order_mark_is_ignored()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(ValidInput.Text)).ToArray();

        Assert.True(AssessmentInputReader.Read(bytes).IsValid);
    }

    [Theory]
    [InlineData("", "colour", "colour")]
    [InlineData("patient", "name", "patient.name")]
    [InlineData("redFlags", "headache", "redFlags.headache")]
    [InlineData("knee", "PainNow", "knee.PainNow")]
    public void Unknown_properties_are_rejected_at_any_level(string section, string name, string path)
    {
        var error = SingleError(Read(ValidInput.With(root => (section.Length == 0 ? root : Section(root, section))[name] = 1)));

        Assert.Equal(path, error.Path);
        Assert.StartsWith("Is not a known field here.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_property_message_lists_the_known_fields_of_its_section()
    {
        var error = SingleError(Read(ValidInput.With(root => Section(root, "sleep")["naps"] = 2)));

        Assert.Contains("hoursPerNight, troubleSleeping, poorNightsPerWeek", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("patient", "ageYears", "patient.ageYears")]
    [InlineData("surgery", "date", "surgery.date")]
    [InlineData("surgery", "anesthesia", "surgery.anesthesia")]
    [InlineData("backPain", "intensityNow", "backPain.intensityNow")]
    [InlineData("", "assessedOn", "assessedOn")]
    [InlineData("", "schemaVersion", "schemaVersion")]
    [InlineData("", "patient", "patient")]
    [InlineData("", "surgery", "surgery")]
    [InlineData("", "backPain", "backPain")]
    public void A_missing_required_field_is_reported_at_its_path(string section, string name, string path)
    {
        var error = SingleError(Read(ValidInput.With(root => (section.Length == 0 ? root : Section(root, section)).Remove(name))));

        Assert.Equal(path, error.Path);
        Assert.StartsWith("Required, but missing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_missing_red_flag_answer_is_reported_and_never_taken_as_no()
    {
        var result = Read(ValidInput.With(root =>
        {
            Section(root, "redFlags").Remove("feverOrChills");
            Section(root, "redFlags").Remove("calfSwellingOrPain");
        }));

        Assert.Null(result.Input);
        Assert.Equal(["redFlags.feverOrChills", "redFlags.calfSwellingOrPain"], result.Errors.Select(e => e.Path));
        Assert.All(result.Errors, e => Assert.Contains("never taken as \"no\"", e.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void A_missing_red_flag_section_is_reported_and_never_taken_as_no()
    {
        var error = SingleError(Read(ValidInput.With(root => root.Remove("redFlags"))));

        Assert.Equal("redFlags", error.Path);
        Assert.Contains("never taken as \"no\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_red_flag_section_reports_every_question()
    {
        var result = Read(ValidInput.With(root => root["redFlags"] = new JsonObject()));

        Assert.Equal(InputFields.All.Where(f => f.Section == "redFlags").Select(f => f.Path), result.Errors.Select(e => e.Path));
    }

    [Fact]
    public void An_empty_object_reports_every_required_field_of_the_root()
    {
        var result = Read("{}");

        Assert.Equal(["schemaVersion", "assessedOn", "patient", "surgery", "backPain", "redFlags"], result.Errors.Select(e => e.Path));
    }

    [Theory]
    [InlineData("backPain", "intensityNow", "\"7\"", "the text \"7\"")]
    [InlineData("backPain", "intensityNow", "7.5", "7.5")]
    [InlineData("backPain", "intensityNow", "true", "true")]
    [InlineData("patient", "heightCm", "true", "true")]
    [InlineData("patient", "heightCm", "\"170\"", "the text \"170\"")]
    [InlineData("redFlags", "feverOrChills", "\"no\"", "the text \"no\"")]
    [InlineData("redFlags", "feverOrChills", "0", "0")]
    [InlineData("surgery", "anesthesia", "1", "1")]
    [InlineData("surgery", "date", "20260302", "20260302")]
    [InlineData("knee", "painNow", "[]", "a list")]
    [InlineData("activity", "limp", "{}", "an object")]
    public void A_value_of_the_wrong_type_is_reported_at_its_path(string section, string name, string json, string described)
    {
        var error = SingleError(Read(ValidInput.With(root => Section(root, section)[name] = JsonNode.Parse(json))));

        Assert.Equal($"{section}.{name}", error.Path);
        Assert.StartsWith("Must be ", error.Message, StringComparison.Ordinal);
        Assert.EndsWith($"but is {described}.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_list_that_is_not_an_array_is_reported_at_its_path()
    {
        var error = SingleError(Read(ValidInput.With(root => root["conditions"] = "diabetes")));

        Assert.Equal("conditions", error.Path);
        Assert.Contains("list of codes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_section_that_is_not_an_object_is_reported_at_its_name()
    {
        var error = SingleError(Read(ValidInput.With(root => root["sleep"] = 8)));

        Assert.Equal("sleep", error.Path);
        Assert.EndsWith("but is 8.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_whole_number_written_with_a_zero_fraction_is_accepted_as_an_integer()
    {
        var input = Read(ValidInput.With(root => Section(root, "backPain")["intensityNow"] = JsonNode.Parse("7.0"))).Input!;

        Assert.Equal(7, input.BackPain.IntensityNow.Value);
    }

    [Theory]
    [InlineData("patient", "ageYears", "17", "18 to 120")]
    [InlineData("patient", "ageYears", "121", "18 to 120")]
    [InlineData("patient", "heightCm", "99.9", "100 to 250")]
    [InlineData("patient", "weightKg", "351", "25 to 350")]
    [InlineData("backPain", "intensityNow", "11", "0 to 10")]
    [InlineData("backPain", "intensityNow", "-1", "0 to 10")]
    [InlineData("knee", "painBeforeSurgery", "12", "0 to 10")]
    [InlineData("activity", "exerciseMinutesPerWeek", "5001", "0 to 5000")]
    [InlineData("sleep", "hoursPerNight", "24.5", "0 to 24")]
    [InlineData("sleep", "poorNightsPerWeek", "8", "0 to 7")]
    [InlineData("medications", "opioidDaysLastWeek", "8", "0 to 7")]
    [InlineData("expectations", "expectedFullRecoveryWeeks", "521", "0 to 520")]
    public void A_value_out_of_range_is_reported_with_the_range(string section, string name, string json, string range)
    {
        var error = SingleError(Read(ValidInput.With(root => Section(root, section)[name] = JsonNode.Parse(json))));

        Assert.Equal($"{section}.{name}", error.Path);
        Assert.Equal($"Must be from {range}, but is {json}.", error.Message);
    }

    [Theory]
    [InlineData("1e400")]
    [InlineData("-1e400")]
    [InlineData("99999999999999999999999999999999999999")]
    [InlineData("1e30")]
    [InlineData("123456789012345678901234567890.5")]
    public void Huge_numbers_are_out_of_range_and_do_not_overflow(string huge)
    {
        var text = ValidInput.Text.Replace("\"ageYears\": 67", $"\"ageYears\": {huge}", StringComparison.Ordinal)
            .Replace("\"heightCm\": 165.5", $"\"heightCm\": {huge}", StringComparison.Ordinal);

        var result = Read(text);

        Assert.Equal(["patient.ageYears", "patient.heightCm"], result.Errors.Select(e => e.Path));
        Assert.All(result.Errors, e => Assert.StartsWith("Must be from", e.Message, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(-1)]
    [InlineData("2")]
    [InlineData(2.5)]
    public void A_schema_version_other_than_2_is_rejected(object version)
    {
        var error = SingleError(Read(ValidInput.With(root => root["schemaVersion"] = JsonValue.Create(version))));

        Assert.Equal("schemaVersion", error.Path);
        Assert.StartsWith("Must be 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_version_1_input_is_invalid_naming_schemaVersion_and_the_red_flag_questions_that_must_be_asked()
    {
        var result = Read(ValidInput.With(root =>
        {
            root["schemaVersion"] = 1;
            foreach (var added in new[] { "sciaticaBothLegs", "newLegWeaknessOrNumbness", "suddenSevereBackPain", "coughingBloodOrFainting" })
            {
                Section(root, "redFlags").Remove(added);
            }
        }));

        Assert.Null(result.Input);
        var version = result.Errors[0];
        Assert.Equal("schemaVersion", version.Path);
        Assert.Contains("version 2", version.Message, StringComparison.Ordinal);
        Assert.Contains("red-flag questions that must be asked", version.Message, StringComparison.Ordinal);
        Assert.Contains("redFlags.suddenSevereBackPain", version.Message, StringComparison.Ordinal);
        Assert.Equal(
            ["schemaVersion", "redFlags.sciaticaBothLegs", "redFlags.newLegWeaknessOrNumbness", "redFlags.suddenSevereBackPain", "redFlags.coughingBloodOrFainting"],
            result.Errors.Select(e => e.Path));
    }

    [Fact]
    public void An_unknown_code_is_reported_with_the_allowed_codes()
    {
        var error = SingleError(Read(ValidInput.With(root => Section(root, "surgery")["anesthesia"] = "sedation")));

        Assert.Equal("surgery.anesthesia", error.Path);
        Assert.Equal("\"sedation\" is not an allowed code. Allowed codes: spinal, epidural, combined-spinal-epidural, general, unknown.", error.Message);
    }

    [Fact]
    public void Codes_are_case_sensitive()
    {
        var error = SingleError(Read(ValidInput.With(root => Section(root, "patient")["sex"] = "Female")));

        Assert.Equal("patient.sex", error.Path);
    }

    [Fact]
    public void An_unknown_code_in_a_list_is_reported_at_its_index()
    {
        var error = SingleError(Read(ValidInput.With(root => root["conditions"] = new JsonArray("diabetes", "gout"))));

        Assert.Equal("conditions[1]", error.Path);
        Assert.Contains("obesity, diabetes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_duplicate_list_entry_is_reported_at_its_index_with_the_first()
    {
        var error = SingleError(Read(ValidInput.With(root => root["conditions"] = new JsonArray("diabetes", "obesity", "anxiety", "diabetes"))));

        Assert.Equal("conditions[3]", error.Path);
        Assert.Equal("\"diabetes\" is listed more than once (first at conditions[0]); list each code once.", error.Message);
    }

    [Fact]
    public void A_duplicate_pain_medicine_is_reported_at_its_index()
    {
        var error = SingleError(Read(ValidInput.With(root => Section(root, "medications")["painMedicines"] = new JsonArray("opioid", "opioid"))));

        Assert.Equal("medications.painMedicines[1]", error.Path);
    }

    [Fact]
    public void An_empty_list_is_valid_and_kept_empty()
    {
        var input = Read(ValidInput.With(root => root["conditions"] = new JsonArray())).Input!;

        Assert.NotNull(input.Conditions);
        Assert.Empty(input.Conditions);
    }

    [Theory]
    [InlineData("2026-02-30")]
    [InlineData("2026-13-01")]
    [InlineData("2025-02-29")]
    [InlineData("0000-01-01")]
    [InlineData("2026-00-10")]
    public void An_impossible_date_is_reported_at_its_path(string date)
    {
        var error = SingleError(Read(ValidInput.With(root => Section(root, "surgery")["date"] = date)));

        Assert.Equal("surgery.date", error.Path);
        Assert.Equal($"\"{date}\" is not a real calendar date.", error.Message);
    }

    [Theory]
    [InlineData("16/03/2026")]
    [InlineData("2026-3-16")]
    [InlineData("2026-03-16T00:00:00")]
    [InlineData("2026-03-16 ")]
    [InlineData("+026-03-16")]
    [InlineData("")]
    public void A_date_not_written_as_year_month_day_is_reported_at_its_path(string date)
    {
        var error = SingleError(Read(ValidInput.With(root => root["assessedOn"] = date)));

        Assert.Equal("assessedOn", error.Path);
        Assert.StartsWith("Must be a date written as YYYY-MM-DD", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_leap_day_is_a_real_date()
    {
        var input = Read(ValidInput.With(root =>
        {
            Section(root, "surgery")["date"] = "2028-02-29";
            root["assessedOn"] = "2028-03-01";
        })).Input!;

        Assert.Equal(new DateOnly(2028, 2, 29), input.Surgery.Date);
    }

    [Fact]
    public void An_assessment_before_the_surgery_is_reported_at_assessedOn()
    {
        var error = SingleError(Read(ValidInput.With(root => root["assessedOn"] = "2026-03-01")));

        Assert.Equal("assessedOn", error.Path);
        Assert.Contains("before the surgery date 2026-03-02", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_assessment_on_the_day_of_surgery_is_valid()
    {
        Assert.True(Read(ValidInput.With(root => root["assessedOn"] = "2026-03-02")).IsValid);
    }

    [Theory]
    [InlineData("{\"schemaVersion\": 2, \"schemaVersion\": 2", "schemaVersion")]
    [InlineData("{\"assessedOn\": \"2026-03-16\", \"assessedOn\": \"2026-03-16\"", "assessedOn")]
    [InlineData("{\"knee\": {}, \"knee\": {}", "knee")]
    [InlineData("{\"knee\": {\"painNow\": 1, \"painNow\": 2}", "knee.painNow")]
    [InlineData("{\"redFlags\": {\"feverOrChills\": false, \"feverOrChills\": true}", "redFlags.feverOrChills")]
    public void A_property_given_twice_is_reported_at_its_path(string start, string path)
    {
        var text = start + ValidInput.Text.Trim()[1..].Insert(0, ",");
        var fixedText = text.Replace("\"knee\": { \"painNow\": 4, \"painBeforeSurgery\": 8 },", string.Empty, StringComparison.Ordinal);

        var result = Read(path.StartsWith("knee", StringComparison.Ordinal) ? fixedText : text);

        Assert.Contains(result.Errors, e => e.Path == path && e.Message.StartsWith("Appears more than once", StringComparison.Ordinal));
        Assert.Null(result.Input);
    }

    [Fact]
    public void An_escaped_property_name_is_the_same_name()
    {
        var text = ValidInput.Text.Replace("\"ageYears\"", "\"\\u0061geYears\"", StringComparison.Ordinal)
            .Replace("\"spinal\"", "\"sp\\u0069nal\"", StringComparison.Ordinal);

        var input = Read(text).Input!;

        Assert.Equal(67, input.Patient.AgeYears);
        Assert.Equal(Anesthesia.Spinal, input.Surgery.Anesthesia);
    }

    [Theory]
    [InlineData("redFlags", "feverOrChills", "never taken as \"no\"")]
    [InlineData("patient", "ageYears", "a value is required")]
    [InlineData("patient", "sex", "leave the field out")]
    [InlineData("", "conditions", "leave the field out")]
    [InlineData("", "knee", "leave the section out")]
    [InlineData("", "redFlags", "never taken as \"no\"")]
    [InlineData("", "assessedOn", "a value is required")]
    public void Null_is_never_an_allowed_value(string section, string name, string explanation)
    {
        var error = SingleError(Read(ValidInput.With(root => (section.Length == 0 ? root : Section(root, section))[name] = null)));

        Assert.Equal(section.Length == 0 ? name : $"{section}.{name}", error.Path);
        Assert.StartsWith("Must not be null", error.Message, StringComparison.Ordinal);
        Assert.Contains(explanation, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Null_in_a_list_is_reported_at_its_index()
    {
        var error = SingleError(Read(ValidInput.With(root => root["conditions"] = new JsonArray("diabetes", null))));

        Assert.Equal("conditions[1]", error.Path);
        Assert.StartsWith("Must not be null", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_problem_of_one_document_is_reported_together_in_document_order()
    {
        var result = Read(ValidInput.With(root =>
        {
            root["schemaVersion"] = 3;
            root["assessedOn"] = "2026-02-30";
            Section(root, "patient")["ageYears"] = "old";
            Section(root, "patient")["nickname"] = "Jo";
            Section(root, "surgery")["anesthesia"] = "sedation";
            Section(root, "backPain")["intensityNow"] = 11;
            root["conditions"] = new JsonArray("diabetes", "diabetes");
            Section(root, "redFlags").Remove("numbnessInSaddleArea");
            Section(root, "redFlags")["chestPainOrShortnessOfBreath"] = null;
        }));

        Assert.Null(result.Input);
        Assert.Equal(
            [
                "schemaVersion", "assessedOn", "patient.ageYears", "patient.nickname", "surgery.anesthesia", "backPain.intensityNow",
                "conditions[1]", "redFlags.chestPainOrShortnessOfBreath", "redFlags.numbnessInSaddleArea",
            ],
            result.Errors.Select(e => e.Path));
        Assert.All(result.Errors, e => Assert.False(string.IsNullOrWhiteSpace(e.Message)));
    }

    [Fact]
    public void Control_characters_in_quoted_values_are_not_echoed()
    {
        var error = SingleError(Read(ValidInput.With(root => Section(root, "patient")["sex"] = "\u001b[31mred")));

        Assert.DoesNotContain('\u001b', error.Message);
    }

    [Fact]
    public void Long_values_are_shortened_in_messages()
    {
        var error = SingleError(Read(ValidInput.With(root => Section(root, "patient")["sex"] = new string('x', 5000))));

        Assert.True(error.Message.Length < 300, error.Message);
    }

    [Fact]
    public void Invalid_utf8_is_reported_without_throwing()
    {
        var bytes = Encoding.UTF8.GetBytes(ValidInput.Text.Replace("\"female\"", "\"fem\"", StringComparison.Ordinal));
        var at = Array.IndexOf(bytes, (byte)'f', Encoding.UTF8.GetBytes(ValidInput.Text).AsSpan().IndexOf("\"female\""u8));
        bytes[at] = 0xC3;

        var result = AssessmentInputReader.Read(bytes);

        Assert.Null(result.Input);
        Assert.NotEmpty(result.Errors);
    }
}
