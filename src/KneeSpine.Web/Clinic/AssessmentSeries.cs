namespace KneeSpine.Web.Clinic;

/// <summary>One assessment with every version of it, oldest first; the last is the current one.</summary>
/// <param name="Versions">Every stored version.</param>
public sealed record AssessmentSeries(IReadOnlyList<AssessmentSummary> Versions)
{
    /// <summary>The version in force.</summary>
    public AssessmentSummary Current => Versions[^1];
}
