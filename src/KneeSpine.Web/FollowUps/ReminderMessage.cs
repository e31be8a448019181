using KneeSpine.Store.Notifications;

namespace KneeSpine.Web.FollowUps;

/// <summary>
/// The reminder email. It says only that a check-in is due and where to answer: no name (the inbox may be shared), no
/// result, no triage level, no answers, no condition. The safety line is the same for everyone, so it tells nothing
/// about this patient.
/// </summary>
public static class ReminderMessage
{
    public const string Subject = "Your KneeSpine check-in";

    public static OutboxMessage Create(ReminderKey key, string email, string publicBaseUrl, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(key);
        var link = $"{publicBaseUrl.TrimEnd('/')}/me/follow-up";
        var opening = key.Number == 1
            ? "It is time for your follow-up check-in."
            : "This is a second reminder: your follow-up check-in is still waiting for you.";
        return new OutboxMessage
        {
            Id = Guid.CreateVersion7(now),
            Kind = OutboxMessageKind.Email,
            Topic = ReminderKey.Topic,
            Recipient = email,
            Subject = Subject,
            Body = $"""
                Hello,

                {opening} It takes about five minutes. Please sign in and answer the questions here:
                {link}

                If you feel much worse, do not wait for a check-in. Call your care team, or call emergency services in an emergency.

                If you do not want these emails, sign in and turn them off on your page.
                """,
            DeduplicationKey = key.ToString(),
            PatientId = key.PatientId,
            CreatedAt = now,
            NextAttemptAt = now,
        };
    }
}
