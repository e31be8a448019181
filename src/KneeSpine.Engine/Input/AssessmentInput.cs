namespace KneeSpine.Engine.Input;

/// <summary>
/// One follow-up assessment of one patient (assessment-input.schema.json, version 1).
/// </summary>
/// <remarks>
/// Optional sections are <see langword="null"/> when the input omitted them, and optional fields
/// inside a section are <see langword="null"/> when omitted: an omitted field never fires a rule.
/// Instances that did not come through <see cref="AssessmentInputReader"/> should be checked with
/// <see cref="AssessmentInputValidator"/> before evaluation.
/// </remarks>
/// <param name="AssessedOn">Date of this assessment; not before <see cref="SurgeryInfo.Date"/>.</param>
/// <param name="Patient">Who the patient is.</param>
/// <param name="Surgery">The knee replacement.</param>
/// <param name="BackPain">The back pain now.</param>
/// <param name="RedFlags">Answers to every red-flag question.</param>
public sealed record AssessmentInput(
    DateOnly AssessedOn,
    PatientInfo Patient,
    SurgeryInfo Surgery,
    BackPainInfo BackPain,
    RedFlagAnswers RedFlags)
{
    /// <summary>The input schema version this model implements.</summary>
    public const int SchemaVersion = 1;

    /// <summary>Operated-knee pain (<c>knee</c>), when given.</summary>
    public KneeInfo? Knee { get; init; }

    /// <summary>Activity and walking (<c>activity</c>), when given.</summary>
    public ActivityInfo? Activity { get; init; }

    /// <summary>Sleep (<c>sleep</c>), when given.</summary>
    public SleepInfo? Sleep { get; init; }

    /// <summary>Known conditions (<c>conditions</c>); <see langword="null"/> when omitted, never with duplicates.</summary>
    public IReadOnlyList<Condition>? Conditions { get; init; }

    /// <summary>Medicines (<c>medications</c>), when given.</summary>
    public MedicationInfo? Medications { get; init; }

    /// <summary>What the patient expects of recovery (<c>expectations</c>), when given.</summary>
    public ExpectationsInfo? Expectations { get; init; }
}

/// <summary>The <c>patient</c> section.</summary>
/// <param name="AgeYears">Age in whole years, 18-120.</param>
public sealed record PatientInfo(int AgeYears)
{
    /// <summary><c>patient.sex</c>.</summary>
    public Sex? Sex { get; init; }

    /// <summary><c>patient.heightCm</c>, 100-250.</summary>
    public double? HeightCm { get; init; }

    /// <summary><c>patient.weightKg</c>, 25-350.</summary>
    public double? WeightKg { get; init; }
}

/// <summary>The <c>surgery</c> section.</summary>
/// <param name="Date">Date of the knee replacement.</param>
/// <param name="Anesthesia">Anaesthesia used.</param>
public sealed record SurgeryInfo(DateOnly Date, Anesthesia Anesthesia)
{
    /// <summary><c>surgery.side</c>.</summary>
    public SurgerySide? Side { get; init; }

    /// <summary><c>surgery.procedure</c>.</summary>
    public SurgeryProcedure? Procedure { get; init; }

    /// <summary><c>surgery.preoperativeAlignment</c>.</summary>
    public KneeAlignment? PreoperativeAlignment { get; init; }
}

/// <summary>The <c>backPain</c> section.</summary>
/// <param name="IntensityNow">Back pain now, 0-10.</param>
public sealed record BackPainInfo(PainScore IntensityNow)
{
    /// <summary><c>backPain.intensityWorstLastWeek</c>.</summary>
    public PainScore? IntensityWorstLastWeek { get; init; }

    /// <summary><c>backPain.frequency</c>.</summary>
    public PainFrequency? Frequency { get; init; }

    /// <summary><c>backPain.startedWhen</c>.</summary>
    public PainOnset? StartedWhen { get; init; }

    /// <summary><c>backPain.historyBeforeSurgery</c>: back pain in the year before the knee surgery.</summary>
    public BackPainHistory? HistoryBeforeSurgery { get; init; }

    /// <summary><c>backPain.painBelowKnee</c>: pain shooting from the back down the leg below the knee.</summary>
    public bool? PainBelowKnee { get; init; }

    /// <summary><c>backPain.worseAtNightAtRest</c>: worst at night or at rest, not eased by changing position.</summary>
    public bool? WorseAtNightAtRest { get; init; }
}

