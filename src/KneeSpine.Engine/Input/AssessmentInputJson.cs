using System.Text;
using System.Text.Json;
using KneeSpine.Engine.Codes;

namespace KneeSpine.Engine.Input;

/// <summary>Writes an <see cref="AssessmentInput"/> as canonical assessment-input JSON.</summary>
/// <remarks>
/// Canonical means: properties in schema order, omitted optional fields and sections omitted,
/// codes in kebab-case. What is written reads back through <see cref="AssessmentInputReader"/>
/// to an equal model, so stored and exchanged inputs keep one form.
/// </remarks>
public static class AssessmentInputJson
{
    private static readonly JsonWriterOptions IndentedOptions = new() { Indented = true };

    /// <summary>Writes <paramref name="input"/> as one JSON object.</summary>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A code is not a member of its code set (check inputs built in code with <see cref="AssessmentInputValidator"/>).</exception>
    public static void Write(Utf8JsonWriter writer, AssessmentInput input)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(input);

        writer.WriteStartObject();
        writer.WriteNumber("schemaVersion"u8, AssessmentInput.SchemaVersion);
        writer.WriteString("assessedOn"u8, InputMessages.Iso(input.AssessedOn));
        WritePatient(writer, input.Patient);
        WriteSurgery(writer, input.Surgery);
        WriteBackPain(writer, input.BackPain);
        if (input.Knee is { } knee)
        {
            writer.WriteStartObject("knee"u8);
            Number(writer, "painNow"u8, knee.PainNow?.Value);
            Number(writer, "painBeforeSurgery"u8, knee.PainBeforeSurgery?.Value);
            writer.WriteEndObject();
        }

        if (input.Activity is { } activity)
        {
            writer.WriteStartObject("activity"u8);
            Number(writer, "exerciseMinutesPerWeek"u8, activity.ExerciseMinutesPerWeek);
            Choice(writer, "levelBeforeSurgery"u8, activity.LevelBeforeSurgery);
            Boolean(writer, "trunkMuscleWeakness"u8, activity.TrunkMuscleWeakness);
            Choice(writer, "walkingAid"u8, activity.WalkingAid);
            Boolean(writer, "limp"u8, activity.Limp);
            Boolean(writer, "legLengthDifferenceNoticed"u8, activity.LegLengthDifferenceNoticed);
            writer.WriteEndObject();
        }

        if (input.Sleep is { } sleep)
        {
            writer.WriteStartObject("sleep"u8);
            Number(writer, "hoursPerNight"u8, sleep.HoursPerNight);
            Choice(writer, "troubleSleeping"u8, sleep.TroubleSleeping);
            Number(writer, "poorNightsPerWeek"u8, sleep.PoorNightsPerWeek);
            writer.WriteEndObject();
        }

        ChoiceList(writer, "conditions"u8, input.Conditions);
        if (input.Medications is { } medications)
        {
            writer.WriteStartObject("medications"u8);
            Choice(writer, "anticoagulant"u8, medications.Anticoagulant);
            ChoiceList(writer, "painMedicines"u8, medications.PainMedicines);
            Number(writer, "opioidDaysLastWeek"u8, medications.OpioidDaysLastWeek);
            Choice(writer, "antiplatelet"u8, medications.Antiplatelet);
            Boolean(writer, "longTermSteroids"u8, medications.LongTermSteroids);
            writer.WriteEndObject();
        }

        if (input.Expectations is { } expectations)
        {
            writer.WriteStartObject("expectations"u8);
            Boolean(writer, "expectsNoPainAtAll"u8, expectations.ExpectsNoPainAtAll);
            Boolean(writer, "expectsSurgeryToFixBackPain"u8, expectations.ExpectsSurgeryToFixBackPain);
            Number(writer, "expectedFullRecoveryWeeks"u8, expectations.ExpectedFullRecoveryWeeks);
            writer.WriteEndObject();
        }

        if (input.Psychosocial is { } psychosocial)
        {
            writer.WriteStartObject("psychosocial"u8);
            Number(writer, "littleInterestOrPleasure"u8, psychosocial.LittleInterestOrPleasure);
            Number(writer, "feelingDownDepressedOrHopeless"u8, psychosocial.FeelingDownDepressedOrHopeless);
            Number(writer, "feelingNervousAnxiousOrOnEdge"u8, psychosocial.FeelingNervousAnxiousOrOnEdge);
            Number(writer, "unableToStopOrControlWorrying"u8, psychosocial.UnableToStopOrControlWorrying);
            Boolean(writer, "avoidsMovementForFearOfHarm"u8, psychosocial.AvoidsMovementForFearOfHarm);
            writer.WriteEndObject();
        }

        if (input.BackFunction is { } backFunction)
        {
            writer.WriteStartObject("backFunction"u8);
            Number(writer, "standingUpFromChair"u8, backFunction.StandingUpFromChair);
            Number(writer, "walking15Minutes"u8, backFunction.Walking15Minutes);
            Number(writer, "puttingOnSocksAndShoes"u8, backFunction.PuttingOnSocksAndShoes);
            Number(writer, "lightHouseholdJobs"u8, backFunction.LightHouseholdJobs);
            writer.WriteEndObject();
        }

