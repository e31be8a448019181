namespace KneeSpine.Store.Notifications;

/// <summary>
/// A message waiting to be delivered (the transactional outbox): written in the same transaction as the change that
/// causes it, then sent by one background sender with retries, so a failing mail server never loses it and never
/// delays the request that caused it. A row is never deleted: once sent it records when.
/// </summary>
public sealed class OutboxMessage
{
    public Guid Id { get; set; }

    public OutboxMessageKind Kind { get; set; }

    /// <summary>What caused it, e.g. <c>worklist-item-opened</c> or <c>follow-up-reminder</c>.</summary>
    public required string Topic { get; set; }

    /// <summary>An email address, or the webhook's URL.</summary>
    public required string Recipient { get; set; }

    public required string Subject { get; set; }

    /// <summary>Plain-text body (email) or JSON payload (webhook). Minimum necessary: no names, findings or free text.</summary>
    public required string Body { get; set; }

    /// <summary>Unique when set: the same logical message (e.g. one reminder for one check-in) is enqueued once.</summary>
    public string? DeduplicationKey { get; set; }

    public Guid? PatientId { get; set; }

    public Guid? WorklistItemId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Not before this time: the next attempt after a failure (back-off).</summary>
    public DateTimeOffset NextAttemptAt { get; set; }

    public int Attempts { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    public string? LastError { get; set; }

    public DateTimeOffset? LastAttemptAt { get; set; }

    /// <summary>The node that holds the message while it sends it; others skip it until <see cref="LeasedUntil"/>.</summary>
    public string? LeasedBy { get; set; }

    public DateTimeOffset? LeasedUntil { get; set; }

    public static class Limits
    {
        public const int Topic = 64;
        public const int Recipient = 2048;
        public const int Subject = 256;
        public const int DeduplicationKey = 256;
        public const int LastError = 2000;
        public const int LeasedBy = 128;
    }
}
