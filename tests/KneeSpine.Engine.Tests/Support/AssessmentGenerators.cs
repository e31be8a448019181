using FsCheck;
using FsCheck.Fluent;
using KneeSpine.Engine.Input;

namespace KneeSpine.Engine.Tests.Support;

/// <summary>
/// FsCheck generators of valid assessments over every field: each optional section and field is
/// sometimes omitted, numbers cluster around the rules' boundaries, and red flags are mostly "no"
/// so that every triage level turns up often.
/// </summary>
internal static class AssessmentGenerators
{
    private static readonly DateOnly Epoch = new(2024, 1, 1);

    public static Gen<AssessmentInput> Assessment =>
        from surgeryDay in Gen.Choose(0, 1500)
        from days in Gen.OneOf(Gen.Choose(0, 70), Gen.Elements(6, 7, 8, 13, 14, 15, 27, 28, 29, 41, 42, 43, 55, 56, 57), Gen.Choose(0, 800))
        from patient in Patient
        from surgery in Surgery(Epoch.AddDays(surgeryDay))
        from backPain in BackPain
        from redFlags in RedFlags
        from knee in Optional(Knee)
        from activity in Optional(Activity)
        from sleep in Optional(Sleep)
        from conditions in Optional(Gen.SubListOf(Enum.GetValues<Condition>()).Select(l => (IReadOnlyList<Condition>)[.. l]))
        from medications in Optional(Medications)
        from expectations in Optional(Expectations)
        from psychosocial in Optional(Psychosocial)
        from backFunction in Optional(BackFunction)
        select new AssessmentInput(surgery.Date.AddDays(days), patient, surgery, backPain, redFlags)
        {
            Knee = knee,
            Activity = activity,
            Sleep = sleep,
            Conditions = conditions,
            Medications = medications,
            Expectations = expectations,
            Psychosocial = psychosocial,
            BackFunction = backFunction,
        };

    private static Gen<PatientInfo> Patient =>
        from age in Gen.OneOf(Gen.Choose(18, 120), Gen.Elements(49, 50, 69, 70))
        from sex in OptionalValue(Gen.Elements(Enum.GetValues<Sex>()))
        from height in OptionalValue(Gen.Choose(1000, 2500).Select(h => h / 10.0))
        from weight in OptionalValue(Gen.Choose(250, 3500).Select(w => w / 10.0))
        select new PatientInfo(age) { Sex = sex, HeightCm = height, WeightKg = weight };

    private static Gen<SurgeryInfo> Surgery(DateOnly date) =>
        from anesthesia in Gen.Elements(Enum.GetValues<Anesthesia>())
        from side in OptionalValue(Gen.Elements(Enum.GetValues<SurgerySide>()))
        from procedure in OptionalValue(Gen.Elements(Enum.GetValues<SurgeryProcedure>()))
        from alignment in OptionalValue(Gen.Elements(Enum.GetValues<KneeAlignment>()))
        select new SurgeryInfo(date, anesthesia) { Side = side, Procedure = procedure, PreoperativeAlignment = alignment };

    private static Gen<BackPainInfo> BackPain =>
        from now in Score
        from worst in OptionalValue(Score)
        from frequency in OptionalValue(Gen.Elements(Enum.GetValues<PainFrequency>()))
        from started in OptionalValue(Gen.Elements(Enum.GetValues<PainOnset>()))
        from history in OptionalValue(Gen.Elements(Enum.GetValues<BackPainHistory>()))
        from belowKnee in OptionalValue(Rarely)
        from night in OptionalValue(Rarely)
        select new BackPainInfo(now)
        {
            IntensityWorstLastWeek = worst,
            Frequency = frequency,
            StartedWhen = started,
            HistoryBeforeSurgery = history,
            PainBelowKnee = belowKnee,
            WorseAtNightAtRest = night,
        };

    private static Gen<RedFlagAnswers> RedFlags =>
        from first in Gen.ArrayOf(Rarely, 7)
        from second in Gen.ArrayOf(Rarely, 7)
        select new RedFlagAnswers(first[0], first[1], first[2], first[3], first[4], first[5], first[6], second[0], second[1], second[2], second[3], second[4], second[5], second[6]);

    private static Gen<KneeInfo> Knee =>
        from now in OptionalValue(Score)
        from before in OptionalValue(Score)
        select new KneeInfo { PainNow = now, PainBeforeSurgery = before };