/// <summary>The <c>knee</c> section.</summary>
public sealed record KneeInfo
{
    /// <summary><c>knee.painNow</c>: operated-knee pain now.</summary>
    public PainScore? PainNow { get; init; }

    /// <summary><c>knee.painBeforeSurgery</c>.</summary>
    public PainScore? PainBeforeSurgery { get; init; }
}

/// <summary>The <c>activity</c> section.</summary>
public sealed record ActivityInfo
{
    /// <summary><c>activity.exerciseMinutesPerWeek</c>, 0-5000.</summary>
    public int? ExerciseMinutesPerWeek { get; init; }

    /// <summary><c>activity.levelBeforeSurgery</c>.</summary>
    public ActivityLevel? LevelBeforeSurgery { get; init; }

    /// <summary><c>activity.trunkMuscleWeakness</c>: weak abdominal or lower-back muscles.</summary>
    public bool? TrunkMuscleWeakness { get; init; }

    /// <summary><c>activity.walkingAid</c>.</summary>
    public WalkingAid? WalkingAid { get; init; }

    /// <summary><c>activity.limp</c>.</summary>
    public bool? Limp { get; init; }

    /// <summary><c>activity.legLengthDifferenceNoticed</c>.</summary>
    public bool? LegLengthDifferenceNoticed { get; init; }
}

/// <summary>The <c>sleep</c> section.</summary>
public sealed record SleepInfo
{
    /// <summary><c>sleep.hoursPerNight</c>, 0-24.</summary>
    public double? HoursPerNight { get; init; }

    /// <summary><c>sleep.troubleSleeping</c>.</summary>
    public SleepTrouble? TroubleSleeping { get; init; }

    /// <summary><c>sleep.poorNightsPerWeek</c>, 0-7.</summary>
    public int? PoorNightsPerWeek { get; init; }
}

/// <summary>The <c>medications</c> section.</summary>
public sealed record MedicationInfo
{
    /// <summary><c>medications.anticoagulant</c>.</summary>
    public AnticoagulantUse? Anticoagulant { get; init; }

    /// <summary><c>medications.painMedicines</c>; never with duplicates.</summary>
    public IReadOnlyList<PainMedicine>? PainMedicines { get; init; }

    /// <summary><c>medications.opioidDaysLastWeek</c>, 0-7.</summary>
    public int? OpioidDaysLastWeek { get; init; }
}

/// <summary>The <c>expectations</c> section.</summary>
public sealed record ExpectationsInfo
{
    /// <summary><c>expectations.expectsNoPainAtAll</c>.</summary>
    public bool? ExpectsNoPainAtAll { get; init; }

    /// <summary><c>expectations.expectsSurgeryToFixBackPain</c>.</summary>
    public bool? ExpectsSurgeryToFixBackPain { get; init; }

    /// <summary><c>expectations.expectedFullRecoveryWeeks</c>, 0-520.</summary>
    public int? ExpectedFullRecoveryWeeks { get; init; }
}

/// <summary>
/// The <c>redFlags</c> section. Every answer is required: an unanswered red-flag question is
/// invalid input, never a "no", so these are plain booleans.
/// </summary>
/// <param name="NewBladderOrBowelProblem">New trouble passing urine, or new loss of bladder or bowel control.</param>
/// <param name="NumbnessInSaddleArea">New numbness around the genitals, buttocks or inner thighs.</param>
/// <param name="LegWeaknessOrNumbnessGettingWorse">Leg weakness or numbness that is getting worse.</param>
/// <param name="FeverOrChills">Fever or chills.</param>
/// <param name="WoundRednessOrDischarge">Redness of, or discharge from, the knee wound.</param>
/// <param name="RecentFallOrInjury">A recent fall or injury.</param>
/// <param name="UnexplainedWeightLoss">Weight loss without a reason.</param>
/// <param name="ChestPainOrShortnessOfBreath">Chest pain or shortness of breath.</param>
/// <param name="CalfSwellingOrPain">Calf swelling or pain.</param>
/// <param name="SeverePainNotEasedByRestOrPosition">Severe pain that rest or a change of position does not ease.</param>
public sealed record RedFlagAnswers(
    bool NewBladderOrBowelProblem,
    bool NumbnessInSaddleArea,
    bool LegWeaknessOrNumbnessGettingWorse,
    bool FeverOrChills,
    bool WoundRednessOrDischarge,
    bool RecentFallOrInjury,
    bool UnexplainedWeightLoss,
    bool ChestPainOrShortnessOfBreath,
    bool CalfSwellingOrPain,
    bool SeverePainNotEasedByRestOrPosition);
