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
    private const string PhqGadStem = "Over the last 2 weeks, how often have you been bothered by the following problems?";
    private const string BackFunctionStem = "Because of your back, how much trouble did you have with each of these in the last week?";
    private const string NotSure = "I am not sure";

    private static readonly string[] YesNo = ["Yes", "No"];
    private static readonly string[] PhqGadAnswers = ["Not at all", "Several days", "More than half the days", "Nearly every day"];
    private static readonly string[] BackFunctionAnswers = ["No trouble", "A little trouble", "A lot of trouble", "I could not do it"];
    private static readonly string[] HowOften = ["Never", "Now and then", "Often", "All the time"];

    /// <summary>Every field: red-flag fields first (in the order of the red-flag table), then the others in schema order.</summary>
    /// <remarks>The patient wording is clinical-rules.md's (red-flag questions, questionnaires, "Other questions that the rules use").</remarks>
    public static IReadOnlyList<InputField> All { get; } =
    [
        Flag("newBladderOrBowelProblem", "since the back pain started", "Since your back pain started, is there a new problem with your bladder or bowels? For example, you cannot pass urine, or you do not feel urine or stool come out. Or you leak urine or stool without meaning to.", "New bladder or bowel problem (retention, numbness, incontinence)"),
        Flag("numbnessInSaddleArea", "since the back pain started", "Since your back pain started, do you have less feeling around your bottom, between your legs or in your genitals? A numb patch on the thigh or knee of the leg that had the operation does not count.", "Saddle-area sensory loss"),
        Flag("sciaticaBothLegs", "since the back pain started", "Since your back pain started, do you have new pain, numbness or tingling that goes from your back down both legs, below the knees? Pain in both knees after both knees were replaced does not count.", "Bilateral radicular symptoms below the knees"),
        Flag("legWeaknessOrNumbnessGettingWorse", "the last few days", "Over the last few days, has weakness or numbness in a leg or foot been getting worse? This includes a thigh that is getting weaker instead of stronger.", "Progressive leg weakness or numbness (incl. weakening thigh)"),
        Flag("newLegWeaknessOrNumbness", "since the operation", "Since your operation, have you found that you cannot lift your foot or toes up as usual? Or has numbness spread from your back down your leg into your foot? A numb patch of skin around the knee scar, even one that runs down the shin, is common and does not count.", "New foot drop or numbness spreading into the foot"),
        Flag("suddenSevereBackPain", "the last 7 days", "In the last 7 days, has bad back pain come on suddenly, or has your back pain suddenly got much worse?", "Sudden severe back pain (last 7 days)"),
        Flag("chestPainOrShortnessOfBreath", "the last 2 days", "In the last 2 days, have you suddenly become short of breath, or had new chest pain?", "Sudden dyspnoea or new chest pain (last 2 days)"),
        Flag("coughingBloodOrFainting", "the last 2 days", "In the last 2 days, have you coughed up blood, or fainted or passed out?", "Haemoptysis or syncope (last 2 days)"),
        Flag("feverOrChills", "the last 2 days", "In the last 2 days, has your temperature been 38 °C (100.4 °F) or more? Or have you had chills, with shaking?", "Fever ≥ 38.0 °C or rigors (last 2 days)"),
        Flag("woundRednessOrDischarge", "now", "Right now, is the redness around your knee wound spreading? Has the wound opened, or is fluid or pus leaking from it? A knee that is warm and swollen is normal for months after the operation.", "Spreading wound redness, dehiscence or discharge"),
        Flag("recentFallOrInjury", "the last 2 weeks", "In the last 2 weeks, have you had a fall or hurt your back?", "Fall or back injury (last 2 weeks)"),
        Flag("calfSwellingOrPain", "now", "Right now, is one calf newly swollen, hard or painful? Or is the swelling in your leg getting worse, not better? Or is the calf of a leg that did not have the operation swollen or painful? Some swelling of the leg that had the operation is normal for weeks.", "New or worsening calf swelling or pain"),
        Flag("unexplainedWeightLoss", "the last 3 months", "In the last 3 months, have you lost weight without trying? Count it if you lost more than 5 kg (11 lb). If you weigh less than 100 kg (220 lb), a smaller loss counts too: for example, more than 4 kg (9 lb) if you weigh 80 kg (176 lb).", "Unexplained weight loss > 5 kg or > 5% (3 months)"),
        Flag("severePainNotEasedByRestOrPosition", "now", "Right now, is your back pain so bad that rest and changing position do not ease it at all?", "Severe pain not eased by rest or position"),

        new("assessedOn", "assessment", FieldKind.Date, true, null, null, [], "What is the date today?", "Assessment date") { AnswerHint = "a date" },

        Number("patient.ageYears", FieldKind.Integer, true, 18, 120, "How old are you?", "Age (years)", "a number of years"),
        Choice<Sex>("patient.sex", false, "What is your sex?", "Sex", ["Woman (female)", "Man (male)", "Other", "I would rather not say"]),
        Number("patient.heightCm", FieldKind.Decimal, false, 100, 250, "How tall are you?", "Height (cm)", "centimetres"),
        Number("patient.weightKg", FieldKind.Decimal, false, 25, 350, "How much do you weigh now?", "Weight (kg)", "kilograms"),

        new("surgery.date", "surgery", FieldKind.Date, true, null, null, [], "On what date did you have your knee operation?", "Surgery date") { AnswerHint = "a date" },
        Choice<SurgerySide>("surgery.side", false, "Which knee was replaced?", "Operated side", ["The left knee", "The right knee", "Both knees"]),
        Choice<SurgeryProcedure>("surgery.procedure", false, "How much of the knee was replaced?", "Procedure", ["The whole knee (total)", "Part of the knee (partial)", "An earlier knee replacement was redone (revision)"]),
        Choice<Anesthesia>("surgery.anesthesia", true, "What kind of anaesthetic did you have for the knee operation?", "Anaesthesia",
            ["An injection in my back, so that my legs went numb (spinal)", "A thin tube in my back that gave pain medicine (epidural)", "Both kinds (combined spinal and epidural)", "I was fully asleep and had no injection in my back (general)", NotSure]),
        Choice<KneeAlignment>("surgery.preoperativeAlignment", false, "Before the operation, what shape was your knee?", "Pre-operative alignment",
            ["Bowed out, with a gap between the knees (bow legs, varus)", "Bent in, so that the knees touched (knock knees, valgus)", "Straight", NotSure]),

        Number("backPain.intensityNow", FieldKind.Integer, true, 0, 10, "How bad is your back pain right now? 0 means no pain and 10 means the worst pain you can imagine.", "Back pain now (0-10)", "0 to 10"),
        Number("backPain.intensityWorstLastWeek", FieldKind.Integer, false, 0, 10, "In the last week, how bad was your back pain at its worst? 0 means no pain and 10 means the worst pain you can imagine.", "Worst back pain last week (0-10)", "0 to 10"),
        Choice<PainFrequency>("backPain.frequency", false, "How often do you have back pain?", "Pain frequency", HowOften),
        Choice<PainOnset>("backPain.startedWhen", false, "Did this back pain start before or after your knee operation?", "Onset", ["Before the operation", "After the operation"]) with { LeaveOutLabel = NotSure },
        Choice<BackPainHistory>("backPain.historyBeforeSurgery", false, "In the year before your knee operation, how often did you have back pain?", "Back pain in the year before surgery", ["Never", "Now and then", "On most days (long-term back pain)"]),
        Bool("backPain.painBelowKnee", false, "Does pain shoot from your back down a leg to below the knee? Pain only in or around the new knee does not count.", "Pain radiating below the knee"),
        Bool("backPain.worseAtNightAtRest", false, "Is your back pain worst at night or when you rest, and does it stay bad even when you change position?", "Non-mechanical night or rest pain"),

        Number("knee.painNow", FieldKind.Integer, false, 0, 10, "How bad is the pain in your new knee right now, from 0 (no pain) to 10 (the worst pain you can imagine)?", "Knee pain now (0-10)", "0 to 10"),
        Number("knee.painBeforeSurgery", FieldKind.Integer, false, 0, 10, "Before the operation, how bad was the pain in that knee, from 0 to 10?", "Knee pain before surgery (0-10)", "0 to 10"),

        Number("activity.exerciseMinutesPerWeek", FieldKind.Integer, false, 0, 5000, "In a usual week now, how many minutes are you active enough to breathe faster? This can be brisk walking, cycling or your exercises.", "Exercise (minutes/week)", "minutes"),
        Choice<ActivityLevel>("activity.levelBeforeSurgery", false, "In the year before the operation, how active were you?", "Activity level before surgery",
            ["I sat most of the day", "A little, such as slow walks", "Quite active, such as brisk walks", "Very active, such as running or sport"]),
        Bool("activity.trunkMuscleWeakness", false, "Do the muscles of your belly or lower back feel weak? Your physical therapist may have told you this.", "Trunk muscle weakness"),
        Choice<WalkingAid>("activity.walkingAid", false, "What do you use to help you walk?", "Walking aid", ["Nothing", "A stick or cane", "Crutches", "A walking frame (walker)"]),
        Bool("activity.limp", false, "Do you limp when you walk?", "Limp"),
        Bool("activity.legLengthDifferenceNoticed", false, "Since the operation, does one leg feel longer than the other?", "Leg length difference noticed"),

        Number("sleep.hoursPerNight", FieldKind.Decimal, false, 0, 24, "How many hours do you sleep on a usual night?", "Sleep (hours/night)", "hours"),
        Choice<SleepTrouble>("sleep.troubleSleeping", false, "How much trouble do you have sleeping?", "Trouble sleeping", ["None", "A little", "Some", "A lot"]),
        Number("sleep.poorNightsPerWeek", FieldKind.Integer, false, 0, 7, "In the last week, on how many nights did you sleep badly?", "Poor nights per week", "0 to 7"),

        new("conditions", "conditions", FieldKind.ChoiceList, false, null, null, Code<Condition>.All, "Has a doctor ever told you that you have any of these? Choose all that apply.", "Conditions")
        {
            AnswerLabels =
            [
                "Very overweight (obesity)", "Diabetes", "Thin, weak bones (osteoporosis)",
                "A narrow space for the nerves in the lower back (spinal stenosis)", "Worn discs in the back (degenerative disc disease)",
                "A bone in the back that has slipped forward (spondylolisthesis)", "Worn hip joint (hip osteoarthritis)",
                "Joints that swell because the body attacks them (inflammatory arthritis, such as rheumatoid arthritis)",
                "Long-term pain all over the body (fibromyalgia)", "Depression", "Anxiety", "Cancer, now or in the past", "Kidney disease",
                "Heart disease", "Numb or tingling feet from nerve damage (neuropathy)",
                "Weak defences against germs, from an illness or its treatment (immunosuppression)",
            ],
        },

        Choice<AnticoagulantUse>("medications.anticoagulant", false, "Do you take a blood thinner? It can be injections to prevent clots. Or it can be pills such as rivaroxaban, apixaban or warfarin.", "Anticoagulant",
            ["No", "Yes, for a few weeks after the operation to prevent clots", "Yes, for another reason, such as a past clot or my heart", NotSure]),
        new("medications.painMedicines", "medications", FieldKind.ChoiceList, false, null, null, Code<PainMedicine>.All, "Which pain medicines did you take in the last week? Choose all that you took.", "Pain medicines (last week)")
        {
            AnswerLabels =
            [
                "Paracetamol (acetaminophen)", "Pills for pain and swelling, such as ibuprofen or naproxen (NSAID)",
                "Strong pain medicine, such as codeine, tramadol, morphine or oxycodone (opioid)",
                "Nerve pain medicine, such as gabapentin or pregabalin", "Another pain medicine",
            ],
        },
        Number("medications.opioidDaysLastWeek", FieldKind.Integer, false, 0, 7, "On how many days in the last week did you take a strong pain medicine (opioid)?", "Opioid days last week", "0 to 7"),
        Choice<AntiplateletUse>("medications.antiplatelet", false, "Do you take aspirin? Or do you take another pill that keeps blood from clotting, such as clopidogrel?", "Antiplatelet", ["No", "Aspirin", "Another one", NotSure]),
        Bool("medications.longTermSteroids", false, "Do you take steroid tablets, such as prednisolone, on most days? Count it if you took them for 3 months or more, now or in the past year.", "Long-term oral corticosteroids"),

        Bool("expectations.expectsNoPainAtAll", false, "Do you expect to have no pain at all once you have healed?", "Expects no pain at all"),
        Bool("expectations.expectsSurgeryToFixBackPain", false, "Do you expect the knee operation to fix your back pain?", "Expects surgery to fix back pain"),
        Number("expectations.expectedFullRecoveryWeeks", FieldKind.Integer, false, 0, 520, "How many weeks do you think it will take to heal fully from the operation?", "Expected full recovery (weeks)", "weeks"),

        Questionnaire("psychosocial.littleInterestOrPleasure", PhqGadStem, "Little interest or pleasure in doing things", "PHQ-2 item 1: anhedonia (0-3)", PhqGadAnswers, fixedWording: true),
        Questionnaire("psychosocial.feelingDownDepressedOrHopeless", PhqGadStem, "Feeling down, depressed, or hopeless", "PHQ-2 item 2: depressed mood (0-3)", PhqGadAnswers, fixedWording: true),
        Questionnaire("psychosocial.feelingNervousAnxiousOrOnEdge", PhqGadStem, "Feeling nervous, anxious or on edge", "GAD-2 item 1: nervousness (0-3)", PhqGadAnswers, fixedWording: true),
        Questionnaire("psychosocial.unableToStopOrControlWorrying", PhqGadStem, "Not being able to stop or control worrying", "GAD-2 item 2: uncontrolled worry (0-3)", PhqGadAnswers, fixedWording: true),
        Bool("psychosocial.avoidsMovementForFearOfHarm", false, "I avoid moving because I worry that moving will harm my back.", "Fear of movement (KneeSpine item, not validated)") with { AnswerLabels = ["I agree", "I disagree"] },

        Questionnaire("backFunction.standingUpFromChair", BackFunctionStem, "Standing up from a chair", "Back function: standing up from a chair (0-3, not validated)", BackFunctionAnswers),
        Questionnaire("backFunction.walking15Minutes", BackFunctionStem, "Walking for 15 minutes", "Back function: walking 15 minutes (0-3, not validated)", BackFunctionAnswers),
        Questionnaire("backFunction.puttingOnSocksAndShoes", BackFunctionStem, "Putting on socks and shoes", "Back function: socks and shoes (0-3, not validated)", BackFunctionAnswers),
        Questionnaire("backFunction.lightHouseholdJobs", BackFunctionStem, "Doing light jobs at home, such as making a meal", "Back function: light jobs at home (0-3, not validated)", BackFunctionAnswers),
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

    private static InputField Flag(string name, string period, string question, string label) =>
        new("redFlags." + name, "redFlags", FieldKind.Boolean, true, null, null, [], question, label) { AnswerLabels = YesNo, Period = period };

    private static InputField Bool(string path, bool required, string question, string label) =>
        new(path, SectionOf(path), FieldKind.Boolean, required, null, null, [], question, label) { AnswerLabels = YesNo };

    private static InputField Number(string path, FieldKind kind, bool required, decimal minimum, decimal maximum, string question, string label, string hint) =>
        new(path, SectionOf(path), kind, required, minimum, maximum, [], question, label) { AnswerHint = hint };

    private static InputField Choice<TCode>(string path, bool required, string question, string label, string[] answers) where TCode : struct, Enum =>
        Code<TCode>.All.Count == answers.Length
            ? new(path, SectionOf(path), FieldKind.Choice, required, null, null, Code<TCode>.All, question, label) { AnswerLabels = answers }
            : throw new InvalidOperationException($"{path}: one answer label per code.");

    private static InputField Questionnaire(string path, string stem, string item, string label, string[] answers, bool fixedWording = false) =>
        new(path, SectionOf(path), FieldKind.Integer, false, 0, answers.Length - 1, [], item, label) { AnswerLabels = answers, Stem = stem, FixedWording = fixedWording };

    private static string SectionOf(string path) => path[..path.IndexOf('.', StringComparison.Ordinal)];
}
