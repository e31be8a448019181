using KneeSpine.Store.BulkExport;
using KneeSpine.Store.Database;
using Microsoft.EntityFrameworkCore;

namespace KneeSpine.Web.BulkExport;

/// <summary>
/// Takes one queued job for this node, so each job is run by one node at a time; the outbox's scheme (ADR-084).
/// PostgreSQL: a row lock with <c>FOR UPDATE SKIP LOCKED</c>; SQLite (one writer): a conditional update.
/// </summary>
internal static class BulkExportLeases
{
    public static async Task<Guid?> TakeNextAsync(KneeSpineDbContext db, string node, DateTimeOffset now, DateTimeOffset until, CancellationToken cancellationToken)
    {
        var queued = nameof(BulkExportState.Queued);
        if (db is PostgresKneeSpineDbContext)
        {
            var taken = await db.Database.SqlQuery<Guid>($"""
                UPDATE "BulkExportJobs" SET "LeasedBy" = {node}, "LeasedUntil" = {until}, "Attempts" = "Attempts" + 1
                WHERE "Id" = (
                    SELECT "Id" FROM "BulkExportJobs"
                    WHERE "State" = {queued} AND ("LeasedUntil" IS NULL OR "LeasedUntil" <= {now})
                    ORDER BY "TransactionTime", "Id"
                    LIMIT 1
                    FOR UPDATE SKIP LOCKED)
                RETURNING "Id" AS "Value"
                """).ToListAsync(cancellationToken).ConfigureAwait(false);
            return taken.Count == 0 ? null : taken[0];
        }

        for (var tries = 0; tries < 3; tries++)
        {
            var candidate = await db.BulkExportJobs
                .Where(j => j.State == BulkExportState.Queued && (j.LeasedUntil == null || j.LeasedUntil <= now))
                .OrderBy(j => j.Id)
                .Select(j => (Guid?)j.Id)
                .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
            if (candidate is not { } id)
            {
                return null;
            }

            if (await db.BulkExportJobs
                .Where(j => j.Id == id && j.State == BulkExportState.Queued && (j.LeasedUntil == null || j.LeasedUntil <= now))
                .ExecuteUpdateAsync(set => set.SetProperty(j => j.LeasedBy, node).SetProperty(j => j.LeasedUntil, until).SetProperty(j => j.Attempts, j => j.Attempts + 1), cancellationToken)
                .ConfigureAwait(false) == 1)
            {
                return id;
            }
        }

        return null;
    }

    /// <summary>Extends this node's lease and records progress; false when the job was cancelled or another node took it.</summary>
    public static async Task<bool> RenewAsync(KneeSpineDbContext db, Guid id, string node, DateTimeOffset until, int patientsDone, CancellationToken cancellationToken) =>
        await db.BulkExportJobs.Where(j => j.Id == id && j.LeasedBy == node && j.State == BulkExportState.Queued)
            .ExecuteUpdateAsync(set => set.SetProperty(j => j.LeasedUntil, until).SetProperty(j => j.PatientsDone, patientsDone), cancellationToken)
            .ConfigureAwait(false) == 1;
}
