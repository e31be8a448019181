namespace KneeSpine.Engine.Input;

/// <summary>
/// Positions of the fields in <see cref="InputFields.All"/>, looked up once, so that the reader and
/// the validator address a field's value slot and its catalogue entry by the same number.
/// </summary>
internal static class FieldIndex
{
    public const int Capacity = 64;

    public static readonly int Count = InputFields.All.Count;

    /// <summary>The catalogue as an array: the reader indexes it for every value, so no interface calls.</summary>
    public static readonly InputField[] Fields = [.. InputFields.All];

    public static readonly int NewBladderOrBowelProblem = Of("redFlags.newBladderOrBowelProblem");
    public static readonly int AssessedOn = Of("assessedOn");
    public static readonly int AgeYears = Of("patient.ageYears");
    public static readonly int Sex = Of("patient.sex");
    public static readonly int HeightCm = Of("patient.heightCm");
    public static readonly int WeightKg = Of("patient.weightKg");
    public static readonly int SurgeryDate = Of("surgery.date");
    public static readonly int Side = Of("surgery.side");
    public static readonly int Procedure = Of("surgery.procedure");
    public static readonly int Anesthesia = Of("surgery.anesthesia");
    public static readonly int PreoperativeAlignment = Of("surgery.preoperativeAlignment");
    public static readonly int IntensityNow = Of("backPain.intensityNow");
    public static readonly int IntensityWorstLastWeek = Of("backPain.intensityWorstLastWeek");
    public static readonly int Frequency = Of("backPain.frequency");
    public static readonly int StartedWhen = Of("backPain.startedWhen");
    public static readonly int HistoryBeforeSurgery = Of("backPain.historyBeforeSurgery");
    public static readonly int PainBelowKnee = Of("backPain.painBelowKnee");
    public static readonly int WorseAtNightAtRest = Of("backPain.worseAtNightAtRest");
    public static readonly int KneePainNow = Of("knee.painNow");
    public static readonly int KneePainBeforeSurgery = Of("knee.painBeforeSurgery");
    public static readonly int ExerciseMinutesPerWeek = Of("activity.exerciseMinutesPerWeek");
    public static readonly int LevelBeforeSurgery = Of("activity.levelBeforeSurgery");
    public static readonly int TrunkMuscleWeakness = Of("activity.trunkMuscleWeakness");
    public static readonly int WalkingAid = Of("activity.walkingAid");
    public static readonly int Limp = Of("activity.limp");
    public static readonly int LegLengthDifferenceNoticed = Of("activity.legLengthDifferenceNoticed");
    public static readonly int HoursPerNight = Of("sleep.hoursPerNight");
    public static readonly int TroubleSleeping = Of("sleep.troubleSleeping");
    public static readonly int PoorNightsPerWeek = Of("sleep.poorNightsPerWeek");
    public static readonly int Conditions = Of("conditions");
    public static readonly int Anticoagulant = Of("medications.anticoagulant");
    public static readonly int PainMedicines = Of("medications.painMedicines");
    public static readonly int OpioidDaysLastWeek = Of("medications.opioidDaysLastWeek");
    public static readonly int ExpectsNoPainAtAll = Of("expectations.expectsNoPainAtAll");
    public static readonly int ExpectsSurgeryToFixBackPain = Of("expectations.expectsSurgeryToFixBackPain");
    public static readonly int ExpectedFullRecoveryWeeks = Of("expectations.expectedFullRecoveryWeeks");
    public static readonly int Antiplatelet = Of("medications.antiplatelet");
    public static readonly int LongTermSteroids = Of("medications.longTermSteroids");
    public static readonly int LittleInterestOrPleasure = Of("psychosocial.littleInterestOrPleasure");
    public static readonly int FeelingDownDepressedOrHopeless = Of("psychosocial.feelingDownDepressedOrHopeless");
    public static readonly int FeelingNervousAnxiousOrOnEdge = Of("psychosocial.feelingNervousAnxiousOrOnEdge");
    public static readonly int UnableToStopOrControlWorrying = Of("psychosocial.unableToStopOrControlWorrying");
    public static readonly int AvoidsMovementForFearOfHarm = Of("psychosocial.avoidsMovementForFearOfHarm");
    public static readonly int StandingUpFromChair = Of("backFunction.standingUpFromChair");
    public static readonly int Walking15Minutes = Of("backFunction.walking15Minutes");
    public static readonly int PuttingOnSocksAndShoes = Of("backFunction.puttingOnSocksAndShoes");
    public static readonly int LightHouseholdJobs = Of("backFunction.lightHouseholdJobs");

    /// <summary>Lower and upper bounds of number fields as doubles, so range checks do no decimal arithmetic.</summary>
    public static readonly double[] Minimum = [.. InputFields.All.Select(f => (double)(f.Minimum ?? 0m))];

    /// <inheritdoc cref="Minimum"/>
    public static readonly double[] Maximum = [.. InputFields.All.Select(f => (double)(f.Maximum ?? 0m))];

    private static int Of(string path)
    {
        var index = -1;
        for (var i = 0; i < InputFields.All.Count; i++)
        {
            if (InputFields.All[i].Path == path)
            {
                index = i;
            }
        }

        if (index < 0 || InputFields.All.Count > Capacity)
        {
            throw new InvalidOperationException($"Input field catalogue does not fit the reader: {path}");
        }

        return index;
    }
}
