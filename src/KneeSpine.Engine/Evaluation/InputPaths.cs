namespace KneeSpine.Engine.Evaluation;

/// <summary>JSON paths of the answers the rules read, as reported in <c>triggeredBy</c>.</summary>
internal static class InputPaths
{
    public const string AssessedOn = "assessedOn";
    public const string AgeYears = "patient.ageYears";
    public const string HeightCm = "patient.heightCm";
    public const string WeightKg = "patient.weightKg";
    public const string SurgeryDate = "surgery.date";
    public const string Anesthesia = "surgery.anesthesia";
    public const string PreoperativeAlignment = "surgery.preoperativeAlignment";
    public const string IntensityNow = "backPain.intensityNow";
    public const string Frequency = "backPain.frequency";
    public const string StartedWhen = "backPain.startedWhen";
    public const string HistoryBeforeSurgery = "backPain.historyBeforeSurgery";
    public const string PainBelowKnee = "backPain.painBelowKnee";
    public const string WorseAtNightAtRest = "backPain.worseAtNightAtRest";
    public const string KneePainNow = "knee.painNow";
    public const string KneePainBeforeSurgery = "knee.painBeforeSurgery";
    public const string ExerciseMinutesPerWeek = "activity.exerciseMinutesPerWeek";
    public const string LevelBeforeSurgery = "activity.levelBeforeSurgery";
    public const string TrunkMuscleWeakness = "activity.trunkMuscleWeakness";
    public const string WalkingAid = "activity.walkingAid";
    public const string Limp = "activity.limp";
    public const string LegLengthDifferenceNoticed = "activity.legLengthDifferenceNoticed";
    public const string HoursPerNight = "sleep.hoursPerNight";
    public const string TroubleSleeping = "sleep.troubleSleeping";
    public const string PoorNightsPerWeek = "sleep.poorNightsPerWeek";
    public const string Conditions = "conditions";
    public const string Anticoagulant = "medications.anticoagulant";
    public const string Antiplatelet = "medications.antiplatelet";
    public const string PainMedicines = "medications.painMedicines";
    public const string LongTermSteroids = "medications.longTermSteroids";
    public const string LittleInterestOrPleasure = "psychosocial.littleInterestOrPleasure";
    public const string FeelingDownDepressedOrHopeless = "psychosocial.feelingDownDepressedOrHopeless";
    public const string FeelingNervousAnxiousOrOnEdge = "psychosocial.feelingNervousAnxiousOrOnEdge";
    public const string UnableToStopOrControlWorrying = "psychosocial.unableToStopOrControlWorrying";
    public const string AvoidsMovementForFearOfHarm = "psychosocial.avoidsMovementForFearOfHarm";
    public const string ExpectsNoPainAtAll = "expectations.expectsNoPainAtAll";
    public const string ExpectsSurgeryToFixBackPain = "expectations.expectsSurgeryToFixBackPain";
    public const string ExpectedFullRecoveryWeeks = "expectations.expectedFullRecoveryWeeks";
    public const string NewBladderOrBowelProblem = "redFlags.newBladderOrBowelProblem";
    public const string NumbnessInSaddleArea = "redFlags.numbnessInSaddleArea";
    public const string SciaticaBothLegs = "redFlags.sciaticaBothLegs";
    public const string NewLegWeaknessOrNumbness = "redFlags.newLegWeaknessOrNumbness";
    public const string SuddenSevereBackPain = "redFlags.suddenSevereBackPain";
    public const string CoughingBloodOrFainting = "redFlags.coughingBloodOrFainting";
    public const string LegWeaknessOrNumbnessGettingWorse = "redFlags.legWeaknessOrNumbnessGettingWorse";
    public const string FeverOrChills = "redFlags.feverOrChills";
    public const string WoundRednessOrDischarge = "redFlags.woundRednessOrDischarge";
    public const string RecentFallOrInjury = "redFlags.recentFallOrInjury";
    public const string UnexplainedWeightLoss = "redFlags.unexplainedWeightLoss";
    public const string ChestPainOrShortnessOfBreath = "redFlags.chestPainOrShortnessOfBreath";
    public const string CalfSwellingOrPain = "redFlags.calfSwellingOrPain";
    public const string SeverePainNotEasedByRestOrPosition = "redFlags.severePainNotEasedByRestOrPosition";
}
