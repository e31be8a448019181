using KneeSpine.Engine.Input;

namespace KneeSpine.Engine.Tests.Builders;

/// <summary>
/// Builds valid assessments in code. <see cref="Baseline"/> is a 40-year-old, ten days after a knee
/// replacement under general anaesthesia, no back pain, every red flag "no" and every optional
/// section omitted: only the plan's always-items apply. Each method returns a changed copy.
/// </summary>
public sealed record AssessmentBuilder(AssessmentInput Input)
{
    public static readonly DateOnly SurgeryDate = new(2026, 3, 2);

    public static AssessmentBuilder Baseline() => new(new AssessmentInput(
        SurgeryDate.AddDays(10),
        new PatientInfo(40),
        new SurgeryInfo(SurgeryDate, global::KneeSpine.Engine.Input.Anesthesia.General),
        new BackPainInfo(new PainScore(0)),
        new RedFlagAnswers(false, false, false, false, false, false, false, false, false, false, false, false, false, false)));

    public AssessmentInput Build() => Input;

    public AssessmentBuilder DaysAfterSurgery(int days) => this with { Input = Input with { AssessedOn = Input.Surgery.Date.AddDays(days) } };

    public AssessmentBuilder Dates(string surgery, string assessedOn) => this with
    {
        Input = Input with { AssessedOn = DateOnly.Parse(assessedOn, System.Globalization.CultureInfo.InvariantCulture), Surgery = Input.Surgery with { Date = DateOnly.Parse(surgery, System.Globalization.CultureInfo.InvariantCulture) } },
    };

    public AssessmentBuilder Age(int years) => this with { Input = Input with { Patient = Input.Patient with { AgeYears = years } } };

    public AssessmentBuilder Body(double? heightCm, double? weightKg) =>
        this with { Input = Input with { Patient = Input.Patient with { HeightCm = heightCm, WeightKg = weightKg } } };

    public AssessmentBuilder Anesthesia(Anesthesia anesthesia) => this with { Input = Input with { Surgery = Input.Surgery with { Anesthesia = anesthesia } } };

    public AssessmentBuilder Alignment(KneeAlignment alignment) =>
        this with { Input = Input with { Surgery = Input.Surgery with { PreoperativeAlignment = alignment } } };

    public AssessmentBuilder Pain(int intensityNow) => BackPain(p => p with { IntensityNow = new PainScore(intensityNow) });

    public AssessmentBuilder BackPain(Func<BackPainInfo, BackPainInfo> change) => this with { Input = Input with { BackPain = change(Input.BackPain) } };

    public AssessmentBuilder RedFlags(Func<RedFlagAnswers, RedFlagAnswers> change) => this with { Input = Input with { RedFlags = change(Input.RedFlags) } };

    public AssessmentBuilder Knee(int? painNow, int? painBeforeSurgery) => this with
    {
        Input = Input with
        {
            Knee = new KneeInfo
            {
                PainNow = painNow is { } now ? new PainScore(now) : null,
                PainBeforeSurgery = painBeforeSurgery is { } before ? new PainScore(before) : null,
            },
        },
    };

    public AssessmentBuilder Activity(Func<ActivityInfo, ActivityInfo> change) => this with { Input = Input with { Activity = change(Input.Activity ?? new ActivityInfo()) } };

    public AssessmentBuilder Sleep(Func<SleepInfo, SleepInfo> change) => this with { Input = Input with { Sleep = change(Input.Sleep ?? new SleepInfo()) } };

    public AssessmentBuilder Conditions(params Condition[] conditions) => this with { Input = Input with { Conditions = conditions } };

    public AssessmentBuilder Medications(Func<MedicationInfo, MedicationInfo> change) =>
        this with { Input = Input with { Medications = change(Input.Medications ?? new MedicationInfo()) } };

    public AssessmentBuilder Anticoagulant(AnticoagulantUse use) => Medications(m => m with { Anticoagulant = use });

    public AssessmentBuilder Antiplatelet(AntiplateletUse use) => Medications(m => m with { Antiplatelet = use });

    public AssessmentBuilder Psychosocial(Func<PsychosocialInfo, PsychosocialInfo> change) =>
        this with { Input = Input with { Psychosocial = change(Input.Psychosocial ?? new PsychosocialInfo()) } };

    public AssessmentBuilder BackFunction(Func<BackFunctionInfo, BackFunctionInfo> change) =>
        this with { Input = Input with { BackFunction = change(Input.BackFunction ?? new BackFunctionInfo()) } };

    public AssessmentBuilder Expectations(Func<ExpectationsInfo, ExpectationsInfo> change) =>
        this with { Input = Input with { Expectations = change(Input.Expectations ?? new ExpectationsInfo()) } };
}
