using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;
using Npgsql;

namespace KneeSpine.Store.Database;

/// <summary>
/// Runs start-up work on one node at a time when several share a database: a PostgreSQL session advisory lock, held on
/// this context's own connection and released by the server if the process dies. SQLite serves one node, so there it
/// only runs the work.
/// </summary>
public sealed class DatabaseLock(KneeSpineDbContext db, IOptions<DatabaseOptions> options)
{
    /// <summary>How long a node waits for another one's start-up (a long migration) before it gives up.</summary>
    public static readonly TimeSpan Wait = TimeSpan.FromMinutes(5);

    public async Task RunAsync(long key, Func<CancellationToken, Task> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (options.Value.Provider != DatabaseProvider.Postgres)
        {
            await work(cancellationToken).ConfigureAwait(false);
            return;
        }

        await EnsureDatabaseExistsAsync(cancellationToken).ConfigureAwait(false);
        await db.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var timeout = db.Database.GetCommandTimeout();
            db.Database.SetCommandTimeout(Wait);
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock({key})", cancellationToken).ConfigureAwait(false);
            db.Database.SetCommandTimeout(timeout);
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

    /// <summary>The lock needs a connection to the database, which migrations would otherwise create; two nodes may both try.</summary>
    private async Task EnsureDatabaseExistsAsync(CancellationToken cancellationToken)
    {
        var creator = db.GetService<IRelationalDatabaseCreator>();
        if (await creator.ExistsAsync(cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        try
        {
            await creator.CreateAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DuplicateDatabase)
        {
            // Another node created it first.
        }
    }
}
