using System.Text;
using System.Text.Json;
using KneeSpine.Engine.Input;

namespace KneeSpine.Engine.Tests.Input;

public sealed class AssessmentInputJsonTests
{
    private static AssessmentInput ReadValid(string json)
    {
        var result = AssessmentInputReader.Read(Encoding.UTF8.GetBytes(json));
        Assert.Empty(result.Errors);
        return result.Input!;
    }

    /// <summary>Records compare lists by reference, so equality is checked on the parts, lists by content.</summary>
    private static void AssertSameModel(AssessmentInput expected, AssessmentInput actual)
    {
        Assert.Equal(expected with { Conditions = null, Medications = null }, actual with { Conditions = null, Medications = null });
        Assert.Equal(expected.Conditions, actual.Conditions);
        Assert.Equal(expected.Medications?.PainMedicines, actual.Medications?.PainMedicines);
        Assert.Equal(expected.Medications is null ? null : expected.Medications with { PainMedicines = null },
            actual.Medications is null ? null : actual.Medications with { PainMedicines = null });
    }

    [Fact]
    public void Writing_and_reading_back_gives_an_equal_model_for_thousands_of_random_inputs()
    {
        var random = new Random(20261125);
        for (var i = 0; i < 3000; i++)
        {
            var input = RandomInputs.Next(random);

            var read = ReadValid(AssessmentInputJson.ToJson(input));

            AssertSameModel(input, read);
        }
    }

    [Theory]
    [MemberData(nameof(AssessmentInputReaderTests.ExampleFiles), MemberType = typeof(AssessmentInputReaderTests))]
    public void Every_example_round_trips_to_the_same_canonical_json(string file)
    {
        var input = AssessmentInputReader.Read(File.ReadAllBytes(file)).Input!;
        var json = AssessmentInputJson.ToJson(input);
        var again = ReadValid(json);

        AssertSameModel(input, again);
        Assert.Equal(json, AssessmentInputJson.ToJson(again));
    }

    [Fact]
    public void Canonical_json_omits_omitted_optionals_and_keeps_schema_order()
    {
        var input = new AssessmentInput(
            new DateOnly(2026, 3, 16),
            new PatientInfo(67),
            new SurgeryInfo(new DateOnly(2026, 3, 2), Anesthesia.CombinedSpinalEpidural),
            new BackPainInfo(new PainScore(3)),
            new RedFlagAnswers(false, false, false, false, false, false, false, false, true, false, false, false, false, false))
        {
            Sleep = new SleepInfo { HoursPerNight = 6.5 },
            Conditions = [Condition.LumbarSpinalStenosis],
            BackFunction = new BackFunctionInfo { Walking15Minutes = 2 },
        };

        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            AssessmentInputJson.Write(writer, input);
        }

        Assert.Equal(
            """{"schemaVersion":2,"assessedOn":"2026-03-16","patient":{"ageYears":67},"surgery":{"date":"2026-03-02","anesthesia":"combined-spinal-epidural"},"backPain":{"intensityNow":3},"sleep":{"hoursPerNight":6.5},"conditions":["lumbar-spinal-stenosis"],"backFunction":{"walking15Minutes":2},"redFlags":{"newBladderOrBowelProblem":false,"numbnessInSaddleArea":false,"sciaticaBothLegs":false,"legWeaknessOrNumbnessGettingWorse":false,"newLegWeaknessOrNumbness":false,"suddenSevereBackPain":false,"chestPainOrShortnessOfBreath":false,"coughingBloodOrFainting":false,"feverOrChills":true,"woundRednessOrDischarge":false,"recentFallOrInjury":false,"calfSwellingOrPain":false,"unexplainedWeightLoss":false,"severePainNotEasedByRestOrPosition":false}}""",
            Encoding.UTF8.GetString(buffer.ToArray()));
    }

    [Fact]
    public void An_empty_optional_section_is_kept()
    {
        var input = ReadValid(Encoding.UTF8.GetString(ValidInput.With(root => root["knee"] = new System.Text.Json.Nodes.JsonObject())));

        Assert.NotNull(input.Knee);
        Assert.Contains("\"knee\": {}", AssessmentInputJson.ToJson(input), StringComparison.Ordinal);
    }
}
