namespace KneeSpine.Web.Notifications;

/// <summary>Where an outbox message stands, as <c>/admin/outbox</c> shows and filters it.</summary>
public enum OutboxState
{
    /// <summary>Not tried yet (or no mail server is configured).</summary>
    Pending,

    /// <summary>Tried and failed at least once; tried again at its next attempt.</summary>
    Failing,

    Sent,
}
