using System.CommandLine;
using KneeSpine.Cli.Hosting;
using KneeSpine.Store.Audit;
using Microsoft.Data.Sqlite;

namespace KneeSpine.Cli.Backups;

/// <summary>
/// <c>kneespine backup --out FILE [--data DIR]</c>: a consistent copy of the SQLite database taken with SQLite's online
/// backup API while the server keeps serving (a file copy could catch a write half done, or miss the WAL). PostgreSQL
/// has its own tools (pg_dump), which the message names.
/// </summary>
internal static class BackupCommand
{
    public static Command Create(CliConsole console)
    {
        var output = new Option<FileInfo>("--out") { Description = "The backup file to write (a new file; an existing one is never overwritten).", Required = true };
        var data = DataOption.Create();
        var command = new Command("backup", "Back up the SQLite database to one file while the app keeps serving.") { output, data };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var target = parse.GetRequiredValue(output);
            var app = CliServices.Build(parse.GetValue(data));
            await using (app.ConfigureAwait(false))
            {
                var source = SqliteCommandSteps.DatabaseFileOrRefuse(app, console,
                    "backup copies the SQLite database; this one is PostgreSQL: use pg_dump (see docs/deployment.md), e.g. pg_dump --format=custom --file=kneespine.dump DATABASE.");
                if (source is null)
                {
                    return ExitCodes.InvalidInput;
                }

                if (!File.Exists(source))
                {
                    console.WriteError($"--data: no database at {source}; give the --data folder the server uses.");
                    return ExitCodes.InvalidInput;
                }

                if (target.Exists)
                {
                    console.WriteError($"--out: {target.FullName} already exists; a backup never overwrites a file, choose a new name.");
                    return ExitCodes.InvalidInput;
                }

                if (target.Directory is { Exists: false })
                {
                    console.WriteError($"--out: the folder {target.DirectoryName} does not exist.");
                    return ExitCodes.InvalidInput;
                }

                var started = CliAudit.Now(app.Services);
                var (patients, assessments) = await BulkProgress.RunAsync(console, "Backing up " + Path.GetFileName(source), progress =>
                    Task.Run(() => Write(source, target.FullName, progress), cancellationToken)).ConfigureAwait(false);
                var summary = $"Backed up {source} to {target.FullName}: {patients} patients, {assessments} assessments, {new FileInfo(target.FullName).Length / 1024} KiB.";

                // After the copy, so the backup holds what was stored before it; the event itself lands in the live database.
                return await SqliteCommandSteps.FinishAsync(app, console, started, AuditAction.DatabaseBackup, "backup --out " + target.FullName,
                    summary, cancellationToken).ConfigureAwait(false);
            }
        });
        return command;
    }

    /// <summary>Copies and checks into FILE.partial, then renames it, so a failed backup never leaves a file that looks whole.</summary>
    private static (long Patients, long Assessments) Write(string source, string target, Action<int, int>? progress)
    {
        var partial = target + ".partial";
        File.Delete(partial);
        try
        {
            SqliteFiles.Copy(source, SqliteOpenMode.ReadWrite, partial);

            progress?.Invoke(1, 2);
            long patients, assessments;
            using (var copy = SqliteFiles.Open(partial, SqliteOpenMode.ReadOnly))
            {
                var integrity = SqliteFiles.Scalar(copy, "PRAGMA integrity_check;");
                if (integrity != "ok")
                {
                    throw new InvalidOperationException($"the copy failed SQLite's integrity check ({integrity}); the database itself may be damaged.");
                }

                patients = long.Parse(SqliteFiles.Scalar(copy, "SELECT count(*) FROM Patients;"), System.Globalization.CultureInfo.InvariantCulture);
                assessments = long.Parse(SqliteFiles.Scalar(copy, "SELECT count(*) FROM Assessments;"), System.Globalization.CultureInfo.InvariantCulture);
            }

            File.Move(partial, target, overwrite: false);
            progress?.Invoke(2, 2);
            return (patients, assessments);
        }
        finally
        {
            File.Delete(partial);
        }
    }
}
