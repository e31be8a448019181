namespace KneeSpine.Engine.Input;

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
