using KneeSpine.Engine.Results;
using KneeSpine.Store.Patients;

namespace KneeSpine.Store.Assessments;

/// <summary>
/// One immutable version of an assessment. Editing adds a row with the same <see cref="SeriesId"/>,
/// the next <see cref="Version"/> and <see cref="SupersedesId"/> pointing at the row it replaces,
/// so a clinical record is never overwritten.
/// </summary>
public sealed class Assessment
{
    public Guid Id { get; set; }

    public Guid PatientId { get; set; }

    public Patient? Patient { get; set; }

    /// <summary>Stable logical id shared by every version.</summary>
    public Guid SeriesId { get; set; }

    /// <summary>1 for the original, then 2, 3 ...</summary>
    public int Version { get; set; }

    public Guid? SupersedesId { get; set; }

    public DateOnly AssessedOn { get; set; }

    public int DaysSinceSurgery { get; set; }

    public TriageLevel Triage { get; set; }

    public int BackPainNow { get; set; }

    public int? KneePainNow { get; set; }

    public required string KnowledgeBaseVersion { get; set; }

    /// <summary>Canonical assessment input JSON (assessment-input.schema.json).</summary>
    public required string InputJson { get; set; }

    /// <summary>Result JSON (assessment-result.schema.json) as evaluated when stored.</summary>
    public required string ResultJson { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public required string CreatedBy { get; set; }

    /// <summary>Why a clinician edited the assessment; required for every version after the first, null on the first.</summary>
    public string? EditReason { get; set; }

    /// <summary>
    /// When the sender says the answers were given: a FHIR QuestionnaireResponse's <c>authored</c>, kept exactly as
    /// written (precision and time-zone offset), because it is the sender's clinical record of time, not ours.
    /// Null when the answers came another way or were stored before it was kept; <see cref="CreatedAt"/> stands in.
    /// </summary>
    public string? Authored { get; set; }

    public static class Limits
    {
        public const int EditReason = 500;

        /// <summary>The longest FHIR dateTime (<c>2026-12-07T09:15:00.1234567+14:00</c>) with room to spare.</summary>
        public const int Authored = 64;
    }
}
