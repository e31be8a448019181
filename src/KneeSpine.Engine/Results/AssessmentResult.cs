namespace KneeSpine.Engine.Results;

/// <summary>The result of evaluating one assessment (assessment-result.schema.json, version 2).</summary>
/// <remarks>
/// A stored result is immutable: a result read back from version 1 (<see cref="SchemaVersion"/> 1,
/// knowledge base 2026.11) keeps its ids, texts and versions, has no <see cref="Scores"/>, and is
/// shown as it was, never re-evaluated.
/// </remarks>
/// <param name="KnowledgeBaseVersion">Version of the knowledge base that produced this result.</param>
/// <param name="DaysSinceSurgery">Days from the surgery date to the assessment date.</param>
/// <param name="PainSeverity">Severity band of the back pain now.</param>
/// <param name="BodyMassIndex">BMI to one decimal, or <see langword="null"/> when height or weight is missing.</param>
/// <param name="Triage">What to do now.</param>
/// <param name="Alerts">Alerts that fired, by level (highest first) then table order.</param>
/// <param name="Factors">Contributing factors that apply, in table order.</param>
/// <param name="Plan">The personalised plan, in table order.</param>
/// <param name="Notes">Extra remarks for the clinician; may be empty.</param>
public sealed record AssessmentResult(
    string KnowledgeBaseVersion,
    int DaysSinceSurgery,
    PainSeverity PainSeverity,
    double? BodyMassIndex,
    Triage Triage,
    IReadOnlyList<AlertFinding> Alerts,
    IReadOnlyList<FactorFinding> Factors,
    IReadOnlyList<PlanItem> Plan,
    IReadOnlyList<string> Notes)
{
    /// <summary>The result schema version that evaluation produces now.</summary>
    public const int CurrentSchemaVersion = 2;

    /// <summary>The oldest result schema version that can still be read (for display only).</summary>
    public const int OldestReadableSchemaVersion = 1;

    /// <summary>The schema version of this result: <see cref="CurrentSchemaVersion"/> for new results, 1 for a stored version 1 result.</summary>
    public int SchemaVersion { get; init; } = CurrentSchemaVersion;

    /// <summary>The questionnaire scores (never part of the triage); <see langword="null"/> only for a version 1 result, which had none.</summary>
    public AssessmentScores? Scores { get; init; }
}

/// <summary>The optional questionnaire scores of a result (<c>scores</c>); each is <see langword="null"/> when an item of it was not answered.</summary>
/// <param name="Phq2">PHQ-2, 0-6; 3 or more is a positive depression screen.</param>
/// <param name="Gad2">GAD-2, 0-6; 3 or more is a positive anxiety screen.</param>
/// <param name="BackFunction">KneeSpine back-function items, 0-12, higher is more limited; not a validated instrument, no minimal important change.</param>
public sealed record AssessmentScores(int? Phq2, int? Gad2, int? BackFunction)
{
    /// <summary>No score computable.</summary>
    public static AssessmentScores None { get; } = new(null, null, null);
}

/// <summary>Triage level and its one-sentence plain-language headline.</summary>
/// <param name="Level">The highest level among the alerts that fired, or self-care.</param>
/// <param name="Headline">What the patient should do now.</param>
public sealed record Triage(TriageLevel Level, string Headline);

/// <summary>An alert (red flag or reason for review) that fired.</summary>
/// <param name="Id">Stable alert id from the specification.</param>
/// <param name="Level">The alert's level (never self-care).</param>
/// <param name="Explanation">Why this matters, in plain language, with the evidence figures.</param>
/// <param name="TriggeredBy">JSON paths of the answers that fired it.</param>
/// <param name="Sources">Ids of the sources cited.</param>
public sealed record AlertFinding(string Id, TriageLevel Level, string Explanation, IReadOnlyList<string> TriggeredBy, IReadOnlyList<string> Sources);

/// <summary>A probable contributor to the back pain (not a diagnosis).</summary>
/// <param name="Id">Stable factor id from the specification.</param>
/// <param name="Certainty">Likely or possible.</param>
/// <param name="Explanation">Why it applies, in plain language.</param>
/// <param name="TriggeredBy">JSON paths of the answers that fired it.</param>
/// <param name="Sources">Ids of the sources cited.</param>
public sealed record FactorFinding(string Id, Certainty Certainty, string Explanation, IReadOnlyList<string> TriggeredBy, IReadOnlyList<string> Sources);

/// <summary>One item of the personalised plan.</summary>
/// <param name="Id">Stable plan-item id from the specification.</param>
/// <param name="Because">Ids of the alerts, factors or <c>baseline</c> rule that put it in the plan.</param>
/// <param name="PatientText">What to do, in plain language.</param>
/// <param name="ClinicianText">Technical notes for the clinician, when any.</param>
/// <param name="Sources">Ids of the sources cited.</param>
public sealed record PlanItem(string Id, IReadOnlyList<string> Because, string PatientText, string? ClinicianText, IReadOnlyList<string> Sources);
