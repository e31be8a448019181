using KneeSpine.Engine.Results;

namespace KneeSpine.Web.Clinic;

/// <summary>
/// What timelines and version lists show of an assessment version: its columns without the input and result JSON
/// (several kilobytes each), which pages load only for the one version they open.
/// </summary>
public sealed record AssessmentSummary(
    Guid Id, Guid SeriesId, int Version, DateOnly AssessedOn, int DaysSinceSurgery, TriageLevel Triage, int BackPainNow, int? KneePainNow,
    DateTimeOffset CreatedAt, string CreatedBy, string KnowledgeBaseVersion, string? EditReason = null);
