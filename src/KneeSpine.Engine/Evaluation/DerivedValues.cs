using KneeSpine.Engine.Input;
using KneeSpine.Engine.Results;

namespace KneeSpine.Engine.Evaluation;

/// <summary>The derived values of the specification (clinical-rules.md, "Derived values"), computed exactly as the rules use them.</summary>
public static class DerivedValues
{
    /// <summary>fractureRisk: from this age.</summary>
    public const int FractureRiskFromAge = 70;

    /// <summary><c>d</c>: calendar days from <paramref name="surgeryDate"/> to <paramref name="assessedOn"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="assessedOn"/> is before <paramref name="surgeryDate"/> (invalid input).</exception>
    public static int DaysSinceSurgery(DateOnly surgeryDate, DateOnly assessedOn)
    {
        var days = assessedOn.DayNumber - surgeryDate.DayNumber;
        return days >= 0 ? days : throw new ArgumentException("assessedOn is before surgery.date.", nameof(assessedOn));
    }

    /// <summary>Severity band of a 0-10 rating: 0 none, 1-3 mild, 4-6 moderate, 7-10 severe.</summary>
    public static PainSeverity PainSeverityOf(PainScore intensity) => intensity.Value switch
    {
        0 => PainSeverity.None,
        <= 3 => PainSeverity.Mild,
        <= 6 => PainSeverity.Moderate,
        _ => PainSeverity.Severe,
    };

    /// <summary>
    /// Body mass index, <c>weightKg / (heightCm/100)^2</c>, worked out in decimal arithmetic from the
    /// numbers as given and only then rounded to one decimal, half away from zero (200 cm and 119.8 kg
    /// give exactly 29.95, which becomes 30.0); <see langword="null"/> unless both are given.
    /// </summary>
    /// <remarks>
    /// The reader keeps numbers as doubles; the conversion to decimal recovers the number as written
    /// (up to 15 significant digits, far beyond any height or weight), so no binary error such as
    /// 29.9499… can move a value across a rounding boundary.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException">A given value is not a positive finite number.</exception>
    public static double? BodyMassIndex(double? heightCm, double? weightKg)
    {
        if (heightCm is not { } height || weightKg is not { } weight)
        {
            return null;
        }

        if (!double.IsFinite(height) || height <= 0 || height > 1e6)
        {
            throw new ArgumentOutOfRangeException(nameof(heightCm), heightCm, "Height must be a positive number of centimetres.");
        }

        if (!double.IsFinite(weight) || weight <= 0 || weight > 1e6)
        {
            throw new ArgumentOutOfRangeException(nameof(weightKg), weightKg, "Weight must be a positive number of kilograms.");
        }

        var metres = (decimal)height / 100m;
        return (double)Math.Round((decimal)weight / (metres * metres), 1, MidpointRounding.AwayFromZero);
    }

    /// <summary>neuraxial: spinal, epidural or combined spinal-epidural.</summary>
    public static bool IsNeuraxial(Anesthesia anesthesia) =>
        anesthesia is Anesthesia.Spinal or Anesthesia.Epidural or Anesthesia.CombinedSpinalEpidural;

    /// <summary>neuraxialOrUnknown (A3 only): neuraxial, or the patient does not know the anaesthetic.</summary>
    public static bool IsNeuraxialOrUnknown(Anesthesia anesthesia) => IsNeuraxial(anesthesia) || anesthesia == Anesthesia.Unknown;

    /// <summary>
    /// The anticoagulant part of bleedingRiskNotExcluded (A3 only): anything but <c>none</c>, so an
    /// unanswered question or a missing <c>medications</c> section counts as "may be taking one".
    /// </summary>
    public static bool AnticoagulantNotExcluded(AnticoagulantUse? anticoagulant) => anticoagulant != AnticoagulantUse.None;

    /// <summary>The antiplatelet part of bleedingRiskNotExcluded and bloodThinnerReported: aspirin, another antiplatelet, or not sure.</summary>
    public static bool AntiplateletReported(AntiplateletUse? antiplatelet) =>
        antiplatelet is AntiplateletUse.Aspirin or AntiplateletUse.Other or AntiplateletUse.Unknown;

    /// <summary>bleedingRiskNotExcluded (A3 only): an anticoagulant not ruled out, an antiplatelet reported, or an NSAID taken.</summary>
    public static bool BleedingRiskNotExcluded(MedicationInfo? medications) =>
        AnticoagulantNotExcluded(medications?.Anticoagulant)
        || AntiplateletReported(medications?.Antiplatelet)
        || medications?.PainMedicines?.Contains(PainMedicine.Nsaid) == true;

    /// <summary>bloodThinnerReported: an anticoagulant (prophylactic, therapeutic or not sure) or an antiplatelet (aspirin, other or not sure) was reported.</summary>
    public static bool BloodThinnerReported(MedicationInfo? medications) =>
        medications?.Anticoagulant is AnticoagulantUse.Prophylactic or AnticoagulantUse.Therapeutic or AnticoagulantUse.Unknown
        || AntiplateletReported(medications?.Antiplatelet);

    /// <summary>fractureRisk: osteoporosis, long-term steroid tablets, or age 70 or more.</summary>
    public static bool FractureRisk(AssessmentInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return input.Conditions?.Contains(Condition.Osteoporosis) == true
            || input.Medications?.LongTermSteroids == true
            || input.Patient.AgeYears >= FractureRiskFromAge;
    }

    /// <summary>phq2: the sum of the two PHQ-2 items when both are given, else <see langword="null"/> (0-6).</summary>
    public static int? Phq2(PsychosocialInfo? psychosocial) =>
        psychosocial?.LittleInterestOrPleasure + psychosocial?.FeelingDownDepressedOrHopeless;

    /// <summary>gad2: the sum of the two GAD-2 items when both are given, else <see langword="null"/> (0-6).</summary>
    public static int? Gad2(PsychosocialInfo? psychosocial) =>
        psychosocial?.FeelingNervousAnxiousOrOnEdge + psychosocial?.UnableToStopOrControlWorrying;

    /// <summary>backFunctionScore: the sum of the four back-function items when all are given, else <see langword="null"/> (0-12, higher is more limited).</summary>
    public static int? BackFunctionScore(BackFunctionInfo? backFunction) =>
        backFunction?.StandingUpFromChair + backFunction?.Walking15Minutes + backFunction?.PuttingOnSocksAndShoes + backFunction?.LightHouseholdJobs;

    /// <summary>The three scores of a result.</summary>
    public static AssessmentScores Scores(AssessmentInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var phq2 = Phq2(input.Psychosocial);
        var gad2 = Gad2(input.Psychosocial);
        var backFunction = BackFunctionScore(input.BackFunction);
        return phq2 is null && gad2 is null && backFunction is null ? AssessmentScores.None : new(phq2, gad2, backFunction);
    }
}
