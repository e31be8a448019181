using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KneeSpine.Store.Database;

/// <summary>Creates the database when needed and applies the provider's migrations.</summary>
public sealed partial class DatabaseMigrator(KneeSpineDbContext db, IOptions<DatabaseOptions> options, ILogger<DatabaseMigrator> logger)
{
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (settings.Provider == DatabaseProvider.Sqlite)
        {
            var file = new SqliteConnectionStringBuilder(settings.ConnectionString).DataSource;
            var directory = Path.GetDirectoryName(Path.GetFullPath(file));
            if (!string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
            }
        }

        // A node older than the schema would read and write columns and rules it does not know; it stops instead.
        var known = db.Database.GetMigrations().ToHashSet(StringComparer.Ordinal);
        var applied = await db.Database.GetAppliedMigrationsAsync(cancellationToken).ConfigureAwait(false);
        var newer = applied.Where(m => !known.Contains(m)).ToList();
        if (newer.Count > 0)
        {
            throw new InvalidOperationException(
                $"The database was migrated by a newer KneeSpine (migration {string.Join(", ", newer)}; this version knows up to "
                + $"{known.Max(StringComparer.Ordinal)}). This version refuses to use it: upgrade this node to the version the others run.");
        }

        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken).ConfigureAwait(false)).ToList();
        if (pending.Count > 0)
        {
            LogMigrating(logger, settings.Provider, pending.Count);
            await db.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
        }

        if (settings.Provider == DatabaseProvider.Sqlite)
        {
            // Readers do not block the writer, and a commit is safe once it is in the log (ADR-055); the setting is stored in the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken).ConfigureAwait(false);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applying {Count} {Provider} migration(s)")]
    private static partial void LogMigrating(ILogger logger, DatabaseProvider provider, int count);
}
