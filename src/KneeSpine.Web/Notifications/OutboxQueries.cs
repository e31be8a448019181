using KneeSpine.Store.Notifications;

namespace KneeSpine.Web.Notifications;

/// <summary>The outbox as the admin page reads it.</summary>
public static class OutboxQueries
{
    public static OutboxState StateOf(OutboxMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return message.SentAt is not null ? OutboxState.Sent : message.Attempts > 0 ? OutboxState.Failing : OutboxState.Pending;
    }

    public static IQueryable<OutboxMessage> InState(this IQueryable<OutboxMessage> messages, OutboxState? state) => state switch
    {
        OutboxState.Pending => messages.Where(m => m.SentAt == null && m.Attempts == 0),
        OutboxState.Failing => messages.Where(m => m.SentAt == null && m.Attempts > 0),
        OutboxState.Sent => messages.Where(m => m.SentAt != null),
        _ => messages,
    };
}
