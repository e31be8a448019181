using KneeSpine.Engine.Results;
using KneeSpine.Store.Assessments;
using KneeSpine.Store.Database;
using KneeSpine.Store.Worklist;
using KneeSpine.Web.Notifications;
using Microsoft.Extensions.Options;

namespace KneeSpine.Web.Worklist;

/// <summary>
/// Opens a worklist item for a worrying result inside the caller's unit of work: the item and the care team's
/// outbox messages are added to the context that stores the assessment, so all three commit together or not at all.
/// </summary>
public sealed class WorklistOpener(IOptions<WorklistOptions> options, ICareTeamNotifier notifier, OpenItemCount openCount)
{
    /// <summary>Whether a result at <paramref name="level"/> needs someone to act: emergency, urgent and soon do.</summary>
    public static bool NeedsAction(TriageLevel level) => level is TriageLevel.Emergency or TriageLevel.Urgent or TriageLevel.Soon;

    /// <summary>When an item at <paramref name="level"/> opened at <paramref name="openedAt"/> is due.</summary>
    public DateTimeOffset DueBy(TriageLevel level, DateTimeOffset openedAt) => level switch
    {
        TriageLevel.Emergency => openedAt,
        TriageLevel.Urgent => openedAt + options.Value.UrgentWithin,
        _ => openedAt + options.Value.SoonWithin,
    };

    /// <summary>
    /// Adds the item for <paramref name="assessment"/> (and its notification) to <paramref name="db"/> without saving;
    /// null when the result needs no action.
    /// </summary>
    public WorklistItem? Open(KneeSpineDbContext db, Assessment assessment, AssessmentResult result, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(assessment);
        ArgumentNullException.ThrowIfNull(result);
        if (!NeedsAction(result.Triage.Level))
        {
            return null;
        }

        var item = new WorklistItem
        {
            Id = Guid.CreateVersion7(now),
            PatientId = assessment.PatientId,
            AssessmentId = assessment.Id,
            Triage = result.Triage.Level,
            AlertIds = AlertIds(result),
            OpenedAt = now,
            DueBy = DueBy(result.Triage.Level, now),
        };
        db.WorklistItems.Add(item);
        notifier.ItemOpened(db, item);
        return item;
    }

    /// <summary>Called once the item is committed, so the navigation count shows it without waiting for its cache.</summary>
    public void Committed() => openCount.Invalidate();

    // Ids only (the titles come from the knowledge base when shown); cut at a whole id if a result ever had too many.
    private static string AlertIds(AssessmentResult result)
    {
        var ids = string.Join(' ', result.Alerts.Select(a => a.Id).Distinct(StringComparer.Ordinal));
        if (ids.Length <= WorklistItem.Limits.AlertIds)
        {
            return ids;
        }

        var cut = ids.LastIndexOf(' ', WorklistItem.Limits.AlertIds);
        return cut > 0 ? ids[..cut] : "";
    }
}
