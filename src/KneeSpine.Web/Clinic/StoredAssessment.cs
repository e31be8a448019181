using KneeSpine.Fhir.Assessments;
using KneeSpine.Engine.Results;
using KneeSpine.Store.Assessments;

namespace KneeSpine.Web.Clinic;

/// <summary>One stored version of an assessment with its input and result read back.</summary>
/// <param name="Row">The stored version.</param>
/// <param name="Input">Its answers as recorded, under the input schema version they were recorded with.</param>
/// <param name="Result">Its result, exactly as evaluated when it was stored.</param>
/// <param name="Series">Every version of the same assessment.</param>
public sealed record StoredAssessment(Assessment Row, RecordedInput Input, AssessmentResult Result, AssessmentSeries Series)
{
    /// <summary>Whether this is the version in force (only that one can be edited).</summary>
    public bool IsCurrent => Series.Current.Id == Row.Id;
}
