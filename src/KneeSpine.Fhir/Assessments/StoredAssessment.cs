using KneeSpine.Engine.Results;

namespace KneeSpine.Fhir.Assessments;

/// <summary>An assessment as stored by KneeSpine, to be exported as FHIR.</summary>
/// <param name="Id">The stored version's id; the other resources get ids derived from it.</param>
/// <param name="Input">The answers as recorded, under the input schema version they were recorded with.</param>
/// <param name="Result">The stored evaluation, never re-evaluated (a version 1 result stays as it was).</param>
/// <param name="Authored">When the answers were recorded; the assessment date when unknown.</param>
public sealed record StoredAssessment(string Id, RecordedInput Input, AssessmentResult Result, DateTimeOffset? Authored = null)
{
    /// <summary>The QuestionnaireResponse's logical id, shared by every version (the series); <see cref="Id"/> when unset.</summary>
    public string? LogicalId { get; init; }

    /// <summary>The version (1, 2, ...) for <c>meta.versionId</c>; none when unset.</summary>
    public int? Version { get; init; }

    /// <summary>When the server received this version (<c>meta.lastUpdated</c>); none when unset.</summary>
    public DateTimeOffset? ReceivedAt { get; init; }

    /// <summary>The sender's <c>authored</c> exactly as written (a FHIR dateTime); when set, it is given back unchanged.</summary>
    public string? AuthoredAsSent { get; init; }
}
