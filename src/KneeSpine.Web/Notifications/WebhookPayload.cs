namespace KneeSpine.Web.Notifications;

/// <summary>The webhook's JSON body: as little as the email (no patient details), for a paging system to page on.</summary>
public sealed record WebhookPayload(Guid ItemId, string Level, DateTimeOffset OpenedAt, string Link);
