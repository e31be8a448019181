using KneeSpine.Engine.Input;
using KneeSpine.Engine.Results;

namespace KneeSpine.Engine.Evaluation;

/// <summary>The derived values of the specification, computed exactly as the rules use them.</summary>
public static class DerivedValues
{
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
    /// Body mass index, <c>weightKg / (heightCm/100)^2</c>, to one decimal rounded half away from zero;
    /// <see langword="null"/> unless both are given.
    /// </summary>
    /// <remarks>Computed in decimal so that the rounding is exact (a double quotient such as 29.95 could round either way).</remarks>
    /// <exception cref="ArgumentOutOfRangeException">A given value is not a positive finite number.</exception>
    public static double? BodyMassIndex(double? heightCm, double? weightKg)
    {
        if (heightCm is not { } height || weightKg is not { } weight)
        {
            return null;
        }

        if (!double.IsFinite(height) || height <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(heightCm), heightCm, "Height must be a positive number of centimetres.");
        }

        if (!double.IsFinite(weight) || weight <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(weightKg), weightKg, "Weight must be a positive number of kilograms.");
        }

        var metres = (decimal)height / 100m;
        return (double)Math.Round((decimal)weight / (metres * metres), 1, MidpointRounding.AwayFromZero);
    }

    /// <summary>Whether the anaesthesia was neuraxial: spinal, epidural or combined spinal-epidural.</summary>
    public static bool IsNeuraxial(Anesthesia anesthesia) =>
        anesthesia is Anesthesia.Spinal or Anesthesia.Epidural or Anesthesia.CombinedSpinalEpidural;

    /// <summary>Whether the patient is on an anticoagulant: prophylactic or therapeutic (unknown and omitted are not).</summary>
    public static bool IsOnAnticoagulant(AnticoagulantUse? anticoagulant) =>
        anticoagulant is AnticoagulantUse.Prophylactic or AnticoagulantUse.Therapeutic;
}
