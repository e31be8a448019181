namespace KneeSpine.Engine.Input;

/// <summary>
/// One follow-up assessment of one patient (assessment-input.schema.json, version 2).
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
    public const int SchemaVersion = 2;

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

    /// <summary>Mood, worry and fear of movement (<c>psychosocial</c>), when given.</summary>
    public PsychosocialInfo? Psychosocial { get; init; }

    /// <summary>Back-function items (<c>backFunction</c>), when given.</summary>
    public BackFunctionInfo? BackFunction { get; init; }
}
