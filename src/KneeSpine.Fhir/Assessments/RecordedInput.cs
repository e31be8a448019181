using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json.Nodes;
using KneeSpine.Engine.Codes;
using KneeSpine.Engine.Input;

namespace KneeSpine.Fhir.Assessments;

/// <summary>
/// The answers of a stored assessment exactly as they were recorded, under whatever input schema version
/// they were recorded (1 or 2), read by JSON path rather than through the engine's current input model.
/// </summary>
/// <remarks>
/// A stored record is never re-read as a current input: a version 1 record lacks the version 2 red-flag
/// questions, and the current reader would rightly refuse it. Pages and FHIR show a version 1 record
/// from this view, and a question that its version did not ask is "not asked", never "no".
/// </remarks>
public sealed class RecordedInput
{
    // The fields of input schema version 1 (the linkIds of the version 1 Questionnaire, main 7e70150).
    private static readonly FrozenSet<string> VersionOneFields = new[]
    {
        "redFlags.newBladderOrBowelProblem", "redFlags.numbnessInSaddleArea", "redFlags.legWeaknessOrNumbnessGettingWorse",
        "redFlags.feverOrChills", "redFlags.woundRednessOrDischarge", "redFlags.recentFallOrInjury", "redFlags.unexplainedWeightLoss",
        "redFlags.chestPainOrShortnessOfBreath", "redFlags.calfSwellingOrPain", "redFlags.severePainNotEasedByRestOrPosition",
        "assessedOn", "patient.ageYears", "patient.sex", "patient.heightCm", "patient.weightKg",
        "surgery.date", "surgery.side", "surgery.procedure", "surgery.anesthesia", "surgery.preoperativeAlignment",
        "backPain.intensityNow", "backPain.intensityWorstLastWeek", "backPain.frequency", "backPain.startedWhen",
        "backPain.historyBeforeSurgery", "backPain.painBelowKnee", "backPain.worseAtNightAtRest",
        "knee.painNow", "knee.painBeforeSurgery",
        "activity.exerciseMinutesPerWeek", "activity.levelBeforeSurgery", "activity.trunkMuscleWeakness", "activity.walkingAid",
        "activity.limp", "activity.legLengthDifferenceNoticed",
        "sleep.hoursPerNight", "sleep.troubleSleeping", "sleep.poorNightsPerWeek",
        "conditions", "medications.anticoagulant", "medications.painMedicines", "medications.opioidDaysLastWeek",
        "expectations.expectsNoPainAtAll", "expectations.expectsSurgeryToFixBackPain", "expectations.expectedFullRecoveryWeeks",
    }.ToFrozenSet(StringComparer.Ordinal);

    private readonly JsonObject document;

    private RecordedInput(JsonObject document)
    {
        this.document = document;
        SchemaVersion = document["schemaVersion"]?.GetValue<int>() ?? throw new FormatException("A stored input has no schemaVersion.");
        AssessedOn = DateOnly.ParseExact(Text("assessedOn") ?? throw new FormatException("A stored input has no assessedOn."), "yyyy-MM-dd", CultureInfo.InvariantCulture);
        BackPainNow = Answer("backPain.intensityNow")?.GetValue<int>() ?? throw new FormatException("A stored input has no backPain.intensityNow.");
        KneePainNow = Answer("knee.painNow")?.GetValue<int>();
        SurgerySide = Text("surgery.side") is { } side && Code<SurgerySide>.TryParse(side, out var parsed) ? parsed : null;
    }

    /// <summary>The input schema version the answers were recorded under.</summary>
    public int SchemaVersion { get; }

    /// <summary>Whether the answers were recorded under an earlier version than the current one.</summary>
    public bool IsEarlierVersion => SchemaVersion < AssessmentInput.SchemaVersion;

    /// <summary>The date of the assessment.</summary>
    public DateOnly AssessedOn { get; }

    /// <summary>Back pain now, 0-10 (the same scale in every version).</summary>
    public int BackPainNow { get; }

    /// <summary>Operated-knee pain now, 0-10, when given.</summary>
    public int? KneePainNow { get; }

    /// <summary>The operated side, when given.</summary>
    public SurgerySide? SurgerySide { get; }

    /// <summary>Reads stored input JSON (any schema version this product ever wrote).</summary>
    /// <exception cref="FormatException">The JSON is not an assessment input.</exception>
    public static RecordedInput FromJson(string json) =>
        new(JsonNode.Parse(json) as JsonObject ?? throw new FormatException("A stored input is not a JSON object."));

    /// <summary>A current input, as it will be stored.</summary>
    public static RecordedInput FromInput(AssessmentInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return FromJson(AssessmentInputJson.ToJson(input));
    }

    /// <summary>Whether the version the answers were recorded under asked the question at <paramref name="path"/>.</summary>
    public bool WasAsked(string path) => SchemaVersion >= 2 || VersionOneFields.Contains(path);

    /// <summary>The recorded answer at <paramref name="path"/> (a JSON value or array), or <see langword="null"/> when left out.</summary>
    public JsonNode? Answer(string path)
    {
        JsonNode? node = document;
        foreach (var name in path.Split('.'))
        {
            node = node is JsonObject o && o.TryGetPropertyValue(name, out var child) ? child : null;
        }

        return node;
    }

    /// <summary>The answers as a current input, when they were recorded under the current schema; else <see langword="null"/>.</summary>
    public AssessmentInput? ToCurrentInput() =>
        IsEarlierVersion ? null : AssessmentInputReader.Read(System.Text.Encoding.UTF8.GetBytes(document.ToJsonString())).Input;

    /// <summary>A copy of the whole recorded document.</summary>
    public JsonObject ToJsonObject() => document.DeepClone().AsObject();

    private string? Text(string path) => Answer(path)?.GetValue<string>();
}
