using System.Collections.Frozen;
using KneeSpine.Engine.Codes;

namespace KneeSpine.Engine.Input;

/// <summary>
/// The catalogue of every field of assessment-input.schema.json (except the constant
/// <c>schemaVersion</c>): paths, kinds, ranges, codes, patient questions and clinician labels.
/// </summary>
/// <remarks>
/// Forms, questionnaires (FHIR) and the validator are built from this one list, so a question
/// cannot drift from the rule that checks its answer. The red-flag questions come first: they are
/// the ones that must never be skipped.
/// </remarks>
public static class InputFields
{
    private const string Pain010 = "from 0 (no pain) to 10 (the worst pain you can imagine)";

    /// <summary>Every field: red-flag fields first, then the others in schema order.</summary>
    public static IReadOnlyList<InputField> All { get; } =
    [
        Flag("newBladderOrBowelProblem", "Do you have new trouble passing urine, or have you lost control of your bladder or bowels?", "New bladder or bowel problem"),
        Flag("numbnessInSaddleArea", "Do you have new numbness around your genitals, buttocks or inner thighs?", "Saddle-area numbness"),
        Flag("legWeaknessOrNumbnessGettingWorse", "Is weakness or numbness in your legs getting worse?", "Worsening leg weakness or numbness"),
        Flag("feverOrChills", "Do you have a fever or chills?", "Fever or chills"),
        Flag("woundRednessOrDischarge", "Is your knee wound red, or is fluid coming out of it?", "Wound redness or discharge"),
        Flag("recentFallOrInjury", "Have you had a fall or an injury lately?", "Recent fall or injury"),
        Flag("unexplainedWeightLoss", "Have you lost weight without trying to?", "Unexplained weight loss"),
        Flag("chestPainOrShortnessOfBreath", "Do you have chest pain, or do you get out of breath easily?", "Chest pain or shortness of breath"),
        Flag("calfSwellingOrPain", "Is the calf of either leg swollen or painful?", "Calf swelling or pain"),
        Flag("severePainNotEasedByRestOrPosition", "Is your back pain very bad, and not eased by resting or by changing position?", "Severe pain not eased by rest or position"),

        new("assessedOn", "assessment", FieldKind.Date, true, null, null, [], "What is today's date (the day you answer these questions)?", "Assessment date"),

        Number("patient.ageYears", FieldKind.Integer, true, 18, 120, "How old are you, in years?", "Age (years)"),
        Choice<Sex>("patient.sex", false, "What is your sex?", "Sex"),
        Number("patient.heightCm", FieldKind.Decimal, false, 100, 250, "How tall are you, in centimetres?", "Height (cm)"),
        Number("patient.weightKg", FieldKind.Decimal, false, 25, 350, "How much do you weigh, in kilograms?", "Weight (kg)"),

        new("surgery.date", "surgery", FieldKind.Date, true, null, null, [], "On what date did you have your knee replacement?", "Surgery date"),
        Choice<SurgerySide>("surgery.side", false, "Which knee was replaced?", "Operated side"),
        Choice<SurgeryProcedure>("surgery.procedure", false, "What kind of knee operation did you have?", "Procedure"),
        Choice<Anesthesia>("surgery.anesthesia", true, "What kind of anaesthetic did you have for the operation (an injection in the back, or being put to sleep)?", "Anaesthesia"),
        Choice<KneeAlignment>("surgery.preoperativeAlignment", false, "Before the operation, were you bow-legged or knock-kneed?", "Pre-operative alignment"),

        Number("backPain.intensityNow", FieldKind.Integer, true, 0, 10, $"How bad is your back pain right now, {Pain010}?", "Back pain now (0-10)"),
        Number("backPain.intensityWorstLastWeek", FieldKind.Integer, false, 0, 10, $"How bad was your back pain at its worst in the last week, {Pain010}?", "Worst back pain last week (0-10)"),
        Choice<PainFrequency>("backPain.frequency", false, "How often does your back hurt?", "Pain frequency"),
        Choice<PainOnset>("backPain.startedWhen", false, "Did this back pain start before or after your knee operation?", "Onset"),
        Choice<BackPainHistory>("backPain.historyBeforeSurgery", false, "In the year before your knee operation, how often did you have back pain?", "Back pain in the year before surgery"),
        Bool("backPain.painBelowKnee", false, "Does pain shoot from your back down your leg, below the knee?", "Pain radiating below the knee"),
        Bool("backPain.worseAtNightAtRest", false, "Is your back pain worst at night or when you rest, and does it stay the same when you change position?", "Non-mechanical night or rest pain"),

        Number("knee.painNow", FieldKind.Integer, false, 0, 10, $"How bad is the pain in your operated knee right now, {Pain010}?", "Knee pain now (0-10)"),
        Number("knee.painBeforeSurgery", FieldKind.Integer, false, 0, 10, $"How bad was your knee pain before the operation, {Pain010}?", "Knee pain before surgery (0-10)"),

        Number("activity.exerciseMinutesPerWeek", FieldKind.Integer, false, 0, 5000, "About how many minutes a week do you spend exercising or walking briskly?", "Exercise (minutes/week)"),
        Choice<ActivityLevel>("activity.levelBeforeSurgery", false, "How active were you before the operation?", "Activity level before surgery"),
        Bool("activity.trunkMuscleWeakness", false, "Do the muscles of your tummy or lower back feel weak?", "Trunk muscle weakness"),
        Choice<WalkingAid>("activity.walkingAid", false, "What do you use to help you walk?", "Walking aid"),
        Bool("activity.limp", false, "Do you limp when you walk?", "Limp"),
        Bool("activity.legLengthDifferenceNoticed", false, "Does one leg feel longer than the other?", "Leg length difference noticed"),

        Number("sleep.hoursPerNight", FieldKind.Decimal, false, 0, 24, "How many hours do you sleep on a usual night?", "Sleep (hours/night)"),
        Choice<SleepTrouble>("sleep.troubleSleeping", false, "How much trouble do you have sleeping?", "Trouble sleeping"),
        Number("sleep.poorNightsPerWeek", FieldKind.Integer, false, 0, 7, "On how many nights a week do you sleep badly?", "Poor nights per week"),

        new("conditions", "conditions", FieldKind.ChoiceList, false, null, null, Code<Condition>.All, "Which of these health problems do you have?", "Conditions"),

        Choice<AnticoagulantUse>("medications.anticoagulant", false, "Do you take a blood thinner (a medicine that stops blood clots)?", "Anticoagulant"),
        new("medications.painMedicines", "medications", FieldKind.ChoiceList, false, null, null, Code<PainMedicine>.All, "Which pain medicines do you take?", "Pain medicines"),
        Number("medications.opioidDaysLastWeek", FieldKind.Integer, false, 0, 7, "On how many days last week did you take a strong pain medicine such as codeine, tramadol, morphine or oxycodone?", "Opioid days last week"),

        Bool("expectations.expectsNoPainAtAll", false, "Do you expect to have no pain at all once you have recovered?", "Expects no pain at all"),
        Bool("expectations.expectsSurgeryToFixBackPain", false, "Do you expect the knee operation to fix your back pain?", "Expects surgery to fix back pain"),
        Number("expectations.expectedFullRecoveryWeeks", FieldKind.Integer, false, 0, 520, "How many weeks do you think it will take you to recover fully?", "Expected full recovery (weeks)"),
    ];