    private static Gen<ActivityInfo> Activity =>
        from minutes in OptionalValue(Gen.OneOf(Gen.Choose(0, 400), Gen.Elements(59, 60, 149, 150), Gen.Choose(0, 5000)))
        from level in OptionalValue(Gen.Elements(Enum.GetValues<ActivityLevel>()))
        from weak in OptionalValue(Gen.Elements(true, false))
        from aid in OptionalValue(Gen.Elements(Enum.GetValues<WalkingAid>()))
        from limp in OptionalValue(Gen.Elements(true, false))
        from legLength in OptionalValue(Gen.Elements(true, false))
        select new ActivityInfo { ExerciseMinutesPerWeek = minutes, LevelBeforeSurgery = level, TrunkMuscleWeakness = weak, WalkingAid = aid, Limp = limp, LegLengthDifferenceNoticed = legLength };

    private static Gen<SleepInfo> Sleep =>
        from hours in OptionalValue(Gen.OneOf(Gen.Choose(0, 240).Select(h => h / 10.0), Gen.Elements(5.9, 6.0)))
        from trouble in OptionalValue(Gen.Elements(Enum.GetValues<SleepTrouble>()))
        from nights in OptionalValue(Gen.Choose(0, 7))
        select new SleepInfo { HoursPerNight = hours, TroubleSleeping = trouble, PoorNightsPerWeek = nights };

    private static Gen<MedicationInfo> Medications =>
        from anticoagulant in OptionalValue(Gen.Elements(Enum.GetValues<AnticoagulantUse>()))
        from medicines in Optional(Gen.SubListOf(Enum.GetValues<PainMedicine>()).Select(l => (IReadOnlyList<PainMedicine>)[.. l]))
        from opioidDays in OptionalValue(Gen.Choose(0, 7))
        from antiplatelet in OptionalValue(Gen.Elements(Enum.GetValues<AntiplateletUse>()))
        from steroids in OptionalValue(Gen.Elements(true, false))
        select new MedicationInfo { Anticoagulant = anticoagulant, PainMedicines = medicines, OpioidDaysLastWeek = opioidDays, Antiplatelet = antiplatelet, LongTermSteroids = steroids };

    private static Gen<PsychosocialInfo> Psychosocial =>
        from items in Gen.ArrayOf(OptionalValue(Gen.Choose(0, 3)), 4)
        from fear in OptionalValue(Gen.Elements(true, false))
        select new PsychosocialInfo
        {
            LittleInterestOrPleasure = items[0], FeelingDownDepressedOrHopeless = items[1],
            FeelingNervousAnxiousOrOnEdge = items[2], UnableToStopOrControlWorrying = items[3], AvoidsMovementForFearOfHarm = fear,
        };

    private static Gen<BackFunctionInfo> BackFunction =>
        from items in Gen.ArrayOf(OptionalValue(Gen.Choose(0, 3)), 4)
        select new BackFunctionInfo { StandingUpFromChair = items[0], Walking15Minutes = items[1], PuttingOnSocksAndShoes = items[2], LightHouseholdJobs = items[3] };

    private static Gen<ExpectationsInfo> Expectations =>
        from noPain in OptionalValue(Gen.Elements(true, false))
        from fixBack in OptionalValue(Gen.Elements(true, false))
        from weeks in OptionalValue(Gen.OneOf(Gen.Choose(0, 52), Gen.Elements(11, 12), Gen.Choose(0, 520)))
        select new ExpectationsInfo { ExpectsNoPainAtAll = noPain, ExpectsSurgeryToFixBackPain = fixBack, ExpectedFullRecoveryWeeks = weeks };

    private static Gen<PainScore> Score => Gen.Choose(0, 10).Select(v => new PainScore(v));

    private static Gen<bool> Rarely => Gen.Elements(false, false, false, false, false, false, false, false, false, true);

    private static Gen<T?> Optional<T>(Gen<T> gen) where T : class =>
        Gen.OneOf(Gen.Constant((T?)null), gen.Select(v => (T?)v), gen.Select(v => (T?)v));

    private static Gen<T?> OptionalValue<T>(Gen<T> gen) where T : struct =>
        Gen.OneOf(Gen.Constant((T?)null), gen.Select(v => (T?)v), gen.Select(v => (T?)v));
}
