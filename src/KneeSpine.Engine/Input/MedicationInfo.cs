namespace KneeSpine.Engine.Input;

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
