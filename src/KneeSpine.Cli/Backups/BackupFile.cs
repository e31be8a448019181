using Microsoft.Data.Sqlite;

namespace KneeSpine.Cli.Backups;

/// <summary>
/// Checks that a file is a KneeSpine SQLite database this version can use, before a restore touches anything: SQLite's own
/// integrity check, the tables every KneeSpine database has, and no migration newer than this version knows.
/// </summary>
internal static class BackupFile
{
    private static readonly string[] ExpectedTables = ["__EFMigrationsHistory", "Patients", "Assessments", "AspNetUsers", "AuditEvents"];

    /// <summary>Null when <paramref name="file"/> can be restored; otherwise why not, for people.</summary>
    public static string? Problem(string file, IReadOnlyCollection<string> knownMigrations)
    {
        try
        {
            using var connection = SqliteFiles.Open(file, SqliteOpenMode.ReadOnly);
            var integrity = SqliteFiles.Scalar(connection, "PRAGMA integrity_check;");
            if (integrity != "ok")
            {
                return $"{file} is damaged (SQLite integrity check: {integrity}).";
            }

            var tables = new HashSet<string>(StringComparer.Ordinal);
            using (var command = connection.CreateCommand())
            {
                command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table';";
                using var reader = command.ExecuteReader();
                while (reader.Read())
                {
                    tables.Add(reader.GetString(0));
                }
            }

            var missing = ExpectedTables.Where(t => !tables.Contains(t)).ToList();
            if (missing.Count > 0)
            {
                return $"{file} is an SQLite database but not a KneeSpine one (no table {string.Join(", ", missing)}).";
            }

            var newer = Migrations(connection).Where(m => !knownMigrations.Contains(m)).ToList();
            return newer.Count > 0
                ? $"{file} was made by a newer KneeSpine (migration {string.Join(", ", newer)}); restore it with that version or a later one."
                : null;
        }
        catch (SqliteException e) when (e.SqliteErrorCode is SQLitePCL.raw.SQLITE_NOTADB or SQLitePCL.raw.SQLITE_CORRUPT)
        {
            return $"{file} is not an SQLite database ({e.Message.TrimEnd('.')}).";
        }
    }

    private static List<string> Migrations(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT MigrationId FROM __EFMigrationsHistory;";
        using var reader = command.ExecuteReader();
        var ids = new List<string>();
        while (reader.Read())
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }
}
