using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace KneeSpine.Store.Database;

/// <summary>
/// Applies the per-connection SQLite settings to every connection. <c>synchronous</c> is not stored in the file (unlike
/// <c>journal_mode=WAL</c>), so it has to be said on each connection, or SQLite's compiled-in default applies.
/// </summary>
/// <remarks>
/// Once per database connection, not per open: Microsoft.Data.Sqlite pools the native connection behind each
/// <see cref="SqliteConnection"/>, and the setting stays with it. A pooled one already configured is recognised by its
/// native handle; a new native connection (a new handle) is configured on its first open.
/// </remarks>
internal sealed class SqliteConnectionSettings(SqliteSynchronous synchronous) : DbConnectionInterceptor
{
    private readonly string _pragma = synchronous == SqliteSynchronous.Full ? "PRAGMA synchronous=FULL;" : "PRAGMA synchronous=NORMAL;";

    private readonly ConditionalWeakTable<object, object> _configured = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (IsConfigured(connection))
        {
            return;
        }

        using (var command = Command(connection))
        {
            command.ExecuteNonQuery();
        }

        MarkConfigured(connection);
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (IsConfigured(connection))
        {
            return;
        }

        var command = Command(connection);
        await using (command.ConfigureAwait(false))
        {
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        MarkConfigured(connection);
    }

    private bool IsConfigured(DbConnection connection) => Handle(connection) is { } handle && _configured.TryGetValue(handle, out _);

    private void MarkConfigured(DbConnection connection)
    {
        if (Handle(connection) is { } handle)
        {
            _configured.AddOrUpdate(handle, handle);
        }
    }

    private static object? Handle(DbConnection connection) => (connection as SqliteConnection)?.Handle;

    private DbCommand Command(DbConnection connection)
    {
        var command = connection.CreateCommand();
#pragma warning disable CA2100 // One of two constant texts, no input.
        command.CommandText = _pragma;
#pragma warning restore CA2100
        return command;
    }
}
