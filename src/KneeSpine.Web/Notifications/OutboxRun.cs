namespace KneeSpine.Web.Notifications;

/// <summary>What one pass of the sender did.</summary>
public sealed record OutboxRun(int Sent, int Failed);
