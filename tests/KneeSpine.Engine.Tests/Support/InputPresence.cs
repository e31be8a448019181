using KneeSpine.Engine.Input;

namespace KneeSpine.Engine.Tests.Support;

/// <summary>
/// Whether the answer at a JSON path was given. A rule reports answers that are present, and only
/// three that may be absent because their absence is what made the rule fire (spec, triggeredBy).
/// </summary>
internal static class InputPresence
{
    public static bool IsAnswered(AssessmentInput input, string path) => path switch
    {
        "assessedOn" or "surgery.date" or "surgery.anesthesia" or "patient.ageYears" or "backPain.intensityNow" => true,
        "patient.heightCm" => input.Patient.HeightCm is not null,
        "patient.weightKg" => input.Patient.WeightKg is not null,
        "surgery.preoperativeAlignment" => input.Surgery.PreoperativeAlignment is not null,
        "backPain.frequency" => input.BackPain.Frequency is not null,
        "backPain.startedWhen" => input.BackPain.StartedWhen is not null,
        "backPain.historyBeforeSurgery" => input.BackPain.HistoryBeforeSurgery is not null,
        "backPain.painBelowKnee" => input.BackPain.PainBelowKnee is not null,
        "backPain.worseAtNightAtRest" => input.BackPain.WorseAtNightAtRest is not null,
        "knee.painNow" => input.Knee?.PainNow is not null,
        "knee.painBeforeSurgery" => input.Knee?.PainBeforeSurgery is not null,
        "activity.exerciseMinutesPerWeek" => input.Activity?.ExerciseMinutesPerWeek is not null,
        "activity.levelBeforeSurgery" => input.Activity?.LevelBeforeSurgery is not null,
        "activity.trunkMuscleWeakness" => input.Activity?.TrunkMuscleWeakness is not null,
        "activity.walkingAid" => input.Activity?.WalkingAid is not null,
        "activity.limp" => input.Activity?.Limp is not null,
        "activity.legLengthDifferenceNoticed" => input.Activity?.LegLengthDifferenceNoticed is not null,
        "sleep.hoursPerNight" => input.Sleep?.HoursPerNight is not null,
        "sleep.troubleSleeping" => input.Sleep?.TroubleSleeping is not null,
        "sleep.poorNightsPerWeek" => input.Sleep?.PoorNightsPerWeek is not null,
        "conditions" => input.Conditions is { Count: > 0 },
        "medications.anticoagulant" => input.Medications?.Anticoagulant is not null,
        "medications.antiplatelet" => input.Medications?.Antiplatelet is not null,
        "medications.painMedicines" => input.Medications?.PainMedicines is { Count: > 0 },
        "medications.longTermSteroids" => input.Medications?.LongTermSteroids is not null,
        "psychosocial.littleInterestOrPleasure" => input.Psychosocial?.LittleInterestOrPleasure is not null,
        "psychosocial.feelingDownDepressedOrHopeless" => input.Psychosocial?.FeelingDownDepressedOrHopeless is not null,
        "psychosocial.feelingNervousAnxiousOrOnEdge" => input.Psychosocial?.FeelingNervousAnxiousOrOnEdge is not null,
        "psychosocial.unableToStopOrControlWorrying" => input.Psychosocial?.UnableToStopOrControlWorrying is not null,
        "psychosocial.avoidsMovementForFearOfHarm" => input.Psychosocial?.AvoidsMovementForFearOfHarm is not null,
        "expectations.expectsNoPainAtAll" => input.Expectations?.ExpectsNoPainAtAll is not null,
        "expectations.expectsSurgeryToFixBackPain" => input.Expectations?.ExpectsSurgeryToFixBackPain is not null,
        "expectations.expectedFullRecoveryWeeks" => input.Expectations?.ExpectedFullRecoveryWeeks is not null,
        _ when path.StartsWith("redFlags.", StringComparison.Ordinal) => true,
        _ => throw new ArgumentOutOfRangeException(nameof(path), path, "Not a path any rule reports."),
    };

    /// <summary>An unanswered blood thinner in A3, an unanswered onset in A9, an omitted knee pain before surgery in F6.</summary>
    public static bool AbsenceCounts(string ruleId, string path) => (ruleId, path) is
        ("suspected-spinal-epidural-hematoma", "medications.anticoagulant")
        or ("possible-malignancy", "backPain.startedWhen")
        or ("unmasked-back-pain", "knee.painBeforeSurgery");
}
