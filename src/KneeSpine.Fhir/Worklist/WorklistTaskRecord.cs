using KneeSpine.Engine.Results;

namespace KneeSpine.Fhir.Worklist;

/// <summary>A worklist item as stored, to be shown as a FHIR Task.</summary>
/// <param name="Id">The item's id; the Task gets it.</param>
/// <param name="PatientId">The patient (<c>Patient/{id}</c>).</param>
/// <param name="AssessmentId">The stored assessment version whose result opened the item.</param>
/// <param name="AlertIds">Knowledge-base ids of the alerts that fired.</param>
/// <param name="ActionCode">A code of <see cref="WorklistTaskActions"/>, once acknowledged.</param>
public sealed record WorklistTaskRecord(
    string Id,
    string PatientId,
    string AssessmentId,
    TriageLevel Triage,
    IReadOnlyList<string> AlertIds,
    DateTimeOffset OpenedAt,
    DateTimeOffset DueBy,
    DateTimeOffset? AcknowledgedAt,
    string? AcknowledgedBy,
    string? ActionCode,
    string? Note);
