using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KneeSpine.Cli.Tests.Accounts;
using KneeSpine.Cli.Tests.Processes;
using KneeSpine.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace KneeSpine.Cli.Tests.Backups;

/// <summary>
/// <c>kneespine backup</c> copies the SQLite database of a running server while clients keep writing, and
/// <c>kneespine restore</c> brings it back into another data folder with every write acknowledged before the backup
/// began (issue 10); restore refuses a database in use and files that are not KneeSpine databases.
/// </summary>
public sealed class BackupRestoreTests : IDisposable
{
    private readonly TempDataDirectory _files = new();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_write_acknowledged_before_an_online_backup_is_restored_intact_into_a_new_data_folder()
    {
        await using var database = await TestDatabase.CreateAsync(TestDatabaseKind.Sqlite);
        var backup = Path.Combine(_files.Path, "kneespine-backup.db");
        string token;
        Guid patient;
        IReadOnlyList<ContinuousWrites.Write> before;
        await using (var serving = await ServerProcess.StartAsync(database, ServerProcess.EnvironmentFor(database, withAdmin: true), "serving"))
        {
            token = await ServerProcess.CreateAdminTokenAsync(database);
            using var client = serving.CreateClient(token);
            patient = await ContinuousWrites.CreatePatientAsync(client);
            var writes = ContinuousWrites.Start(client, patient);
            await writes.WaitForAsync(30);

            before = writes.Acknowledged;
            var (code, output, error) = await KneeSpineExecutable.RunAsync(null, null, "backup", "--out", backup, "--data", database.DataDirectory);
            var duringBackup = writes.AcknowledgedCount - before.Count;
            await writes.WaitForAsync(writes.AcknowledgedCount + 5);
            Assert.Empty(await writes.StopAsync());

            Assert.True(code == 0, $"backup exited {code}: {error}");
            Assert.StartsWith($"Backed up {Path.Combine(database.DataDirectory, "kneespine.db")} to {backup}: 1 patients, ", output, StringComparison.Ordinal);
            Assert.True(duringBackup > 0, "no write was answered while the backup ran, so the server did not keep serving");

            var refused = await KneeSpineExecutable.RunAsync(null, null, "restore", backup, "--data", database.DataDirectory);
            Assert.Equal(2, refused.Code);
            Assert.Contains("is in use: a 'kneespine serve'", refused.Error, StringComparison.Ordinal);
        }

        await using var restored = await TestDatabase.CreateAsync(TestDatabaseKind.Sqlite);
        var restore = await KneeSpineExecutable.RunAsync(null, null, "restore", backup, "--data", restored.DataDirectory);
        Assert.True(restore.Code == 0, $"restore exited {restore.Code}: {restore.Error}");

        await using var again = await ServerProcess.StartAsync(restored, name: "restored");
        using var reader = again.CreateClient(token);
        foreach (var write in before)
        {
            var response = await reader.GetAsync($"/api/v1/patients/{patient}/assessments/{write.Id}", Cancel);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"write {write.Marker} ({write.Id}) was answered 201 before the backup but is {response.StatusCode} after the restore");
            var stored = await response.Content.ReadFromJsonAsync<JsonObject>(Cancel);
            Assert.Equal(write.Marker, stored!["input"]!["activity"]!["exerciseMinutesPerWeek"]!.GetValue<int>());
            Assert.True(JsonNode.DeepEquals(write.Result, stored["result"]), $"write {write.Marker}: the restored result differs from the one answered");
        }

