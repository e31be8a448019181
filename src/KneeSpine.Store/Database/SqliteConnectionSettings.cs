using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace KneeSpine.Store.Database;

/// <summary>
/// Applies the per-connection SQLite settings every time a connection opens. <c>synchronous</c> is not stored in the
/// file (unlike <c>journal_mode=WAL</c>), so it has to be said on each connection, or SQLite's compiled-in default applies.
/// </summary>
internal sealed class SqliteConnectionSettings(SqliteSynchronous synchronous) : DbConnectionInterceptor
{
    private readonly string _pragma = synchronous == SqliteSynchronous.Full ? "PRAGMA synchronous=FULL;" : "PRAGMA synchronous=NORMAL;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = Command(connection);
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        var command = Command(connection);
        await using (command.ConfigureAwait(false))
        {
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private DbCommand Command(DbConnection connection)
    {
        var command = connection.CreateCommand();
#pragma warning disable CA2100 // One of two constant texts, no input.
        command.CommandText = _pragma;
#pragma warning restore CA2100
        return command;
    }
}
