using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace KneeSpine.Store.Audit;

/// <summary>
/// Refuses, before anything reaches the database, a save that would change or delete an audit event. The
/// database's own triggers refuse the same for everything that bypasses the change tracker (raw SQL,
/// <c>ExecuteUpdate</c>, <c>ExecuteDelete</c>, another program).
/// </summary>
internal sealed class AppendOnlyAuditInterceptor : SaveChangesInterceptor
{
    public static AppendOnlyAuditInterceptor Instance { get; } = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Check(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Check(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private static void Check(DbContext? context)
    {
        // Entries() detects changes first, so a property changed on a tracked event counts as Modified.
        if (context?.ChangeTracker.Entries<AuditEvent>().FirstOrDefault(e => e.State is EntityState.Modified or EntityState.Deleted) is { } entry)
        {
            throw new AuditTrailAppendOnlyException(
                $"The audit trail is append-only: audit event {entry.Entity.Id} cannot be {(entry.State == EntityState.Deleted ? "deleted" : "changed")}.");
        }
    }
}
