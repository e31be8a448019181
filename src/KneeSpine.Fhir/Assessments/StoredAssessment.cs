using KneeSpine.Engine.Results;

namespace KneeSpine.Fhir.Assessments;

/// <summary>An assessment as stored by KneeSpine, to be exported as FHIR.</summary>
/// <param name="Id">The stored assessment's id; the QuestionnaireResponse gets it, and the other resources ids derived from it.</param>
/// <param name="Input">The answers as recorded, under the input schema version they were recorded with.</param>
/// <param name="Result">The stored evaluation, never re-evaluated (a version 1 result stays as it was).</param>
/// <param name="Authored">When the answers were recorded; the assessment date when unknown.</param>
public sealed record StoredAssessment(string Id, RecordedInput Input, AssessmentResult Result, DateTimeOffset? Authored = null);
