using KneeSpine.Engine.Codes;
using KneeSpine.Store.Database;
using KneeSpine.Store.Notifications;
using Microsoft.EntityFrameworkCore;

namespace KneeSpine.Web.Notifications;

/// <summary>
/// Takes one due message for this node, so each message is sent by one node at a time (ADR-084). PostgreSQL: a row
/// lock with <c>FOR UPDATE SKIP LOCKED</c>, so nodes never wait on, or both take, the same row. SQLite (one node): a
/// conditional update, atomic because SQLite has one writer; it still leases so a restart mid-send is noticed.
/// </summary>
internal static class OutboxLeases
{
    public static async Task<OutboxMessage?> TakeNextAsync(
        KneeSpineDbContext db, string node, IReadOnlyCollection<OutboxMessageKind> kinds, DateTimeOffset now, DateTimeOffset until, CancellationToken cancellationToken)
    {
        if (kinds.Count == 0)
        {
            return null;
        }

        var id = db is PostgresKneeSpineDbContext
            ? await TakeWithRowLockAsync(db, node, kinds, now, until, cancellationToken).ConfigureAwait(false)
            : await TakeWithConditionalUpdateAsync(db, node, kinds, now, until, cancellationToken).ConfigureAwait(false);
        return id is { } taken
            ? await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == taken, cancellationToken).ConfigureAwait(false)
            : null;
    }

    /// <summary>Gives a message back after an attempt: only while this node still holds it.</summary>
    public static Task<int> ReleaseAsync(
        KneeSpineDbContext db, Guid id, string node, Action<Microsoft.EntityFrameworkCore.Query.UpdateSettersBuilder<OutboxMessage>> outcome, CancellationToken cancellationToken) =>
        db.WriteAsync(token => db.OutboxMessages.Where(m => m.Id == id && m.LeasedBy == node).ExecuteUpdateAsync(set =>
        {
            set.SetProperty(m => m.LeasedBy, (string?)null).SetProperty(m => m.LeasedUntil, (DateTimeOffset?)null);
            outcome(set);
        }, token), cancellationToken);

    private static async Task<Guid?> TakeWithRowLockAsync(
        KneeSpineDbContext db, string node, IReadOnlyCollection<OutboxMessageKind> kinds, DateTimeOffset now, DateTimeOffset until, CancellationToken cancellationToken)
    {
        var codes = kinds.Select(Code<OutboxMessageKind>.ToCode).ToArray();
        // The locking subquery re-checks its conditions on the newest row version, so a row another node took and
        // committed meanwhile no longer matches; a row another node is taking right now is skipped, not waited for.
        var taken = await db.Database.SqlQuery<Guid>($"""
            UPDATE "OutboxMessages" SET "LeasedBy" = {node}, "LeasedUntil" = {until}
            WHERE "Id" = (
                SELECT "Id" FROM "OutboxMessages"
                WHERE "SentAt" IS NULL AND "NextAttemptAt" <= {now}
                  AND ("LeasedUntil" IS NULL OR "LeasedUntil" <= {now})
                  AND "Kind" = ANY({codes})
                ORDER BY "NextAttemptAt", "Id"
                LIMIT 1
                FOR UPDATE SKIP LOCKED)
            RETURNING "Id" AS "Value"
            """).ToListAsync(cancellationToken).ConfigureAwait(false);
        return taken.Count == 0 ? null : taken[0];
    }

    private static async Task<Guid?> TakeWithConditionalUpdateAsync(
        KneeSpineDbContext db, string node, IReadOnlyCollection<OutboxMessageKind> kinds, DateTimeOffset now, DateTimeOffset until, CancellationToken cancellationToken)
    {
        // Another sender in this process may take the same candidate first; then look again.
        for (var tries = 0; tries < 3; tries++)
        {
            var candidate = await db.OutboxMessages
                .Where(m => m.SentAt == null && m.NextAttemptAt <= now && (m.LeasedUntil == null || m.LeasedUntil <= now) && kinds.Contains(m.Kind))
                .OrderBy(m => m.NextAttemptAt).ThenBy(m => m.Id)
                .Select(m => (Guid?)m.Id)
                .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
            if (candidate is not { } id)
            {
                return null;
            }

            var updated = await db.WriteAsync(token => db.OutboxMessages
                .Where(m => m.Id == id && m.SentAt == null && (m.LeasedUntil == null || m.LeasedUntil <= now))
                .ExecuteUpdateAsync(set => set.SetProperty(m => m.LeasedBy, node).SetProperty(m => m.LeasedUntil, until), token), cancellationToken)
                .ConfigureAwait(false);
            if (updated == 1)
            {
                return id;
            }
        }

        return null;
    }
}
