namespace KneeSpine.Web.Worklist;

/// <summary>A worklist item as the API shows it.</summary>
/// <param name="Triage">The level that opened it: emergency, urgent or soon.</param>
/// <param name="Alerts">The alerts that fired, with their knowledge-base titles.</param>
/// <param name="Status"><c>open</c> or <c>acknowledged</c>.</param>
/// <param name="DueBy">When someone must have acted: at once for an emergency.</param>
/// <param name="Overdue">Open and past <paramref name="DueBy"/>.</param>
/// <param name="Action">What the clinician did: called-patient, advised-emergency-department, appointment-booked, reviewed-no-action or other.</param>
public sealed record WorklistItemResponse(
    Guid Id,
    Guid PatientId,
    Guid AssessmentId,
    string Triage,
    IReadOnlyList<WorklistAlert> Alerts,
    string Status,
    DateTimeOffset OpenedAt,
    DateTimeOffset DueBy,
    bool Overdue,
    DateTimeOffset? AcknowledgedAt,
    string? AcknowledgedBy,
    string? Action,
    string? Note);

/// <summary>An alert of a worklist item: its knowledge-base id and title.</summary>
public sealed record WorklistAlert(string Id, string Title);

/// <summary>One page of the worklist and how many items match in all.</summary>
public sealed record WorklistPageResponse(IReadOnlyList<WorklistItemResponse> Items, int Total, int Page, int PageSize);

/// <summary>Body of <c>POST /api/v1/worklist/{id}/acknowledge</c>.</summary>
/// <param name="Action">called-patient, advised-emergency-department, appointment-booked, reviewed-no-action or other.</param>
/// <param name="Note">Free text, at most 4000 characters; required with <c>other</c>.</param>
public sealed record AcknowledgeRequest(string? Action, string? Note);
