using System.CommandLine;
using System.Globalization;
using KneeSpine.Cli.Hosting;
using KneeSpine.Store.Audit;
using KneeSpine.Store.Database;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KneeSpine.Cli.Backups;

/// <summary>
/// <c>kneespine restore FILE [--data DIR]</c>: puts a backup in place of the SQLite database. It checks the file first,
/// refuses while the database is in use, and keeps the database it replaces beside it
/// (<c>kneespine.db.before-restore-TIME</c>), so a restore never destroys anything.
/// </summary>
internal static class RestoreCommand
{
    public static Command Create(CliConsole console)
    {
        var file = new Argument<FileInfo>("FILE") { Description = "A backup made by 'kneespine backup'." };
        var data = DataOption.Create();
        var command = new Command("restore", "Restore the SQLite database from a backup (the server must be stopped).") { file, data };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var backup = parse.GetRequiredValue(file);
            if (!backup.Exists)
            {
                console.WriteError($"{backup.FullName}: no such file.");
                return ExitCodes.InvalidInput;
            }

            var app = CliServices.Build(parse.GetValue(data));
            await using (app.ConfigureAwait(false))
            {
                var database = SqliteCommandSteps.DatabaseFileOrRefuse(app, console,
                    "restore replaces the SQLite database; this one is PostgreSQL: use pg_restore into a new database (see docs/deployment.md), e.g. pg_restore --no-owner --dbname=NEW-DATABASE kneespine.dump.");
                if (database is null)
                {
                    return ExitCodes.InvalidInput;
                }

                var started = CliAudit.Now(app.Services);
                string? problem;
                using (var scope = app.Services.CreateScope())
                {
                    var known = scope.ServiceProvider.GetRequiredService<KneeSpineDbContext>().Database.GetMigrations().ToHashSet(StringComparer.Ordinal);
                    problem = BackupFile.Problem(backup.FullName, known);
                }

                if (problem is not null)
                {
                    console.WriteError(problem);
                    return ExitCodes.InvalidInput;
                }

                using var serverLock = ServerLock.TryAcquire(database);
                if (serverLock is null)
                {
                    console.WriteError($"the database {database} is in use: a 'kneespine serve' (or another restore) holds {ServerLock.PathFor(database)}. Stop the server first (e.g. systemctl stop kneespine).");
                    return ExitCodes.InvalidInput;
                }

                // Idle pooled connections of this process (a command run before in the same process) are not a user of the
                // database; only another process's connections are.
                SqliteConnection.ClearAllPools();
                if (File.Exists(database) && !TryCloseOut(database))
                {
                    console.WriteError($"the database {database} is in use: another process has it open. Stop it first.");
                    return ExitCodes.InvalidInput;
                }

                var kept = await BulkProgress.RunAsync(console, "Restoring " + backup.Name, progress =>
                    Task.Run(() => PutInPlace(backup.FullName, database, started, progress), cancellationToken)).ConfigureAwait(false);
                var summary = $"Restored {backup.FullName} into {database}." + (kept is null ? string.Empty : $" The database it replaced is kept as {kept}.");

                // A backup from an older version is brought up to date here, as the next start would; the event goes into it.
                return await SqliteCommandSteps.FinishAsync(app, console, started, AuditAction.DatabaseRestore, "restore " + backup.FullName,
                    summary, cancellationToken).ConfigureAwait(false);
            }
        });
        return command;
    }

    /// <summary>
    /// Whether no other process has the database open: in WAL mode, exclusive locking needs every other connection closed.
    /// When it is free, the WAL is folded into the file first, so the file set aside is complete on its own.
    /// </summary>
    private static bool TryCloseOut(string database)
    {
        try
        {
            using var connection = SqliteFiles.Open(database, SqliteOpenMode.ReadWrite, busySeconds: 2);
            SqliteFiles.Scalar(connection, "PRAGMA locking_mode=EXCLUSIVE;");
            SqliteFiles.Scalar(connection, "BEGIN EXCLUSIVE;");
            SqliteFiles.Scalar(connection, "COMMIT;");
            SqliteFiles.Scalar(connection, "PRAGMA wal_checkpoint(TRUNCATE);");
            return true;
        }
        catch (SqliteException e) when (e.SqliteErrorCode is SQLitePCL.raw.SQLITE_BUSY or SQLitePCL.raw.SQLITE_LOCKED)
        {
            return false;
        }
    }

    /// <summary>Copies the backup beside the database, then swaps the files; the old database and its WAL files are kept aside.</summary>
    private static string? PutInPlace(string backup, string database, DateTimeOffset now, Action<int, int>? progress)
    {
        var incoming = database + ".restoring";
        File.Delete(incoming);
        try
        {
            SqliteFiles.Copy(backup, SqliteOpenMode.ReadOnly, incoming);

            progress?.Invoke(1, 2);
            string? kept = null;
            if (File.Exists(database))
            {
                kept = database + ".before-restore-" + now.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
                File.Move(database, kept);
                foreach (var companion in SqliteFiles.Companions(database).Where(File.Exists))
                {
                    // Left beside the new file, SQLite would replay the old WAL into it.
                    File.Move(companion, kept + companion[database.Length..]);
                }
            }

            File.Move(incoming, database);
            progress?.Invoke(2, 2);
            return kept;
        }
        finally
        {
            File.Delete(incoming);
        }
    }
}
