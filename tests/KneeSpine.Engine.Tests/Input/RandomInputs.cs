using KneeSpine.Engine.Codes;
using KneeSpine.Engine.Input;

namespace KneeSpine.Engine.Tests.Input;

/// <summary>Valid assessment models drawn from a seeded generator, covering every optional field being given or not.</summary>
internal static class RandomInputs
{
    public static AssessmentInput Next(Random random)
    {
        T? Maybe<T>(Func<T> value) where T : struct => random.Next(3) == 0 ? null : value();
        T Pick<T>() where T : struct, Enum => Code<T>.Values[random.Next(Code<T>.Values.Count)];
        PainScore Pain() => new(random.Next(0, 11));
        double Decimal(int min, int max) => Math.Round(min + (random.NextDouble() * (max - min)), random.Next(0, 3));
        T[]? List<T>() where T : struct, Enum =>
            random.Next(3) == 0 ? null : [.. Code<T>.Values.OrderBy(_ => random.Next()).Take(random.Next(Code<T>.Values.Count + 1))];

        var surgery = DateOnly.FromDayNumber(random.Next(DateOnly.FromDateTime(new DateTime(2000, 1, 1)).DayNumber, DateOnly.FromDateTime(new DateTime(2030, 1, 1)).DayNumber));
        var flags = Enumerable.Range(0, 14).Select(_ => random.Next(4) == 0).ToArray();
        return new AssessmentInput(
            surgery.AddDays(random.Next(0, 400)),
            new PatientInfo(random.Next(18, 121)) { Sex = Maybe(Pick<Sex>), HeightCm = Maybe(() => Decimal(100, 250)), WeightKg = Maybe(() => Decimal(25, 350)) },
            new SurgeryInfo(surgery, Pick<Anesthesia>())
            {
                Side = Maybe(Pick<SurgerySide>), Procedure = Maybe(Pick<SurgeryProcedure>), PreoperativeAlignment = Maybe(Pick<KneeAlignment>),
            },
            new BackPainInfo(Pain())
            {
                IntensityWorstLastWeek = Maybe(Pain), Frequency = Maybe(Pick<PainFrequency>), StartedWhen = Maybe(Pick<PainOnset>),
                HistoryBeforeSurgery = Maybe(Pick<BackPainHistory>), PainBelowKnee = Maybe(() => random.Next(2) == 0), WorseAtNightAtRest = Maybe(() => random.Next(2) == 0),
            },
            new RedFlagAnswers(flags[0], flags[1], flags[2], flags[3], flags[4], flags[5], flags[6], flags[7], flags[8], flags[9], flags[10], flags[11], flags[12], flags[13]))
        {
            Knee = random.Next(3) == 0 ? null : new KneeInfo { PainNow = Maybe(Pain), PainBeforeSurgery = Maybe(Pain) },
            Activity = random.Next(3) == 0 ? null : new ActivityInfo
            {
                ExerciseMinutesPerWeek = Maybe(() => random.Next(0, 5001)), LevelBeforeSurgery = Maybe(Pick<ActivityLevel>),
                TrunkMuscleWeakness = Maybe(() => random.Next(2) == 0), WalkingAid = Maybe(Pick<WalkingAid>),
                Limp = Maybe(() => random.Next(2) == 0), LegLengthDifferenceNoticed = Maybe(() => random.Next(2) == 0),
            },
            Sleep = random.Next(3) == 0 ? null : new SleepInfo
            {
                HoursPerNight = Maybe(() => Decimal(0, 24)), TroubleSleeping = Maybe(Pick<SleepTrouble>), PoorNightsPerWeek = Maybe(() => random.Next(0, 8)),
            },
            Conditions = List<Condition>(),
            Medications = random.Next(3) == 0 ? null : new MedicationInfo
            {
                Anticoagulant = Maybe(Pick<AnticoagulantUse>), PainMedicines = List<PainMedicine>(), OpioidDaysLastWeek = Maybe(() => random.Next(0, 8)),
                Antiplatelet = Maybe(Pick<AntiplateletUse>), LongTermSteroids = Maybe(() => random.Next(2) == 0),
            },
            Expectations = random.Next(3) == 0 ? null : new ExpectationsInfo
            {
                ExpectsNoPainAtAll = Maybe(() => random.Next(2) == 0), ExpectsSurgeryToFixBackPain = Maybe(() => random.Next(2) == 0),
                ExpectedFullRecoveryWeeks = Maybe(() => random.Next(0, 521)),
            },
            Psychosocial = random.Next(3) == 0 ? null : new PsychosocialInfo
            {
                LittleInterestOrPleasure = Maybe(() => random.Next(0, 4)), FeelingDownDepressedOrHopeless = Maybe(() => random.Next(0, 4)),
                FeelingNervousAnxiousOrOnEdge = Maybe(() => random.Next(0, 4)), UnableToStopOrControlWorrying = Maybe(() => random.Next(0, 4)),
                AvoidsMovementForFearOfHarm = Maybe(() => random.Next(2) == 0),
            },
            BackFunction = random.Next(3) == 0 ? null : new BackFunctionInfo
            {
                StandingUpFromChair = Maybe(() => random.Next(0, 4)), Walking15Minutes = Maybe(() => random.Next(0, 4)),
                PuttingOnSocksAndShoes = Maybe(() => random.Next(0, 4)), LightHouseholdJobs = Maybe(() => random.Next(0, 4)),
            },
        };
    }
}
