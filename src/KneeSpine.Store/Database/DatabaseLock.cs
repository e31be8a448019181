using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KneeSpine.Store.Database;

/// <summary>
/// Runs start-up work on one node at a time when several share a database: a PostgreSQL session advisory lock, held on
/// this context's connection and released by the server if the process dies. SQLite serves one node, so there it only runs
/// the work. The wait is bounded by the connection's command timeout.
/// </summary>
public sealed class DatabaseLock(KneeSpineDbContext db, IOptions<DatabaseOptions> options)
{
    public async Task RunAsync(long key, Func<CancellationToken, Task> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (options.Value.Provider != DatabaseProvider.Postgres)
        {
            await work(cancellationToken).ConfigureAwait(false);
            return;
        }

        await db.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock({key})", cancellationToken).ConfigureAwait(false);
            try
            {
                await work(cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({key})", CancellationToken.None).ConfigureAwait(false);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync().ConfigureAwait(false);
        }
    }
}
