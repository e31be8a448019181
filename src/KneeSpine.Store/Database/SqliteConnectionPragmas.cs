using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace KneeSpine.Store.Database;

/// <summary>
/// <c>synchronous=NORMAL</c> on every SQLite connection (a per-connection setting, not stored in the file). In WAL
/// mode (set by <see cref="DatabaseMigrator"/>) a commit then survives the process being killed but is not flushed
/// to disk on every commit; a power cut may lose the last moments' commits, never the file's consistency (ADR-059).
/// </summary>
internal sealed class SqliteConnectionPragmas : DbConnectionInterceptor
{
    public static readonly SqliteConnectionPragmas Instance = new();

    private const string Pragmas = "PRAGMA synchronous=NORMAL;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        var command = connection.CreateCommand();
        await using (command.ConfigureAwait(false))
        {
            command.CommandText = Pragmas;
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