    /// <summary>The sections, in the order their first field appears in <see cref="All"/> (red flags first).</summary>
    public static IReadOnlyList<string> Sections { get; } = [.. All.Select(f => f.Section).Distinct(StringComparer.Ordinal)];

    private static readonly FrozenDictionary<string, InputField> ByPath = All.ToFrozenDictionary(f => f.Path, StringComparer.Ordinal);

    /// <summary>The field at <paramref name="path"/>.</summary>
    /// <exception cref="KeyNotFoundException"><paramref name="path"/> is not a field of the schema.</exception>
    public static InputField Get(string path) =>
        ByPath.TryGetValue(path, out var field) ? field : throw new KeyNotFoundException($"'{path}' is not a field of the assessment input.");

    /// <summary>Finds the field at <paramref name="path"/>, if there is one.</summary>
    public static bool TryGet(string path, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out InputField? field) =>
        ByPath.TryGetValue(path, out field);

    private static InputField Flag(string name, string question, string label) =>
        new("redFlags." + name, "redFlags", FieldKind.Boolean, true, null, null, [], question, label);

    private static InputField Bool(string path, bool required, string question, string label) =>
        new(path, SectionOf(path), FieldKind.Boolean, required, null, null, [], question, label);

    private static InputField Number(string path, FieldKind kind, bool required, decimal minimum, decimal maximum, string question, string label) =>
        new(path, SectionOf(path), kind, required, minimum, maximum, [], question, label);

    private static InputField Choice<TCode>(string path, bool required, string question, string label) where TCode : struct, Enum =>
        new(path, SectionOf(path), FieldKind.Choice, required, null, null, Code<TCode>.All, question, label);

    private static string SectionOf(string path) => path[..path.IndexOf('.', StringComparison.Ordinal)];
}
