using KneeSpine.Engine.Input;
using static KneeSpine.Engine.Evaluation.Firing;
using P = KneeSpine.Engine.Evaluation.InputPaths;

namespace KneeSpine.Engine.Evaluation;

/// <summary>
/// The firing and "likely" conditions of the factors table (clinical-rules.md, F1-F12), in table order.
/// An omitted optional answer never fires a factor: every comparison below is false for null.
/// </summary>
internal static class FactorRules
{
    public const int Age = 0;
    public const int Inactivity = 1;
    public const int TrunkMuscleWeakness = 2;
    public const int Comorbidity = 3;
    public const int PriorBackPain = 4;
    public const int UnmaskedBackPain = 5;
    public const int SpinalAnesthesia = 6;
    public const int Insomnia = 7;
    public const int GaitAbnormality = 8;
    public const int UnrealisticExpectations = 9;
    public const int PsychologicalDistress = 10;
    public const int FearOfMovement = 11;

    /// <summary>F11: a PHQ-2 or GAD-2 of at least this is a positive screen.</summary>
    public const int PositiveScreenFrom = 3;

    /// <summary>F1 fires from this age ...</summary>
    public const int AgeFromYears = 50;

    /// <summary>... and is likely from this age.</summary>
    public const int AgeLikelyFromYears = 70;

    /// <summary>F2 fires below the WHO weekly minimum ...</summary>
    public const int ExerciseTargetMinutes = 150;

    /// <summary>... and is likely below this.</summary>
    public const int ExerciseLikelyBelowMinutes = 60;

    /// <summary>F4: obesity threshold, compared with the BMI rounded to one decimal (the value the result shows).</summary>
    public const double ObeseBodyMassIndex = 30.0;

    /// <summary>F7 fires up to this many days after surgery ...</summary>
    public const int PostSpinalWindowDays = 56;

    /// <summary>... and is likely up to this many.</summary>
    public const int PostSpinalLikelyDays = 28;

    /// <summary>F8 fires from this many poor nights a week ...</summary>
    public const int PoorNightsFrom = 3;

    /// <summary>... and is likely from this many.</summary>
    public const int PoorNightsLikelyFrom = 5;

    /// <summary>F8 fires below this many hours of sleep a night.</summary>
    public const double ShortSleepBelowHours = 6.0;

    /// <summary>F10 fires when full recovery is expected in fewer weeks than this.</summary>
    public const int RealisticRecoveryWeeks = 12;

    /// <summary>Variant bit of F4 when BMI fired it.</summary>
    public const int HighBodyMassIndexVariant = 1;

    public static readonly RuleShape[] Shapes =
    [
        new("age", [P.AgeYears]),
        new("inactivity", [P.ExerciseMinutesPerWeek], [P.LevelBeforeSurgery]),
        new("trunk-muscle-weakness", [P.TrunkMuscleWeakness]),
        new("comorbidity", Arms: [[P.Conditions], [P.HeightCm, P.WeightKg]], Variants: ["high-bmi"]),
        new("prior-back-pain", [P.HistoryBeforeSurgery], [P.StartedWhen]),
        new("unmasked-back-pain", [P.HistoryBeforeSurgery], [P.StartedWhen], [P.KneePainNow, P.IntensityNow, P.KneePainBeforeSurgery]),
        new("spinal-anesthesia", [P.Anesthesia, P.StartedWhen, P.SurgeryDate, P.AssessedOn]),
        new("insomnia", [P.TroubleSleeping], [P.PoorNightsPerWeek], [P.HoursPerNight]),
        new("gait-abnormality", [P.PreoperativeAlignment], [P.Limp], [P.LegLengthDifferenceNoticed], [P.WalkingAid]),
        new("unrealistic-expectations", [P.ExpectsNoPainAtAll], [P.ExpectsSurgeryToFixBackPain], [P.ExpectedFullRecoveryWeeks]),
        new("psychological-distress", [P.LittleInterestOrPleasure, P.FeelingDownDepressedOrHopeless], [P.FeelingNervousAnxiousOrOnEdge, P.UnableToStopOrControlWorrying]),
        new("fear-of-movement", [P.AvoidsMovementForFearOfHarm]),
    ];

    public static int Count => Shapes.Length;

