using KneeSpine.Store.Database;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace KneeSpine.Web.Tests.Infrastructure;

/// <summary>
/// A fresh, empty database for one test class: a temporary SQLite file, or a new database on the PostgreSQL
/// server that ./test.sh starts (KNEESPINE_TEST_POSTGRES). Removed on dispose.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "KNEESPINE_TEST_POSTGRES";

    private readonly string? _directory;
    private readonly string? _serverConnectionString;
    private readonly string? _databaseName;

    private TestDatabase(DatabaseProvider provider, string connectionString, string? directory, string? serverConnectionString, string? databaseName)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _directory = directory;
        _serverConnectionString = serverConnectionString;
        _databaseName = databaseName;
    }

    public DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

    /// <summary>A directory to use as the app's data directory.</summary>
    public string DataDirectory => _directory ?? Path.GetTempPath();

    public static async Task<TestDatabase> CreateAsync(TestDatabaseKind kind)
    {
        if (kind == TestDatabaseKind.Sqlite)
        {
            var directory = Directory.CreateTempSubdirectory("kneespine-test-").FullName;
            return new TestDatabase(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(directory, "kneespine.db")}", directory, null, null);
        }

        var server = Environment.GetEnvironmentVariable(PostgresVariable);
        if (string.IsNullOrWhiteSpace(server))
        {
            throw new InvalidOperationException(
                $"{PostgresVariable} is not set, so the PostgreSQL half of the web tests cannot run. Run ./test.sh, which starts a throwaway PostgreSQL server and sets it.");
        }

        var name = "kneespine_test_" + Guid.NewGuid().ToString("N");
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }

        var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
        return new TestDatabase(DatabaseProvider.Postgres, connectionString, Directory.CreateTempSubdirectory("kneespine-test-").FullName, server, name);
    }

    /// <summary>Takes the database away while the app runs, as when a server goes down.</summary>
    public async Task MakeUnreachableAsync()
    {
        if (Provider == DatabaseProvider.Sqlite)
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(_directory!, recursive: true);
            return;
        }

        await DropAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (Provider == DatabaseProvider.Sqlite)
        {
            SqliteConnection.ClearAllPools();
        }
        else
        {
            await DropAsync();
        }

        if (_directory is not null && Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private async Task DropAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_serverConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_databaseName}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}