        WriteRedFlags(writer, input.RedFlags);
        writer.WriteEndObject();
    }

    /// <summary>The canonical JSON of <paramref name="input"/>, indented for people to read.</summary>
    /// <inheritdoc cref="Write" path="/exception"/>
    public static string ToJson(AssessmentInput input)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, IndentedOptions))
        {
            Write(writer, input);
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static void WritePatient(Utf8JsonWriter writer, PatientInfo patient)
    {
        writer.WriteStartObject("patient"u8);
        writer.WriteNumber("ageYears"u8, patient.AgeYears);
        Choice(writer, "sex"u8, patient.Sex);
        Number(writer, "heightCm"u8, patient.HeightCm);
        Number(writer, "weightKg"u8, patient.WeightKg);
        writer.WriteEndObject();
    }

    private static void WriteSurgery(Utf8JsonWriter writer, SurgeryInfo surgery)
    {
        writer.WriteStartObject("surgery"u8);
        writer.WriteString("date"u8, InputMessages.Iso(surgery.Date));
        Choice(writer, "side"u8, surgery.Side);
        Choice(writer, "procedure"u8, surgery.Procedure);
        Choice(writer, "anesthesia"u8, (Anesthesia?)surgery.Anesthesia);
        Choice(writer, "preoperativeAlignment"u8, surgery.PreoperativeAlignment);
        writer.WriteEndObject();
    }

    private static void WriteBackPain(Utf8JsonWriter writer, BackPainInfo backPain)
    {
        writer.WriteStartObject("backPain"u8);
        writer.WriteNumber("intensityNow"u8, backPain.IntensityNow.Value);
        Number(writer, "intensityWorstLastWeek"u8, backPain.IntensityWorstLastWeek?.Value);
        Choice(writer, "frequency"u8, backPain.Frequency);
        Choice(writer, "startedWhen"u8, backPain.StartedWhen);
        Choice(writer, "historyBeforeSurgery"u8, backPain.HistoryBeforeSurgery);
        Boolean(writer, "painBelowKnee"u8, backPain.PainBelowKnee);
        Boolean(writer, "worseAtNightAtRest"u8, backPain.WorseAtNightAtRest);
        writer.WriteEndObject();
    }

    private static void WriteRedFlags(Utf8JsonWriter writer, RedFlagAnswers flags)
    {
        writer.WriteStartObject("redFlags"u8);
        writer.WriteBoolean("newBladderOrBowelProblem"u8, flags.NewBladderOrBowelProblem);
        writer.WriteBoolean("numbnessInSaddleArea"u8, flags.NumbnessInSaddleArea);
        writer.WriteBoolean("sciaticaBothLegs"u8, flags.SciaticaBothLegs);
        writer.WriteBoolean("legWeaknessOrNumbnessGettingWorse"u8, flags.LegWeaknessOrNumbnessGettingWorse);
        writer.WriteBoolean("newLegWeaknessOrNumbness"u8, flags.NewLegWeaknessOrNumbness);
        writer.WriteBoolean("suddenSevereBackPain"u8, flags.SuddenSevereBackPain);
        writer.WriteBoolean("chestPainOrShortnessOfBreath"u8, flags.ChestPainOrShortnessOfBreath);
        writer.WriteBoolean("coughingBloodOrFainting"u8, flags.CoughingBloodOrFainting);
        writer.WriteBoolean("feverOrChills"u8, flags.FeverOrChills);
        writer.WriteBoolean("woundRednessOrDischarge"u8, flags.WoundRednessOrDischarge);
        writer.WriteBoolean("recentFallOrInjury"u8, flags.RecentFallOrInjury);
        writer.WriteBoolean("calfSwellingOrPain"u8, flags.CalfSwellingOrPain);
        writer.WriteBoolean("unexplainedWeightLoss"u8, flags.UnexplainedWeightLoss);
        writer.WriteBoolean("severePainNotEasedByRestOrPosition"u8, flags.SeverePainNotEasedByRestOrPosition);
        writer.WriteEndObject();
    }

    private static void Number(Utf8JsonWriter writer, ReadOnlySpan<byte> name, int? value)
    {
        if (value is { } v)
        {
            writer.WriteNumber(name, v);
        }
    }

    private static void Number(Utf8JsonWriter writer, ReadOnlySpan<byte> name, double? value)
    {
        if (value is { } v)
        {
            writer.WriteNumber(name, v);
        }
    }

    private static void Boolean(Utf8JsonWriter writer, ReadOnlySpan<byte> name, bool? value)
    {
        if (value is { } v)
        {
            writer.WriteBoolean(name, v);
        }
    }

    private static void Choice<TCode>(Utf8JsonWriter writer, ReadOnlySpan<byte> name, TCode? value) where TCode : struct, Enum
    {
        if (value is { } v)
        {
            writer.WriteString(name, Code<TCode>.ToCode(v));
        }
    }

    private static void ChoiceList<TCode>(Utf8JsonWriter writer, ReadOnlySpan<byte> name, IReadOnlyList<TCode>? values) where TCode : struct, Enum
    {
        if (values is null)
        {
            return;
        }

        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(Code<TCode>.ToCode(value));
        }

        writer.WriteEndArray();
    }
}
