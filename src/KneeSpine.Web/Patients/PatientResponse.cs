namespace KneeSpine.Web.Patients;

/// <summary>A patient as the API shows it.</summary>
/// <param name="Surgery">From the latest assessment; null before the first one.</param>
/// <param name="Latest">The latest current assessment, when any.</param>
/// <param name="HasAccount">Whether a patient account is linked to this record.</param>
/// <param name="IsDemo">Fictional patient seeded by <c>--demo</c>.</param>
/// <param name="Email">Where follow-up reminders go, when given.</param>
/// <param name="Phone">The patient's phone number, when given.</param>
/// <param name="RemindersOptedOut">The patient asked for no reminder emails.</param>
/// <param name="OpenItem">Open worklist items, when any: shown beside the latest triage, which may be calmer.</param>
/// <param name="NextFollowUp">The earliest check-in not done; null without a surgery date or when all are done.</param>
public sealed record PatientResponse(
    Guid Id,
    string Name,
    DateOnly BirthDate,
    string Sex,
    SurgeryResponse? Surgery,
    LatestAssessmentResponse? Latest,
    bool HasAccount,
    bool IsDemo,
    DateTimeOffset CreatedAt,
    string CreatedBy,
    string? Email,
    string? Phone,
    bool RemindersOptedOut,
    NextFollowUpResponse? NextFollowUp,
    OpenItemResponse? OpenItem = null);

/// <summary>The knee replacement, as given in the latest assessment.</summary>
public sealed record SurgeryResponse(DateOnly Date, string? Side, string? Procedure, string? Anesthesia);

/// <summary>Enough of the latest assessment for a patient list.</summary>
public sealed record LatestAssessmentResponse(Guid Id, DateOnly AssessedOn, int DaysSinceSurgery, string Triage);

/// <summary>The patient's open worklist items: the most severe level, how many, the oldest, and whether any is overdue.</summary>
public sealed record OpenItemResponse(string Triage, int Count, DateTimeOffset OldestOpenedAt, bool Overdue);


/// <summary>One page of the patient list and how many patients match in all.</summary>
public sealed record PatientListResponse(IReadOnlyList<PatientResponse> Items, int Total, int Page, int PageSize);
