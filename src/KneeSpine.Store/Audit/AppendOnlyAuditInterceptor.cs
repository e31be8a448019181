using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace KneeSpine.Store.Audit;

/// <summary>
/// Refuses, before anything reaches the database, a save that would change or delete an audit event. The
/// database's own triggers refuse the same for everything that bypasses the change tracker (raw SQL,
/// <c>ExecuteUpdate</c>, <c>ExecuteDelete</c>, another program).
/// </summary>
internal sealed class AppendOnlyAuditInterceptor : SaveChangesInterceptor
{
    public static AppendOnlyAuditInterceptor Instance { get; } = new();

    /// <summary>Adds the interceptor unless the options already have it (so pooled options stay unchanged).</summary>
    public static DbContextOptionsBuilder AddTo(DbContextOptionsBuilder options)
    {
        var interceptors = options.Options.FindExtension<CoreOptionsExtension>()?.Interceptors;
        return interceptors is not null && interceptors.Contains(Instance) ? options : options.AddInterceptors(Instance);
    }

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
