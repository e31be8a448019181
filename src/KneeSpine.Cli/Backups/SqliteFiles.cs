using KneeSpine.Store.Database;
using Microsoft.Data.Sqlite;

namespace KneeSpine.Cli.Backups;

/// <summary>Connections and file names for backup and restore: unpooled, so every file is closed when a step ends.</summary>
internal static class SqliteFiles
{
    /// <summary>The database file of the app's SQLite connection string.</summary>
    public static string DatabaseFile(DatabaseOptions options) =>
        Path.GetFullPath(new SqliteConnectionStringBuilder(options.ConnectionString).DataSource);

    /// <summary>An unpooled connection; <paramref name="busySeconds"/> bounds how long a command waits for another connection's lock.</summary>
    public static SqliteConnection Open(string file, SqliteOpenMode mode, int busySeconds = 30)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = file,
            Mode = mode,
            Pooling = false,
            DefaultTimeout = busySeconds,
        }.ToString());
        connection.Open();
        return connection;
    }

    public static string Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
#pragma warning disable CA2100 // Constant texts of this class only.
        command.CommandText = sql;
#pragma warning restore CA2100
        return Convert.ToString(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;
    }

    /// <summary>The WAL and shared-memory files SQLite keeps beside a database in WAL mode.</summary>
    public static IEnumerable<string> Companions(string file) => [file + "-wal", file + "-shm", file + "-journal"];

    /// <summary>
    /// Copies <paramref name="sourceFile"/> into a new file with SQLite's online backup API (a consistent snapshot, even while
    /// a server writes), in rollback-journal mode so the copy is one self-contained file.
    /// </summary>
    public static void Copy(string sourceFile, SqliteOpenMode mode, string destinationFile)
    {
        using var source = Open(sourceFile, mode);
        using var destination = Open(destinationFile, SqliteOpenMode.ReadWriteCreate);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                source.BackupDatabase(destination);
                break;
            }
            catch (SqliteException e) when (e.SqliteErrorCode is SQLitePCL.raw.SQLITE_BUSY or SQLitePCL.raw.SQLITE_LOCKED && attempt < BusyAttempts)
            {
                // The backup API does not wait on a busy database as commands do; a checkpoint or a recovery is brief.
                Thread.Sleep(BusyPause);
            }
        }

        Scalar(destination, "PRAGMA journal_mode=DELETE;");
    }

    private const int BusyAttempts = 50;

    private static readonly TimeSpan BusyPause = TimeSpan.FromMilliseconds(200);
}