    public static void Evaluate(AssessmentInput input, in Facts facts, Span<Firing> fired)
    {
        var age = input.Patient.AgeYears;
        fired[Age] = new() { Arms = Bit(age >= AgeFromYears, 0), Likely = age >= AgeLikelyFromYears };

        var activity = input.Activity;
        var minutes = activity?.ExerciseMinutesPerWeek;
        fired[Inactivity] = new()
        {
            Arms = Bit(minutes < ExerciseTargetMinutes, 0) | Bit(activity?.LevelBeforeSurgery == ActivityLevel.Sedentary, 1),
            Likely = minutes < ExerciseLikelyBelowMinutes,
        };

        fired[TrunkMuscleWeakness] = new() { Arms = Bit(activity?.TrunkMuscleWeakness == true, 0), Likely = true };

        var obese = facts.BodyMassIndex >= ObeseBodyMassIndex;
        fired[Comorbidity] = new()
        {
            Arms = Bit(facts.HasConditionOtherThan(Condition.CancerHistory), 0) | Bit(obese, 1),
            Variants = obese ? HighBodyMassIndexVariant : 0,
            Likely = facts.Has(Condition.LumbarSpinalStenosis) || facts.Has(Condition.DegenerativeDiscDisease) || facts.Has(Condition.Spondylolisthesis),
        };

        var pain = input.BackPain;
        fired[PriorBackPain] = new()
        {
            Arms = Bit(pain.HistoryBeforeSurgery is BackPainHistory.Occasional or BackPainHistory.Chronic, 0)
                | Bit(pain.StartedWhen == PainOnset.BeforeSurgery, 1),
            Likely = pain.HistoryBeforeSurgery == BackPainHistory.Chronic,
        };

        // F6 is the seed article's own opinion, so it is never "likely". knee.painBeforeSurgery is
        // reported even when omitted: its absence is part of what made the condition hold.
        var kneeNow = input.Knee?.PainNow?.Value;
        var kneeBefore = input.Knee?.PainBeforeSurgery?.Value;
        var unmasked = fired[PriorBackPain].Fired && kneeNow < facts.Intensity && (kneeBefore is null || kneeBefore > kneeNow);
        fired[UnmaskedBackPain].Arms = unmasked ? fired[PriorBackPain].Arms | 1 << 2 : 0;

        var spinal = facts.Neuraxial && pain.StartedWhen == PainOnset.AfterSurgery && facts.Days <= PostSpinalWindowDays;
        fired[SpinalAnesthesia] = new() { Arms = Bit(spinal, 0), Likely = facts.Days <= PostSpinalLikelyDays };

        var sleep = input.Sleep;
        var poorNights = sleep?.PoorNightsPerWeek;
        fired[Insomnia] = new()
        {
            Arms = Bit(sleep?.TroubleSleeping is SleepTrouble.Moderate or SleepTrouble.Severe, 0)
                | Bit(poorNights >= PoorNightsFrom, 1)
                | Bit(sleep?.HoursPerNight < ShortSleepBelowHours, 2),
            Likely = sleep?.TroubleSleeping == SleepTrouble.Severe || poorNights >= PoorNightsLikelyFrom,
        };

        var limp = activity?.Limp == true;
        var legLength = activity?.LegLengthDifferenceNoticed == true;
        fired[GaitAbnormality] = new()
        {
            Arms = Bit(input.Surgery.PreoperativeAlignment is KneeAlignment.Varus or KneeAlignment.Valgus, 0)
                | Bit(limp, 1)
                | Bit(legLength, 2)
                | Bit(activity?.WalkingAid is { } aid && aid != WalkingAid.None, 3),
            Likely = limp || legLength,
        };

        var expectations = input.Expectations;
        var fixesBack = expectations?.ExpectsSurgeryToFixBackPain == true;
        fired[UnrealisticExpectations] = new()
        {
            Arms = Bit(expectations?.ExpectsNoPainAtAll == true, 0)
                | Bit(fixesBack, 1)
                | Bit(expectations?.ExpectedFullRecoveryWeeks < RealisticRecoveryWeeks, 2),
            Likely = fixesBack,
        };

        // F11 is a positive screen (likely); F12 rests on one unvalidated item (never likely).
        fired[PsychologicalDistress] = new()
        {
            Arms = Bit(facts.Phq2 >= PositiveScreenFrom, 0) | Bit(facts.Gad2 >= PositiveScreenFrom, 1),
            Likely = true,
        };
        fired[FearOfMovement].Arms = Bit(input.Psychosocial?.AvoidsMovementForFearOfHarm == true, 0);
    }
}
