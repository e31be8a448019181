using KneeSpine.Engine.Codes;
using KneeSpine.Engine.Input;

namespace KneeSpine.Benchmarks;

/// <summary>
/// Generates varied, valid, clinically plausible assessments from a seed, so every run measures
/// the same mix: mostly benign follow-ups, a few with red flags, every optional section sometimes absent.
/// </summary>
internal sealed class InputGenerator(int seed)
{
    private static readonly DateOnly FirstSurgery = new(2024, 1, 1);
    private readonly Random _random = new(seed);

    public AssessmentInput Next()
    {
        var surgeryDate = FirstSurgery.AddDays(_random.Next(0, 900));
        var assessedOn = surgeryDate.AddDays(_random.Next(0, 200));
        var input = new AssessmentInput(
            assessedOn,
            new PatientInfo(_random.Next(40, 95))
            {
                Sex = Maybe(Pick<Sex>),
                HeightCm = Maybe(() => Math.Round(150 + (_random.NextDouble() * 45), 1)),
                WeightKg = Maybe(() => Math.Round(50 + (_random.NextDouble() * 70), 1)),
            },
            new SurgeryInfo(surgeryDate, Pick<Anesthesia>())
            {
                Side = Maybe(Pick<SurgerySide>),
                Procedure = Maybe(Pick<SurgeryProcedure>),
                PreoperativeAlignment = Maybe(Pick<KneeAlignment>),
            },
            new BackPainInfo(new PainScore(_random.Next(0, 11)))
            {
                Frequency = Maybe(Pick<PainFrequency>),
                StartedWhen = Maybe(Pick<PainOnset>),
                HistoryBeforeSurgery = Maybe(Pick<BackPainHistory>),
                PainBelowKnee = Maybe<bool>(Rare),
                WorseAtNightAtRest = Maybe<bool>(Rare),
            },
            new RedFlagAnswers(Rare(), Rare(), Rare(), Rare(), Rare(), Rare(), Rare(), Rare(), Rare(), Rare(), Rare(), Rare(), Rare(), Rare()))
        {
            Knee = MaybeSection(() => new KneeInfo { PainNow = new PainScore(_random.Next(0, 11)), PainBeforeSurgery = new PainScore(_random.Next(0, 11)) }),
            Activity = MaybeSection(() => new ActivityInfo
            {
                ExerciseMinutesPerWeek = _random.Next(0, 400),
                LevelBeforeSurgery = Pick<ActivityLevel>(),
                TrunkMuscleWeakness = _random.Next(2) == 0,
                WalkingAid = Pick<WalkingAid>(),
                Limp = _random.Next(4) == 0,
            }),
            Sleep = MaybeSection(() => new SleepInfo { HoursPerNight = 4 + _random.Next(0, 9), TroubleSleeping = Pick<SleepTrouble>(), PoorNightsPerWeek = _random.Next(0, 8) }),
            Conditions = MaybeSection<IReadOnlyList<Condition>>(() => [.. Code<Condition>.Values.Where(_ => _random.Next(8) == 0)]),
            Medications = MaybeSection(() => new MedicationInfo
            {
                Anticoagulant = Pick<AnticoagulantUse>(),
                PainMedicines = [.. Code<PainMedicine>.Values.Where(_ => _random.Next(3) == 0)],
                OpioidDaysLastWeek = _random.Next(0, 8),
                Antiplatelet = Pick<AntiplateletUse>(),
                LongTermSteroids = _random.Next(10) == 0,
            }),
            Expectations = MaybeSection(() => new ExpectationsInfo
            {
                ExpectsNoPainAtAll = _random.Next(3) == 0,
                ExpectsSurgeryToFixBackPain = _random.Next(4) == 0,
                ExpectedFullRecoveryWeeks = _random.Next(2, 52),
            }),
        };
        return input;
    }

    private T Pick<T>() where T : struct, Enum => Code<T>.Values[_random.Next(Code<T>.Values.Count)];

    // A third of optional answers and sections are omitted.
    private T? MaybeSection<T>(Func<T?> make) where T : class => _random.Next(3) == 0 ? null : make();

    private T? Maybe<T>(Func<T> make) where T : struct => _random.Next(3) == 0 ? null : make();

    // About one answer in sixty is "yes", so roughly one assessment in six has some red flag.
    private bool Rare() => _random.Next(60) == 0;
}
