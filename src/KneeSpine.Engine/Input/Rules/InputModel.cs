namespace KneeSpine.Engine.Input;

/// <summary>Builds the <see cref="AssessmentInput"/> model from the slots of a document that passed every check.</summary>
internal static class InputModel
{
    private static readonly uint KneeBit = InputSchema.SectionBit("knee");
    private static readonly uint ActivityBit = InputSchema.SectionBit("activity");
    private static readonly uint SleepBit = InputSchema.SectionBit("sleep");
    private static readonly uint MedicationsBit = InputSchema.SectionBit("medications");
    private static readonly uint ExpectationsBit = InputSchema.SectionBit("expectations");
    private static readonly uint PsychosocialBit = InputSchema.SectionBit("psychosocial");
    private static readonly uint BackFunctionBit = InputSchema.SectionBit("backFunction");

    public static AssessmentInput Build(in InputSlots s)
    {
        var f = FieldIndex.NewBladderOrBowelProblem;
        var redFlags = new RedFlagAnswers(
            Flag(in s, f), Flag(in s, f + 1), Flag(in s, f + 2), Flag(in s, f + 3), Flag(in s, f + 4),
            Flag(in s, f + 5), Flag(in s, f + 6), Flag(in s, f + 7), Flag(in s, f + 8), Flag(in s, f + 9),
            Flag(in s, f + 10), Flag(in s, f + 11), Flag(in s, f + 12), Flag(in s, f + 13));

        var patient = new PatientInfo((int)s.Value[FieldIndex.AgeYears])
        {
            Sex = s.Code<Sex>(FieldIndex.Sex),
            HeightCm = s.Double(FieldIndex.HeightCm),
            WeightKg = s.Double(FieldIndex.WeightKg),
        };
        var surgery = new SurgeryInfo(s.Date(FieldIndex.SurgeryDate), (Anesthesia)(int)s.Value[FieldIndex.Anesthesia])
        {
            Side = s.Code<SurgerySide>(FieldIndex.Side),
            Procedure = s.Code<SurgeryProcedure>(FieldIndex.Procedure),
            PreoperativeAlignment = s.Code<KneeAlignment>(FieldIndex.PreoperativeAlignment),
        };
        var backPain = new BackPainInfo(new PainScore((int)s.Value[FieldIndex.IntensityNow]))
        {
            IntensityWorstLastWeek = s.Pain(FieldIndex.IntensityWorstLastWeek),
            Frequency = s.Code<PainFrequency>(FieldIndex.Frequency),
            StartedWhen = s.Code<PainOnset>(FieldIndex.StartedWhen),
            HistoryBeforeSurgery = s.Code<BackPainHistory>(FieldIndex.HistoryBeforeSurgery),
            PainBelowKnee = s.Bool(FieldIndex.PainBelowKnee),
            WorseAtNightAtRest = s.Bool(FieldIndex.WorseAtNightAtRest),
        };

        return new AssessmentInput(s.Date(FieldIndex.AssessedOn), patient, surgery, backPain, redFlags)
        {
            Knee = SectionGiven(in s, KneeBit) ? new KneeInfo
            {
                PainNow = s.Pain(FieldIndex.KneePainNow),
                PainBeforeSurgery = s.Pain(FieldIndex.KneePainBeforeSurgery),
            } : null,
            Activity = SectionGiven(in s, ActivityBit) ? new ActivityInfo
            {
                ExerciseMinutesPerWeek = s.Int(FieldIndex.ExerciseMinutesPerWeek),
                LevelBeforeSurgery = s.Code<ActivityLevel>(FieldIndex.LevelBeforeSurgery),
                TrunkMuscleWeakness = s.Bool(FieldIndex.TrunkMuscleWeakness),
                WalkingAid = s.Code<WalkingAid>(FieldIndex.WalkingAid),
                Limp = s.Bool(FieldIndex.Limp),
                LegLengthDifferenceNoticed = s.Bool(FieldIndex.LegLengthDifferenceNoticed),
            } : null,
            Sleep = SectionGiven(in s, SleepBit) ? new SleepInfo
            {
                HoursPerNight = s.Double(FieldIndex.HoursPerNight),
                TroubleSleeping = s.Code<SleepTrouble>(FieldIndex.TroubleSleeping),
                PoorNightsPerWeek = s.Int(FieldIndex.PoorNightsPerWeek),
            } : null,
            Conditions = s.IsValid(FieldIndex.Conditions) ? s.Conditions.ToArray<Condition>() : null,
            Medications = SectionGiven(in s, MedicationsBit) ? new MedicationInfo
            {
                Anticoagulant = s.Code<AnticoagulantUse>(FieldIndex.Anticoagulant),
                PainMedicines = s.IsValid(FieldIndex.PainMedicines) ? s.PainMedicines.ToArray<PainMedicine>() : null,
                OpioidDaysLastWeek = s.Int(FieldIndex.OpioidDaysLastWeek),
                Antiplatelet = s.Code<AntiplateletUse>(FieldIndex.Antiplatelet),
                LongTermSteroids = s.Bool(FieldIndex.LongTermSteroids),
            } : null,
            Expectations = SectionGiven(in s, ExpectationsBit) ? new ExpectationsInfo
            {
                ExpectsNoPainAtAll = s.Bool(FieldIndex.ExpectsNoPainAtAll),
                ExpectsSurgeryToFixBackPain = s.Bool(FieldIndex.ExpectsSurgeryToFixBackPain),
                ExpectedFullRecoveryWeeks = s.Int(FieldIndex.ExpectedFullRecoveryWeeks),
            } : null,
            Psychosocial = SectionGiven(in s, PsychosocialBit) ? new PsychosocialInfo
            {
                LittleInterestOrPleasure = s.Int(FieldIndex.LittleInterestOrPleasure),
                FeelingDownDepressedOrHopeless = s.Int(FieldIndex.FeelingDownDepressedOrHopeless),
                FeelingNervousAnxiousOrOnEdge = s.Int(FieldIndex.FeelingNervousAnxiousOrOnEdge),
                UnableToStopOrControlWorrying = s.Int(FieldIndex.UnableToStopOrControlWorrying),
                AvoidsMovementForFearOfHarm = s.Bool(FieldIndex.AvoidsMovementForFearOfHarm),
            } : null,
            BackFunction = SectionGiven(in s, BackFunctionBit) ? new BackFunctionInfo
            {
                StandingUpFromChair = s.Int(FieldIndex.StandingUpFromChair),
                Walking15Minutes = s.Int(FieldIndex.Walking15Minutes),
                PuttingOnSocksAndShoes = s.Int(FieldIndex.PuttingOnSocksAndShoes),
                LightHouseholdJobs = s.Int(FieldIndex.LightHouseholdJobs),
            } : null,
        };
    }

    private static bool Flag(in InputSlots s, int field) => s.Value[field] != 0;

    private static bool SectionGiven(in InputSlots s, uint section) => (s.SectionsGiven & section) != 0;
}
