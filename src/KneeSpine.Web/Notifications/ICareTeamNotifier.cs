using KneeSpine.Store.Database;
using KneeSpine.Store.Worklist;

namespace KneeSpine.Web.Notifications;

/// <summary>Tells the care team that a worklist item opened.</summary>
public interface ICareTeamNotifier
{
    /// <summary>
    /// Adds the item's outbox messages to <paramref name="db"/> without saving, so they commit in the same transaction as
    /// the assessment and the item, and are sent later by the outbox sender.
    /// </summary>
    void ItemOpened(KneeSpineDbContext db, WorklistItem item);
}
