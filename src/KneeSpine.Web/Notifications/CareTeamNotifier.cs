using KneeSpine.Engine.Codes;
using KneeSpine.Engine.Results;
using KneeSpine.Store.Database;
using KneeSpine.Store.Notifications;
using KneeSpine.Store.Worklist;
using Microsoft.Extensions.Options;

namespace KneeSpine.Web.Notifications;

/// <summary>One email per care-team address for each opened item: the level, when, and a link. Minimum necessary: no
/// patient name, no findings, no free text.</summary>
public sealed class CareTeamNotifier(IOptions<CareTeamOptions> options, TimeProvider time) : ICareTeamNotifier
{
    public const string Topic = "worklist-item-opened";

    public void ItemOpened(KneeSpineDbContext db, WorklistItem item)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(item);
        var settings = options.Value;
        var level = Code<TriageLevel>.ToCode(item.Triage);
        var link = $"{(settings.PublicBaseUrl ?? "").TrimEnd('/')}/worklist#item-{item.Id}";
        var now = time.GetUtcNow();
        foreach (var address in settings.Emails.Where(e => !string.IsNullOrWhiteSpace(e)).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            db.OutboxMessages.Add(new OutboxMessage
            {
                Id = Guid.CreateVersion7(now),
                Kind = OutboxMessageKind.Email,
                Topic = Topic,
                Recipient = address.Trim(),
                Subject = $"KneeSpine: new {level} result to review",
                Body = $"""
                    A patient's back pain check gave a result at the {level} level at {item.OpenedAt:yyyy-MM-dd HH:mm} UTC.
                    Please review it on the worklist: {link}

                    This message holds no patient details on purpose. KneeSpine supports, and does not replace, clinical judgement.
                    """,
                DeduplicationKey = $"{Topic}:{item.Id}:{address.Trim().ToUpperInvariant()}",
                PatientId = item.PatientId,
                WorklistItemId = item.Id,
                CreatedAt = now,
                NextAttemptAt = now,
            });
        }
    }
}
