using KneeSpine.Store.Database;
using KneeSpine.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace KneeSpine.Web.Tests;

/// <summary>What a 201 means on SQLite (ADR-055): the write-ahead log, and a synchronous level set on every connection the app opens.</summary>
public sealed class SqliteDurabilityTests
{
    [Fact]
    public async Task By_default_every_app_connection_uses_the_write_ahead_log_with_synchronous_normal()
    {
        await using var app = await TestApp.StartAsync(TestDatabaseKind.Sqlite);

        var (journal, synchronous) = await PragmasAsync(app);

        Assert.Equal("wal", journal);
        Assert.Equal(1L, synchronous);
    }

    [Fact]
    public async Task Synchronous_full_is_applied_when_configured()
    {
        await using var app = await TestApp.StartAsync(TestDatabaseKind.Sqlite, new Dictionary<string, string?>
        {
            ["KneeSpine:Database:SqliteSynchronous"] = "full",
        });

        var (journal, synchronous) = await PragmasAsync(app);

        Assert.Equal("wal", journal);
        Assert.Equal(2L, synchronous);
    }

    [Fact]
    public async Task The_setting_holds_on_pooled_connections_reopened_after_others_were_opened_and_closed()
    {
        await using var app = await TestApp.StartAsync(TestDatabaseKind.Sqlite, new Dictionary<string, string?>
        {
            ["KneeSpine:Database:SqliteSynchronous"] = "full",
        });

        // Several contexts at once take several native connections from the pool; each later open reuses one of them.
        for (var round = 0; round < 3; round++)
        {
            var levels = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => PragmasAsync(app)));
            Assert.All(levels, level => Assert.Equal(2L, level.Synchronous));
        }
    }

    private static Task<(string? Journal, long? Synchronous)> PragmasAsync(TestApp app) =>
        app.WithServiceAsync<KneeSpineDbContext, (string?, long?)>(async db =>
        {
            var cancel = TestContext.Current.CancellationToken;
            await db.Database.OpenConnectionAsync(cancel);
            try
            {
                await using var command = db.Database.GetDbConnection().CreateCommand();
                command.CommandText = "PRAGMA journal_mode;";
                var journal = (string?)await command.ExecuteScalarAsync(cancel);
                command.CommandText = "PRAGMA synchronous;";
                return (journal, (long?)await command.ExecuteScalarAsync(cancel));
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        });
}
