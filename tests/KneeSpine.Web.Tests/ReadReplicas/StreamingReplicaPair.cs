using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace KneeSpine.Web.Tests.ReadReplicas;

/// <summary>
/// A real PostgreSQL primary and a streaming hot standby made from it with <c>pg_basebackup</c>, on free ports, with
/// the Debian PostgreSQL binaries (run as the postgres user when the tests run as root, as test.sh does).
/// </summary>
public sealed class StreamingReplicaPair : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("kneespine-replica-").FullName;
    private string _bin = "";

    public int PrimaryPort { get; } = FreePort();

    public int StandbyPort { get; } = FreePort();

    public string Primary => $"Host=127.0.0.1;Port={PrimaryPort};Username=postgres;Database=postgres";

    public string Standby => $"Host=127.0.0.1;Port={StandbyPort};Username=postgres;Database=postgres";

    public async ValueTask InitializeAsync()
    {
        _bin = Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(d => File.Exists(Path.Combine(d, "initdb")))
            .OrderBy(d => d, StringComparer.Ordinal).LastOrDefault() ?? throw new InvalidOperationException("No PostgreSQL binaries under /usr/lib/postgresql (test.sh installs them).");
        if (IsRoot)
        {
            await RunAsync("chown", "postgres:postgres", _directory);
        }

        await PgAsync("initdb", $"-D {_directory}/primary -U postgres --auth=trust -E UTF8 --locale=C.UTF-8");
        await PgAsync("pg_ctl", $"-D {_directory}/primary -l {_directory}/primary.log -w start -o \"-p {PrimaryPort} -k {_directory} -c listen_addresses=127.0.0.1 -c fsync=off -c wal_level=replica -c max_wal_senders=4\"");
        await PgAsync("pg_basebackup", $"-h 127.0.0.1 -p {PrimaryPort} -U postgres -D {_directory}/standby -R -X stream");
        await PgAsync("pg_ctl", $"-D {_directory}/standby -l {_directory}/standby.log -w start -o \"-p {StandbyPort} -k {_directory} -c listen_addresses=127.0.0.1 -c fsync=off -c hot_standby=on\"");
    }

    /// <summary>Runs one SQL command on the standby (to pause or resume replay) and answers its scalar result.</summary>
    public async Task<object?> OnStandbyAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(Standby);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        foreach (var node in new[] { "standby", "primary" })
        {
            try
            {
                await PgAsync("pg_ctl", $"-D {_directory}/{node} -m immediate stop");
            }
            catch (InvalidOperationException)
            {
                // Never started; nothing to stop.
            }
        }

        Directory.Delete(_directory, recursive: true);
    }

    private static bool IsRoot => Environment.UserName == "root";

    private Task PgAsync(string tool, string arguments) =>
        IsRoot
            ? RunAsync("su", "postgres", "-s", "/bin/sh", "-c", $"{_bin}/{tool} {arguments}")
            : RunAsync("/bin/sh", "-c", $"{_bin}/{tool} {arguments}");

    private static async Task RunAsync(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} exited {process.ExitCode}: {await output} {await error}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
