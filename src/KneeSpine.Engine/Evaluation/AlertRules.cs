using KneeSpine.Engine.Input;
using static KneeSpine.Engine.Evaluation.Firing;
using P = KneeSpine.Engine.Evaluation.InputPaths;

namespace KneeSpine.Engine.Evaluation;

/// <summary>
/// The firing conditions of the alerts table (clinical-rules.md, A1-A15), in table order.
/// Levels, texts and sources come from the knowledge base; the conditions are the specification's.
/// Each arm lists the paths <c>triggeredBy</c> reports when it held (the specification's triggeredBy rules).
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
    public const int NewNeurologicalDeficit = 13;
    public const int FeverWithNerveSigns = 14;

    /// <summary>A3, neurological arm: a new or worsening deficit counts up to this many days after surgery (working definition).</summary>
    public const int HematomaNeurologicalWindowDays = 14;

    /// <summary>A3, pain arm: sudden back pain that is still severe counts up to this many days after surgery (working definition).</summary>
    public const int HematomaPainWindowDays = 7;

    /// <summary>A3, pain arm: a rating at least this high counts as still severe.</summary>
    public const int HematomaSevereIntensity = 7;

    /// <summary>A10: a constant pain at least this intense is uncontrolled (working definition).</summary>
    public const int SevereUncontrolledIntensity = 8;

    /// <summary>A9's cancer arm and A11 need a back pain of at least this rating.</summary>
    public const int AnyPainIntensity = 1;

    /// <summary>A13: pain at least this intense ...</summary>
    public const int PersistentIntensity = 4;

    /// <summary>A13: ... this many days or more after surgery is persistent (working definition).</summary>
    public const int PersistentFromDays = 42;

    /// <summary>A3 variant bit: the patient does not know the anaesthetic.</summary>
    public const int UnknownAnesthesiaVariant = 1;

    /// <summary>A5 variant bit: diabetes, immunosuppression or steroid tablets.</summary>
    public const int InfectionHardToSpotVariant = 1;

    /// <summary>A7 variant bit: fired by sudden pain with fractureRisk and no fall.</summary>
    public const int WithoutFallVariant = 1;

    /// <summary>A7 variant bit: a fall and, as well, sudden pain with fractureRisk.</summary>
    public const int WeakerBonesVariant = 2;

    // A3's arms: the fields of the base condition, then each exposure, then each sign of the
    // neurological arm (the paths of A1, A2, A14), then the pain arm.
    private const int HematomaExposureShift = 1;
    private const int HematomaNeurologicalShift = 4;
    private const int HematomaPainShift = 9;

    public static readonly RuleShape[] Shapes =
    [
        new("cauda-equina-syndrome", [P.NewBladderOrBowelProblem], [P.NumbnessInSaddleArea], [P.SciaticaBothLegs]),
        new("progressive-neurological-deficit", [P.LegWeaknessOrNumbnessGettingWorse]),
        new(
            "suspected-spinal-epidural-hematoma",
            Arms:
            [
                [P.Anesthesia, P.SurgeryDate, P.AssessedOn],
                [P.Anticoagulant], [P.Antiplatelet], [P.PainMedicines],
                [P.NewBladderOrBowelProblem], [P.NumbnessInSaddleArea], [P.SciaticaBothLegs], [P.LegWeaknessOrNumbnessGettingWorse], [P.NewLegWeaknessOrNumbness],
                [P.SuddenSevereBackPain], [P.IntensityNow], [P.SeverePainNotEasedByRestOrPosition],
            ],
            Variants: ["unknown-anesthesia"]),
        new("possible-pulmonary-embolism", [P.ChestPainOrShortnessOfBreath], [P.CoughingBloodOrFainting]),
        new("possible-spinal-infection", Arms: [[P.FeverOrChills]], Variants: ["infection-hard-to-spot"]),
        new("possible-wound-infection", [P.WoundRednessOrDischarge]),
        new(
            "possible-fracture",
            Arms: [[P.RecentFallOrInjury], [P.SuddenSevereBackPain], [P.Conditions], [P.LongTermSteroids], [P.AgeYears]],
            Variants: ["without-fall", "weaker-bones"]),
        new("possible-deep-vein-thrombosis", [P.CalfSwellingOrPain]),
        new("possible-malignancy", [P.UnexplainedWeightLoss], [P.Conditions, P.StartedWhen, P.IntensityNow]),
        new("severe-uncontrolled-pain", [P.SeverePainNotEasedByRestOrPosition], [P.SuddenSevereBackPain], [P.IntensityNow, P.Frequency]),
        new("non-mechanical-night-pain", [P.WorseAtNightAtRest, P.IntensityNow]),
        new("radicular-pain", [P.PainBelowKnee]),
        new("persistent-pain", [P.IntensityNow, P.SurgeryDate, P.AssessedOn]),
        new("new-neurological-deficit", [P.NewLegWeaknessOrNumbness]),
        new("fever-with-nerve-signs", [P.FeverOrChills, P.NewLegWeaknessOrNumbness]),
    ];

    public static int Count => Shapes.Length;

    public static void Evaluate(AssessmentInput input, in Facts facts, Span<Firing> fired)
    {
        var flags = input.RedFlags;
        var pain = input.BackPain;

        fired[CaudaEquinaSyndrome].Arms = Bit(flags.NewBladderOrBowelProblem, 0) | Bit(flags.NumbnessInSaddleArea, 1) | Bit(flags.SciaticaBothLegs, 2);
        fired[ProgressiveNeurologicalDeficit].Arms = Bit(flags.LegWeaknessOrNumbnessGettingWorse, 0);
        fired[NewNeurologicalDeficit].Arms = Bit(flags.NewLegWeaknessOrNumbness, 0);

        fired[SuspectedSpinalEpiduralHematoma] = Hematoma(input, facts, fired);

        fired[PossiblePulmonaryEmbolism].Arms = Bit(flags.ChestPainOrShortnessOfBreath, 0) | Bit(flags.CoughingBloodOrFainting, 1);

        // Early fever is common after surgery but is still reported the same day: A5 fires on any day.
        fired[PossibleSpinalInfection] = new()
        {
            Arms = Bit(flags.FeverOrChills, 0),
            Variants = facts.InfectionHardToSpot ? InfectionHardToSpotVariant : 0,
        };
        fired[PossibleWoundInfection].Arms = Bit(flags.WoundRednessOrDischarge, 0);

        var fall = flags.RecentFallOrInjury;
        var osteoporosis = facts.Has(Condition.Osteoporosis);
        var suddenWithFractureRisk = flags.SuddenSevereBackPain && (osteoporosis || facts.LongTermSteroids || facts.OlderAge);
        fired[PossibleFracture] = new()
        {
            Arms = Bit(fall, 0)
                | (suddenWithFractureRisk ? 1 << 1 | Bit(osteoporosis, 2) | Bit(facts.LongTermSteroids, 3) | Bit(facts.OlderAge, 4) : 0),
            Variants = !suddenWithFractureRisk ? 0 : fall ? WeakerBonesVariant : WithoutFallVariant,
        };

        fired[PossibleDeepVeinThrombosis].Arms = Bit(flags.CalfSwellingOrPain, 0);

        // "startedWhen is not before-surgery": an unanswered onset cannot rule the pain out as new.
        fired[PossibleMalignancy].Arms = Bit(flags.UnexplainedWeightLoss, 0)
            | Bit(facts.Has(Condition.CancerHistory) && pain.StartedWhen != PainOnset.BeforeSurgery && facts.Intensity >= AnyPainIntensity, 1);

        fired[SevereUncontrolledPain].Arms = Bit(flags.SeverePainNotEasedByRestOrPosition, 0)
            | Bit(flags.SuddenSevereBackPain, 1)
            | Bit(facts.Intensity >= SevereUncontrolledIntensity && pain.Frequency == PainFrequency.Constant, 2);

        fired[NonMechanicalNightPain].Arms = Bit(pain.WorseAtNightAtRest == true && facts.Intensity >= AnyPainIntensity, 0);
        fired[RadicularPain].Arms = Bit(pain.PainBelowKnee == true, 0);
        fired[PersistentPain].Arms = Bit(facts.Intensity >= PersistentIntensity && facts.Days >= PersistentFromDays, 0);

        fired[FeverWithNerveSigns].Arms = Bit(fired[PossibleSpinalInfection].Fired && fired[NewNeurologicalDeficit].Fired, 0);
    }

    /// <summary>
    /// A3: neuraxialOrUnknown and bleedingRiskNotExcluded, and either the neurological arm (A1, A2 or
    /// A14 fired, <c>d &lt;= 14</c>) or the pain arm (sudden back pain that is still severe, <c>d &lt;= 7</c>).
    /// </summary>
    private static Firing Hematoma(AssessmentInput input, in Facts facts, ReadOnlySpan<Firing> fired)
    {
        var flags = input.RedFlags;
        var exposure = Bit(facts.AnticoagulantNotExcluded, 0) | Bit(facts.AntiplateletReported, 1) | Bit(facts.Takes(PainMedicine.Nsaid), 2);
        if (!facts.NeuraxialOrUnknown || exposure == 0)
        {
            return default;
        }

        var signs = fired[CaudaEquinaSyndrome].Arms | fired[ProgressiveNeurologicalDeficit].Arms << 3 | fired[NewNeurologicalDeficit].Arms << 4;
        var neurological = facts.Days <= HematomaNeurologicalWindowDays ? signs : 0;

        var stillSevere = facts.Intensity >= HematomaSevereIntensity;
        var painArm = flags.SuddenSevereBackPain && (stillSevere || flags.SeverePainNotEasedByRestOrPosition) && facts.Days <= HematomaPainWindowDays
            ? 1 | Bit(stillSevere, 1) | Bit(flags.SeverePainNotEasedByRestOrPosition, 2)
            : 0;

        return neurological == 0 && painArm == 0
            ? default
            : new Firing
            {
                Arms = 1 | exposure << HematomaExposureShift | neurological << HematomaNeurologicalShift | painArm << HematomaPainShift,
                Variants = input.Surgery.Anesthesia == Anesthesia.Unknown ? UnknownAnesthesiaVariant : 0,
            };
    }
}
