using System.Globalization;

namespace KneeSpine.Engine.Input;

/// <summary>Checks an <see cref="AssessmentInput"/> built in code (web form, FHIR mapping) against the schema's ranges and cross-field rules.</summary>
/// <remarks>
/// The same rules, paths and messages as <see cref="AssessmentInputReader"/>, for what the type
/// system cannot rule out: numbers out of range, codes that are not members of their set,
/// duplicate list entries, a missing required section, and an assessment dated before the surgery.
/// </remarks>
public static class AssessmentInputValidator
{
    /// <summary>Every problem with <paramref name="input"/>, each with its JSON path; empty when valid.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="input"/> is <see langword="null"/>.</exception>
    public static IReadOnlyList<ValidationError> Validate(AssessmentInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new ErrorList();

        if (input.Patient is null)
        {
            errors.Add("patient", InputMessages.SectionMissing("patient"));
        }
        else
        {
            Number(FieldIndex.AgeYears, input.Patient.AgeYears, ref errors);
            Code(FieldIndex.Sex, input.Patient.Sex, ref errors);
            Number(FieldIndex.HeightCm, input.Patient.HeightCm, ref errors);
            Number(FieldIndex.WeightKg, input.Patient.WeightKg, ref errors);
        }

        if (input.Surgery is null)
        {
            errors.Add("surgery", InputMessages.SectionMissing("surgery"));
        }
        else
        {
            Code(FieldIndex.Side, input.Surgery.Side, ref errors);
            Code(FieldIndex.Procedure, input.Surgery.Procedure, ref errors);
            Code(FieldIndex.Anesthesia, (Anesthesia?)input.Surgery.Anesthesia, ref errors);
            Code(FieldIndex.PreoperativeAlignment, input.Surgery.PreoperativeAlignment, ref errors);
            FieldRules.CheckDateOrder(input.AssessedOn, input.Surgery.Date, ref errors);
        }

        if (input.BackPain is null)
        {
            errors.Add("backPain", InputMessages.SectionMissing("backPain"));
        }
        else
        {
            Number(FieldIndex.IntensityNow, input.BackPain.IntensityNow.Value, ref errors);
            Number(FieldIndex.IntensityWorstLastWeek, input.BackPain.IntensityWorstLastWeek?.Value, ref errors);
            Code(FieldIndex.Frequency, input.BackPain.Frequency, ref errors);
            Code(FieldIndex.StartedWhen, input.BackPain.StartedWhen, ref errors);
            Code(FieldIndex.HistoryBeforeSurgery, input.BackPain.HistoryBeforeSurgery, ref errors);
        }

        if (input.RedFlags is null)
        {
            errors.Add("redFlags", InputMessages.SectionMissing("redFlags"));
        }

        if (input.Knee is { } knee)
        {
            Number(FieldIndex.KneePainNow, knee.PainNow?.Value, ref errors);
            Number(FieldIndex.KneePainBeforeSurgery, knee.PainBeforeSurgery?.Value, ref errors);
        }

        if (input.Activity is { } activity)
        {
            Number(FieldIndex.ExerciseMinutesPerWeek, activity.ExerciseMinutesPerWeek, ref errors);
            Code(FieldIndex.LevelBeforeSurgery, activity.LevelBeforeSurgery, ref errors);
            Code(FieldIndex.WalkingAid, activity.WalkingAid, ref errors);
        }

        if (input.Sleep is { } sleep)
        {
            Number(FieldIndex.HoursPerNight, sleep.HoursPerNight, ref errors);
            Code(FieldIndex.TroubleSleeping, sleep.TroubleSleeping, ref errors);
            Number(FieldIndex.PoorNightsPerWeek, sleep.PoorNightsPerWeek, ref errors);
        }

        List(FieldIndex.Conditions, input.Conditions, ref errors);

        if (input.Medications is { } medications)
        {
            Code(FieldIndex.Anticoagulant, medications.Anticoagulant, ref errors);
            List(FieldIndex.PainMedicines, medications.PainMedicines, ref errors);
            Number(FieldIndex.OpioidDaysLastWeek, medications.OpioidDaysLastWeek, ref errors);
            Code(FieldIndex.Antiplatelet, medications.Antiplatelet, ref errors);
        }

        if (input.Expectations is { } expectations)
        {
            Number(FieldIndex.ExpectedFullRecoveryWeeks, expectations.ExpectedFullRecoveryWeeks, ref errors);
        }

        if (input.Psychosocial is { } psychosocial)
        {
            Number(FieldIndex.LittleInterestOrPleasure, psychosocial.LittleInterestOrPleasure, ref errors);
            Number(FieldIndex.FeelingDownDepressedOrHopeless, psychosocial.FeelingDownDepressedOrHopeless, ref errors);
            Number(FieldIndex.FeelingNervousAnxiousOrOnEdge, psychosocial.FeelingNervousAnxiousOrOnEdge, ref errors);
            Number(FieldIndex.UnableToStopOrControlWorrying, psychosocial.UnableToStopOrControlWorrying, ref errors);
        }

        if (input.BackFunction is { } backFunction)
        {
            Number(FieldIndex.StandingUpFromChair, backFunction.StandingUpFromChair, ref errors);
            Number(FieldIndex.Walking15Minutes, backFunction.Walking15Minutes, ref errors);
            Number(FieldIndex.PuttingOnSocksAndShoes, backFunction.PuttingOnSocksAndShoes, ref errors);
            Number(FieldIndex.LightHouseholdJobs, backFunction.LightHouseholdJobs, ref errors);
        }

        return errors.ToList();
    }

    private static void Number(int field, double? value, ref ErrorList errors)
    {
        if (value is { } v)
        {
            FieldRules.CheckRange(field, v, ref errors);
        }
    }

    private static void Code<TCode>(int field, TCode? value, ref ErrorList errors) where TCode : struct, Enum
    {
        if (value is { } v && !Enum.IsDefined(v))
        {
            errors.Add(InputFields.All[field].Path, InputMessages.UnknownCode(InputFields.All[field], Convert.ToString(v, CultureInfo.InvariantCulture) ?? string.Empty));
        }
    }

    private static void List<TCode>(int field, IReadOnlyList<TCode>? values, ref ErrorList errors) where TCode : struct, Enum
    {
        if (values is null)
        {
            return;
        }

        var list = new CodeList();
        for (var i = 0; i < values.Count; i++)
        {
            var position = Convert.ToInt32(values[i], CultureInfo.InvariantCulture);
            if (Enum.IsDefined(values[i]))
            {
                FieldRules.AddToList(ref list, field, position, i, ref errors);
            }
            else
            {
                errors.Add(FieldRules.ItemPath(field, i), InputMessages.UnknownCode(InputFields.All[field], position.ToString(CultureInfo.InvariantCulture)));
            }
        }
    }
}
