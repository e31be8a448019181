namespace KneeSpine.Store.Notifications;

/// <summary>How an outbox message is delivered; stored as its kebab-case code.</summary>
public enum OutboxMessageKind
{
    /// <summary>An email through the configured SMTP server.</summary>
    Email,

    /// <summary>A signed HTTPS POST to a paging system's webhook.</summary>
    Webhook,
}
