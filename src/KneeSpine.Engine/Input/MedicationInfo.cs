namespace KneeSpine.Engine.Input;

/// <summary>The <c>medications</c> section.</summary>
public sealed record MedicationInfo
{
    /// <summary><c>medications.anticoagulant</c>. For alert A3 an omitted answer counts as possible use.</summary>
    public AnticoagulantUse? Anticoagulant { get; init; }

    /// <summary><c>medications.painMedicines</c>; never with duplicates.</summary>
    public IReadOnlyList<PainMedicine>? PainMedicines { get; init; }

    /// <summary><c>medications.opioidDaysLastWeek</c>, 0-7.</summary>
    public int? OpioidDaysLastWeek { get; init; }

    /// <summary><c>medications.antiplatelet</c>: aspirin (including low-dose aspirin to prevent clots) or another antiplatelet.</summary>
    public AntiplateletUse? Antiplatelet { get; init; }

    /// <summary><c>medications.longTermSteroids</c>: steroid tablets on most days for 3 months or more, now or in the past year.</summary>
    public bool? LongTermSteroids { get; init; }
}
