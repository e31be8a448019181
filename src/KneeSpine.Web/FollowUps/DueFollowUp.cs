namespace KneeSpine.Web.FollowUps;

/// <summary>A patient whose next check-in is due or overdue, with the reminders sent about it.</summary>
/// <param name="PatientId">The patient.</param>
/// <param name="Name">The patient's name, for the clinic.</param>
/// <param name="Day">The check-in's day after surgery (14, 42, 90 by default).</param>
/// <param name="DueOn">Its due date.</param>
/// <param name="Overdue">The due date is before the date asked about.</param>
/// <param name="DaysOverdue">Days past the due date (0 on the due day).</param>
/// <param name="RemindersSent">Reminder emails enqueued since this check-in fell due.</param>
/// <param name="HasEmail">Whether reminders can reach the patient at all.</param>
/// <param name="RemindersOptedOut">The patient switched reminder emails off.</param>
public sealed record DueFollowUp(
    Guid PatientId,
    string Name,
    int Day,
    DateOnly DueOn,
    bool Overdue,
    int DaysOverdue,
    int RemindersSent,
    bool HasEmail,
    bool RemindersOptedOut);
