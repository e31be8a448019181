namespace KneeSpine.Web.Patients;

/// <summary>The earliest follow-up check-in not done yet (<c>KneeSpine:FollowUp</c>).</summary>
/// <param name="DueOn">The check-in's due date.</param>
/// <param name="Overdue">The due date is before today.</param>
/// <param name="Day">The check-in's day after surgery (14, 42, 90 by default).</param>
public sealed record NextFollowUpResponse(DateOnly DueOn, bool Overdue, int Day);
