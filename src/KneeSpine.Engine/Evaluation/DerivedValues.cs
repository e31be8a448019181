using KneeSpine.Engine.Input;
using KneeSpine.Engine.Results;

namespace KneeSpine.Engine.Evaluation;

/// <summary>The derived values of the specification, computed exactly as the rules use them.</summary>
public static class DerivedValues
{
    /// <summary>Far above the error of a double quotient of BMI tenths (about 1e-13), far below the input precision.</summary>
    private const double TieTolerance = 1e-7;

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
    /// <remarks>Rounding is exact: near a tie (such as 29.95, which a double quotient could put on either side) the value is computed in decimal.</remarks>
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

        // Fast path in double; only a quotient within rounding noise of a .x5 tie is recomputed
        // exactly in decimal, so that 25.25 rounds to 25.3 whatever the binary error.
        var tenths = weight * 100_000 / (height * height);
        if (Math.Abs(tenths - Math.Floor(tenths) - 0.5) > TieTolerance)
        {
            return Math.Round(tenths, MidpointRounding.AwayFromZero) / 10;
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
