using System.Text.Json;
using KneeSpine.Engine.Codes;
using KneeSpine.Engine.Results;
using KneeSpine.Store.Database;
using KneeSpine.Store.Notifications;
using KneeSpine.Store.Worklist;
using Microsoft.Extensions.Options;

namespace KneeSpine.Web.Notifications;

/// <summary>
/// One email per care-team address for each opened item (<see cref="CareTeamEmail"/>), and one signed webhook post when a
/// paging system is configured, left to the outbox sender.
/// </summary>
public sealed class CareTeamNotifier(IOptions<CareTeamOptions> options, IOptions<WebhookOptions> webhook, TimeProvider time) : ICareTeamNotifier
{
    public const string Topic = "worklist-item-opened";

    public void ItemOpened(KneeSpineDbContext db, WorklistItem item)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(item);
        var settings = options.Value;
        var link = $"{(settings.PublicBaseUrl ?? "").TrimEnd('/')}/worklist#item-{item.Id}";
        var now = time.GetUtcNow();
        var subject = CareTeamEmail.Subject(item);
        var body = CareTeamEmail.Body(item, link);
        foreach (var address in settings.Recipients)
        {
            db.OutboxMessages.Add(new OutboxMessage
            {
                Id = Guid.CreateVersion7(now),
                Kind = OutboxMessageKind.Email,
                Topic = Topic,
                Recipient = address,
                Subject = subject,
                Body = body,
                DeduplicationKey = $"{Topic}:{item.Id}:{address.ToUpperInvariant()}",
                PatientId = item.PatientId,
                WorklistItemId = item.Id,
                CreatedAt = now,
                NextAttemptAt = now,
            });
        }

        if (webhook.Value.Url is { } url)
        {
            var payload = new WebhookPayload(item.Id, Code<TriageLevel>.ToCode(item.Triage), item.OpenedAt, link);
            db.OutboxMessages.Add(new OutboxMessage
            {
                Id = Guid.CreateVersion7(now),
                Kind = OutboxMessageKind.Webhook,
                Topic = Topic,
                Recipient = url.AbsoluteUri,
                Subject = subject,
                Body = JsonSerializer.Serialize(payload, JsonSerializerOptions.Web),
                DeduplicationKey = $"{Topic}:{item.Id}:webhook",
                PatientId = item.PatientId,
                WorklistItemId = item.Id,
                CreatedAt = now,
                NextAttemptAt = now,
            });
        }
    }
}
