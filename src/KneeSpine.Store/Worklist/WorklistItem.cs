using KneeSpine.Engine.Results;
using KneeSpine.Store.Assessments;
using KneeSpine.Store.Patients;

namespace KneeSpine.Store.Worklist;

/// <summary>
/// A worrying result (triage emergency, urgent or soon) waiting for the care team. It opens when the assessment is
/// stored, in the same transaction, and only a clinician's acknowledgement closes it: a later, calmer assessment or an
/// edit of the assessment never does.
/// </summary>
public sealed class WorklistItem
{
    public Guid Id { get; set; }

    public Guid PatientId { get; set; }

    public Patient? Patient { get; set; }

    /// <summary>The stored assessment version whose result opened the item.</summary>
    public Guid AssessmentId { get; set; }

    public Assessment? Assessment { get; set; }

    public TriageLevel Triage { get; set; }

    /// <summary>The ids of the alerts that fired, space-separated, in the result's order.</summary>
    public required string AlertIds { get; set; }

    public DateTimeOffset OpenedAt { get; set; }

    /// <summary>When someone must have acted: at once for an emergency, later for urgent and soon (settings).</summary>
    public DateTimeOffset DueBy { get; set; }

    public DateTimeOffset? AcknowledgedAt { get; set; }

    /// <summary>The user name of the clinician who acknowledged the item.</summary>
    public string? AcknowledgedBy { get; set; }

    public WorklistAction? Action { get; set; }

    public string? Note { get; set; }

    public bool IsOpen => AcknowledgedAt is null;

    public static class Limits
    {
        public const int AlertIds = 1024;
        public const int AcknowledgedBy = 256;
        public const int Note = 4000;
    }
}
