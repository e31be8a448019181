using KneeSpine.Engine.Input;
using static KneeSpine.Engine.Evaluation.Firing;
using P = KneeSpine.Engine.Evaluation.InputPaths;

namespace KneeSpine.Engine.Evaluation;

/// <summary>
/// The firing conditions of the alerts table (clinical-rules.md, A1-A13), in table order.
/// Levels, texts and sources come from the knowledge base; the conditions are the specification's.
/// </summary>
internal static class AlertRules
{
    public const int CaudaEquinaSyndrome = 0;
    public const int ProgressiveNeurologicalDeficit = 1;
    public const int SuspectedSpinalEpiduralHematoma = 2;
    public const int PossiblePulmonaryEmbolism = 3;
    public const int PossibleSpinalInfection = 4;
    public const int PossibleWoundInfection = 5;
    public const int PossibleFracture = 6;
    public const int PossibleDeepVeinThrombosis = 7;
    public const int PossibleMalignancy = 8;
    public const int SevereUncontrolledPain = 9;
    public const int NonMechanicalNightPain = 10;
    public const int RadicularPain = 11;
    public const int PersistentPain = 12;

    /// <summary>A3: neuraxial plus anticoagulant matters up to this many days after surgery.</summary>
    public const int HematomaWindowDays = 14;

    /// <summary>A10: a constant pain at least this intense is uncontrolled.</summary>
    public const int SevereUncontrolledIntensity = 8;

    /// <summary>A13: pain at least this intense ...</summary>
    public const int PersistentIntensity = 4;

    /// <summary>A13: ... this many days or more after surgery is persistent.</summary>
    public const int PersistentFromDays = 42;

    public static readonly RuleShape[] Shapes =
    [
        new("cauda-equina-syndrome", [P.NewBladderOrBowelProblem], [P.NumbnessInSaddleArea]),
        new("progressive-neurological-deficit", [P.LegWeaknessOrNumbnessGettingWorse]),
        new(
            "suspected-spinal-epidural-hematoma",
            [P.Anesthesia, P.Anticoagulant, P.AssessedOn, P.SurgeryDate],
            [P.NewBladderOrBowelProblem],
            [P.NumbnessInSaddleArea],
            [P.LegWeaknessOrNumbnessGettingWorse]),
        new("possible-pulmonary-embolism", [P.ChestPainOrShortnessOfBreath]),
        new("possible-spinal-infection", [P.FeverOrChills]),
        new("possible-wound-infection", [P.WoundRednessOrDischarge]),
        new("possible-fracture", [P.RecentFallOrInjury]),
        new("possible-deep-vein-thrombosis", [P.CalfSwellingOrPain]),
        new("possible-malignancy", [P.UnexplainedWeightLoss], [P.Conditions, P.StartedWhen], [P.Conditions]),
        new("severe-uncontrolled-pain", [P.SeverePainNotEasedByRestOrPosition], [P.IntensityNow, P.Frequency]),
        new("non-mechanical-night-pain", [P.WorseAtNightAtRest]),
        new("radicular-pain", [P.PainBelowKnee]),
        new("persistent-pain", [P.IntensityNow, P.AssessedOn, P.SurgeryDate]),
    ];

    public static int Count => Shapes.Length;

    public static void Evaluate(AssessmentInput input, in Facts facts, Span<Firing> fired)
    {
        var flags = input.RedFlags;
        var pain = input.BackPain;

        fired[CaudaEquinaSyndrome].Arms = Bit(flags.NewBladderOrBowelProblem, 0) | Bit(flags.NumbnessInSaddleArea, 1);
        fired[ProgressiveNeurologicalDeficit].Arms = Bit(flags.LegWeaknessOrNumbnessGettingWorse, 0);

        var neurologicalSigns = fired[CaudaEquinaSyndrome].Arms << 1 | fired[ProgressiveNeurologicalDeficit].Arms << 3;
        fired[SuspectedSpinalEpiduralHematoma].Arms =
            facts.Neuraxial && facts.OnAnticoagulant && facts.Days <= HematomaWindowDays && neurologicalSigns != 0
                ? 1 | neurologicalSigns
                : 0;

        fired[PossiblePulmonaryEmbolism].Arms = Bit(flags.ChestPainOrShortnessOfBreath, 0);
        fired[PossibleSpinalInfection].Arms = Bit(flags.FeverOrChills, 0);
        fired[PossibleWoundInfection].Arms = Bit(flags.WoundRednessOrDischarge, 0);
        fired[PossibleFracture].Arms = Bit(flags.RecentFallOrInjury, 0);
        fired[PossibleDeepVeinThrombosis].Arms = Bit(flags.CalfSwellingOrPain, 0);

        // "startedWhen is not before-surgery": an omitted onset cannot rule the pain out as new,
        // so it fires (docs/clinical-safety.md); the omitted answer is not reported as a trigger.
        var cancerHistory = facts.Has(Condition.CancerHistory);
        fired[PossibleMalignancy].Arms = Bit(flags.UnexplainedWeightLoss, 0)
            | Bit(cancerHistory && pain.StartedWhen == PainOnset.AfterSurgery, 1)
            | Bit(cancerHistory && pain.StartedWhen is null, 2);

        fired[SevereUncontrolledPain].Arms = Bit(flags.SeverePainNotEasedByRestOrPosition, 0)
            | Bit(facts.Intensity >= SevereUncontrolledIntensity && pain.Frequency == PainFrequency.Constant, 1);

        fired[NonMechanicalNightPain].Arms = Bit(pain.WorseAtNightAtRest == true, 0);
        fired[RadicularPain].Arms = Bit(pain.PainBelowKnee == true, 0);
        fired[PersistentPain].Arms = Bit(facts.Intensity >= PersistentIntensity && facts.Days >= PersistentFromDays, 0);
    }
}
