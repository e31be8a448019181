using System.Linq.Expressions;
using KneeSpine.Engine.Codes;
using KneeSpine.Engine.Knowledge;
using KneeSpine.Engine.Results;
using KneeSpine.Store.Database;
using KneeSpine.Store.Worklist;
using Microsoft.EntityFrameworkCore;

namespace KneeSpine.Web.Worklist;

/// <summary>Reads the worklist and records acknowledgements. Callers are clinicians or admins (the endpoints' policy).</summary>
public sealed class WorklistService(KneeSpineDbContext db, TimeProvider time, OpenItemCount openCount)
{
    public const int DefaultPageSize = 50;

    public const int MaxPageSize = 200;

    /// <summary>0 for emergency, 1 urgent, 2 soon: the worklist's severity order, computed in the database.</summary>
    public static readonly Expression<Func<WorklistItem, int>> SeverityRank = i =>
        i.Triage == TriageLevel.Emergency ? 0 : i.Triage == TriageLevel.Urgent ? 1 : 2;

    /// <summary>
    /// One page of items with <paramref name="status"/>: open ones first, most severe first, oldest first (the one
    /// waiting longest); then acknowledged ones, most recently acknowledged first.
    /// </summary>
    public async Task<(IReadOnlyList<WorklistRow> Rows, int Total)> ListAsync(WorklistStatus status, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(page, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        var query = WithStatus(db.WorklistItems.AsNoTracking(), status);
        var total = await query.CountAsync(cancellationToken).ConfigureAwait(false);
        var rows = await Rows(InWorklistOrder(query).Skip((page - 1) * pageSize).Take(pageSize), cancellationToken).ConfigureAwait(false);
        return (rows, total);
    }

    /// <summary>One item with its patient's name; null when unknown.</summary>
    public async Task<WorklistRow?> FindRowAsync(Guid id, CancellationToken cancellationToken = default) =>
        (await Rows(db.WorklistItems.AsNoTracking().Where(i => i.Id == id), cancellationToken).ConfigureAwait(false)).SingleOrDefault();

    private static IQueryable<WorklistItem> WithStatus(IQueryable<WorklistItem> query, WorklistStatus status) => status switch
    {
        WorklistStatus.Open => query.Where(i => i.AcknowledgedAt == null),
        WorklistStatus.Acknowledged => query.Where(i => i.AcknowledgedAt != null),
        _ => query,
    };

    private static IQueryable<WorklistItem> InWorklistOrder(IQueryable<WorklistItem> query) => query
        .OrderBy(i => i.AcknowledgedAt == null ? 0 : 1)
        // Every open item has no acknowledgement time, so this orders only the acknowledged ones.
        .ThenByDescending(i => i.AcknowledgedAt)
        .ThenBy(SeverityRank)
        .ThenBy(i => i.OpenedAt)
        .ThenBy(i => i.Id);

    private static async Task<IReadOnlyList<WorklistRow>> Rows(IQueryable<WorklistItem> query, CancellationToken cancellationToken)
    {
        var rows = await query
            .Select(i => new { Item = i, PatientName = i.Patient!.Name, i.Assessment!.Version, i.Assessment.AssessedOn })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(r => new WorklistRow(r.Item, r.PatientName, r.Version, r.AssessedOn))];
    }

    public Task<WorklistItem?> FindAsync(Guid id, CancellationToken cancellationToken = default) =>
        db.WorklistItems.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, cancellationToken);

    /// <summary>The patient's items, open ones first (as the worklist orders them); for the FHIR Task search.</summary>
    public async Task<IReadOnlyList<WorklistItem>> ForPatientAsync(Guid patientId, WorklistStatus status, CancellationToken cancellationToken = default)
    {
        var query = WithStatus(db.WorklistItems.AsNoTracking().Where(i => i.PatientId == patientId), status);
        return await InWorklistOrder(query).ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Every problem with an acknowledgement, keyed by JSON name; empty when valid.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Validate(string? action, string? note, out WorklistAction parsed)
    {
        var errors = new List<KeyValuePair<string, string>>();
        parsed = default;
        if (string.IsNullOrWhiteSpace(action))
        {
            errors.Add(new("action", $"Choose what was done: {string.Join(", ", Code<WorklistAction>.All)}."));
        }
        else if (!Code<WorklistAction>.TryParse(action.Trim(), out parsed))
        {
            errors.Add(new("action", $"Unknown action '{action}'; use one of: {string.Join(", ", Code<WorklistAction>.All)}."));
        }

        if (note is { } text && text.Trim().Length > WorklistItem.Limits.Note)
        {
            errors.Add(new("note", $"The note must be at most {WorklistItem.Limits.Note} characters."));
        }
        else if (parsed == WorklistAction.Other && errors.Count == 0 && string.IsNullOrWhiteSpace(note))
        {
            // "Other" says nothing on its own; the next reader must learn what was done.
            errors.Add(new("note", "Say in the note what was done (the action is 'other')."));
        }

        return errors;
    }

    /// <summary>
    /// Records that <paramref name="by"/> acted on the item. Only the first acknowledgement counts: the update is
    /// conditional on the item still being open, so of two clinicians acknowledging at once exactly one wins and the
    /// other learns who did.
    /// </summary>
    public async Task<AcknowledgeOutcome> AcknowledgeAsync(Guid id, string? action, string? note, string by, CancellationToken cancellationToken = default)
    {
        var errors = Validate(action, note, out var parsed);
        if (errors.Count > 0)
        {
            return AcknowledgeOutcome.Invalid(errors);
        }

        var now = time.GetUtcNow();
        var text = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        var changed = await db.WriteAsync(
                token => db.WorklistItems
                    .Where(i => i.Id == id && i.AcknowledgedAt == null)
                    .ExecuteUpdateAsync(
                        set => set
                            .SetProperty(i => i.AcknowledgedAt, now)
                            .SetProperty(i => i.AcknowledgedBy, by)
                            .SetProperty(i => i.Action, parsed)
                            .SetProperty(i => i.Note, text),
                        token),
                cancellationToken)
            .ConfigureAwait(false);
        if (changed > 0)
        {
            openCount.Invalidate();
        }

        var item = await FindAsync(id, cancellationToken).ConfigureAwait(false);
        return item is null ? AcknowledgeOutcome.Missing()
            : changed > 0 ? AcknowledgeOutcome.Done(item)
            : AcknowledgeOutcome.Conflict(item);
    }

    public WorklistItemResponse ToResponse(WorklistItem item) => ToResponse(item, time.GetUtcNow());

    public static WorklistItemResponse ToResponse(WorklistItem item, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(item);
        return new WorklistItemResponse(
            item.Id,
            item.PatientId,
            item.AssessmentId,
            Code<TriageLevel>.ToCode(item.Triage),
            Alerts(item),
            item.IsOpen ? "open" : "acknowledged",
            item.OpenedAt,
            item.DueBy,
            IsOverdue(item, now),
            item.AcknowledgedAt,
            item.AcknowledgedBy,
            item.Action is { } action ? Code<WorklistAction>.ToCode(action) : null,
            item.Note);
    }

    public static bool IsOverdue(WorklistItem item, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(item);
        return item.IsOpen && now > item.DueBy;
    }

    /// <summary>The item's alerts with their titles; an id the knowledge base no longer has is shown as it is.</summary>
    public static IReadOnlyList<WorklistAlert> Alerts(WorklistItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return [.. item.AlertIds.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(id => new WorklistAlert(id, KnowledgeBase.Default.Alerts.TryGet(id, out var alert) ? alert.Title : id))];
    }
}
