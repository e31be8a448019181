using KneeSpine.Engine.Results;

namespace KneeSpine.Fhir.Worklist;

/// <summary>A worklist item as stored, to be shown as a FHIR Task.</summary>
/// <param name="Id">The item's id; the Task gets it.</param>
/// <param name="PatientId">The patient (<c>Patient/{id}</c>).</param>
/// <param name="AssessmentId">The stored assessment version whose result opened the item.</param>
/// <param name="Triage">The level that opened the item: emergency, urgent or soon.</param>
/// <param name="AlertIds">Knowledge-base ids of the alerts that fired.</param>
/// <param name="OpenedAt">When the result was stored and the item opened.</param>
/// <param name="DueBy">When someone must have acted.</param>
/// <param name="AcknowledgedAt">When a clinician acknowledged it; null while open.</param>
/// <param name="AcknowledgedBy">Who acknowledged it (the user name).</param>
/// <param name="ActionCode">A code of <see cref="WorklistTaskActions"/>, once acknowledged.</param>
/// <param name="Note">The clinician's free-text note.</param>
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
