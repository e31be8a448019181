using KneeSpine.Engine.Input;
using KneeSpine.Engine.Results;

namespace KneeSpine.Engine.Evaluation;

/// <summary>The derived values and list memberships of one assessment, computed once and read by every rule.</summary>
internal readonly struct Facts
{
    private readonly int conditions;
    private readonly int painMedicines;

    private Facts(AssessmentInput input)
    {
        Days = DerivedValues.DaysSinceSurgery(input.Surgery.Date, input.AssessedOn);
        Intensity = input.BackPain.IntensityNow.Value;
        PainSeverity = DerivedValues.PainSeverityOf(input.BackPain.IntensityNow);
        BodyMassIndex = DerivedValues.BodyMassIndex(input.Patient.HeightCm, input.Patient.WeightKg);
        Neuraxial = DerivedValues.IsNeuraxial(input.Surgery.Anesthesia);
        NeuraxialOrUnknown = DerivedValues.IsNeuraxialOrUnknown(input.Surgery.Anesthesia);
        var medications = input.Medications;
        conditions = Mask(input.Conditions);
        painMedicines = Mask(medications?.PainMedicines);
        AnticoagulantNotExcluded = DerivedValues.AnticoagulantNotExcluded(medications?.Anticoagulant);
        AntiplateletReported = DerivedValues.AntiplateletReported(medications?.Antiplatelet);
        BloodThinnerReported = DerivedValues.BloodThinnerReported(medications);
        LongTermSteroids = medications?.LongTermSteroids == true;
        OlderAge = input.Patient.AgeYears >= DerivedValues.FractureRiskFromAge;
        Phq2 = DerivedValues.Phq2(input.Psychosocial);
        Gad2 = DerivedValues.Gad2(input.Psychosocial);
        Scores = DerivedValues.Scores(input);
    }

    /// <summary><c>d</c>, days since surgery.</summary>
    public int Days { get; }

    /// <summary><c>backPain.intensityNow</c>, 0-10.</summary>
    public int Intensity { get; }

    public PainSeverity PainSeverity { get; }

    public double? BodyMassIndex { get; }

    public bool Neuraxial { get; }

    public bool NeuraxialOrUnknown { get; }

    /// <summary>The anticoagulant part of bleedingRiskNotExcluded (an omitted answer counts).</summary>
    public bool AnticoagulantNotExcluded { get; }

    public bool AntiplateletReported { get; }

    public bool BloodThinnerReported { get; }

    public bool LongTermSteroids { get; }

    /// <summary>Age 70 or more (the age part of fractureRisk).</summary>
    public bool OlderAge { get; }

    public int? Phq2 { get; }

    public int? Gad2 { get; }

    public AssessmentScores Scores { get; }

    /// <summary>Diabetes, immunosuppression or long-term steroid tablets: an infection can be hard to spot (A5 and self-monitor-pain variants).</summary>
    public bool InfectionHardToSpot => Has(Condition.Diabetes) || Has(Condition.Immunosuppression) || LongTermSteroids;

    /// <summary>Whether <c>conditions</c> holds any entry other than those in <paramref name="except"/>.</summary>
    public bool HasConditionOtherThan(Condition except) => (conditions & ~(1 << (int)except)) != 0;

    public bool Has(Condition condition) => (conditions & (1 << (int)condition)) != 0;

    public bool Takes(PainMedicine medicine) => (painMedicines & (1 << (int)medicine)) != 0;

    /// <exception cref="ArgumentException">The assessment date is before the surgery date.</exception>
    public static Facts Of(AssessmentInput input) => new(input);

    // Indexed loops over the interface: no enumerator or boxing on the hot path.
    private static int Mask(IReadOnlyList<Condition>? codes)
    {
        var mask = 0;
        for (var i = 0; codes is not null && i < codes.Count; i++)
        {
            mask |= 1 << (int)codes[i];
        }

        return mask;
    }

    private static int Mask(IReadOnlyList<PainMedicine>? codes)
    {
        var mask = 0;
        for (var i = 0; codes is not null && i < codes.Count; i++)
        {
            mask |= 1 << (int)codes[i];
        }

        return mask;
    }
}
