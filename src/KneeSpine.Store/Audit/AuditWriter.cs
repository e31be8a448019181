using KneeSpine.Store.Database;

namespace KneeSpine.Store.Audit;

/// <summary>
/// Appends one event in its own short unit of work: a context of its own, so whatever the request's context still
/// tracks (a failed save, for one) is never flushed with it. One INSERT, no reads.
/// </summary>
public sealed class AuditWriter(Func<KneeSpineDbContext> newContext)
{
    public async Task WriteAsync(AuditEvent auditEvent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(auditEvent);
        auditEvent.Fit();
        var db = newContext();
        await using (db.ConfigureAwait(false))
        {
            db.AuditEvents.Add(auditEvent);
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