        var audit = await KneeSpineExecutable.RunAsync(null, null, "audit", "--json", "--action", "database-restore", "--data", restored.DataDirectory);
        Assert.Contains(backup, audit.Output, StringComparison.Ordinal);
        var backedUp = await KneeSpineExecutable.RunAsync(null, null, "audit", "--json", "--action", "database-backup", "--data", database.DataDirectory);
        Assert.Contains(backup, backedUp.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Restore_refuses_a_database_another_process_has_open_and_leaves_it_as_it_was()
    {
        var source = Path.Combine(_files.Path, "source");
        Assert.Equal(0, (await CliRun.RunAsync("audit", "--data", source)).ExitCode);
        var backup = Path.Combine(_files.Path, "backup.db");
        Assert.Equal(0, (await CliRun.RunAsync("backup", "--out", backup, "--data", source)).ExitCode);
        var target = Path.Combine(_files.Path, "target");
        Assert.Equal(0, (await CliRun.RunAsync("audit", "--data", target)).ExitCode);
        var file = Path.Combine(target, "kneespine.db");
        // The commands above ran in this process; their pooled connections would count as "open" too.
        SqliteConnection.ClearAllPools();
        var length = new FileInfo(file).Length;

        await using (var open = new SqliteConnection($"Data Source={file};Pooling=False"))
        {
            await open.OpenAsync(Cancel);
            await using var read = open.CreateCommand();
            read.CommandText = "SELECT count(*) FROM Patients;";
            await read.ExecuteScalarAsync(Cancel);

            var run = await CliRun.RunAsync("restore", backup, "--data", target);

            Assert.Equal(2, run.ExitCode);
            Assert.Contains("is in use: another process has it open", run.Error, StringComparison.Ordinal);
        }

        Assert.Equal(["kneespine.db", "kneespine.db.lock"], Directory.GetFiles(target).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(length, new FileInfo(file).Length);
        SqliteConnection.ClearAllPools();
        Assert.Equal(0, (await CliRun.RunAsync("restore", backup, "--data", target)).ExitCode);
        Assert.Single(Directory.GetFiles(target, "kneespine.db.before-restore-*"));
    }

    [Theory]
    [InlineData("not a database at all", "is not an SQLite database")]
    [InlineData(null, "is an SQLite database but not a KneeSpine one (no table __EFMigrationsHistory, Patients, Assessments, AspNetUsers, AuditEvents)")]
    public async Task Restore_checks_the_file_first_and_exits_2_touching_nothing(string? text, string message)
    {
        var file = Path.Combine(_files.Path, "suspect.db");
        if (text is null)
        {
            await using var other = new SqliteConnection($"Data Source={file};Pooling=False");
            await other.OpenAsync(Cancel);
            await using var create = other.CreateCommand();
            create.CommandText = "CREATE TABLE Notes (Text TEXT);";
            await create.ExecuteNonQueryAsync(Cancel);
        }
        else
        {
            await File.WriteAllTextAsync(file, text, Cancel);
        }

        var target = Path.Combine(_files.Path, "target");
        var run = await CliRun.RunAsync("restore", file, "--data", target);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any(), "restore touched the data folder");
    }

    [Theory]
    [InlineData(new[] { "backup" }, "Option '--out' is required.")]
    [InlineData(new[] { "restore" }, "Required argument missing for command: 'restore'.")]
    [InlineData(new[] { "restore", "no-such-backup.db" }, "no-such-backup.db: no such file.")]
    public async Task Bad_arguments_exit_2_and_say_what_is_wrong(string[] args, string message)
    {
        var run = await CliRun.RunAsync([.. args, "--data", Path.Combine(_files.Path, "data")]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
        Assert.False(run.PrintedStackTrace);
    }

    [Fact]
    public async Task Backup_refuses_an_existing_file_and_a_data_folder_without_a_database()
    {
        var data = Path.Combine(_files.Path, "data");
        var none = await CliRun.RunAsync("backup", "--out", Path.Combine(_files.Path, "b.db"), "--data", data);
        Assert.Equal(2, none.ExitCode);
        Assert.Contains($"--data: no database at {Path.Combine(data, "kneespine.db")}", none.Error, StringComparison.Ordinal);

        Assert.Equal(0, (await CliRun.RunAsync("audit", "--data", data)).ExitCode);
        var existing = Path.Combine(_files.Path, "existing.db");
        await File.WriteAllTextAsync(existing, "keep me", Cancel);
        var refused = await CliRun.RunAsync("backup", "--out", existing, "--data", data);
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains($"--out: {existing} already exists", refused.Error, StringComparison.Ordinal);
        Assert.Equal("keep me", await File.ReadAllTextAsync(existing, Cancel));
    }

    [Fact]
    public async Task With_postgres_backup_points_at_pg_dump_and_restore_at_pg_restore()
    {
        await using var database = await TestDatabase.CreateAsync(TestDatabaseKind.Postgres);
        var environment = ServerProcess.EnvironmentFor(database);
        var backup = await KneeSpineExecutable.RunAsync(null, environment, "backup", "--out", Path.Combine(_files.Path, "pg.db"), "--data", database.DataDirectory);
        var file = Path.Combine(_files.Path, "any.db");
        await File.WriteAllTextAsync(file, "x", Cancel);
        var restore = await KneeSpineExecutable.RunAsync(null, environment, "restore", file, "--data", database.DataDirectory);

        Assert.Equal((2, 2), (backup.Code, restore.Code));
        Assert.Contains("use pg_dump", backup.Error, StringComparison.Ordinal);
        Assert.Contains("use pg_restore", restore.Error, StringComparison.Ordinal);
    }

    public void Dispose() => _files.Dispose();
}
