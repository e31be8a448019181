using KneeSpine.Store.Database;
using KneeSpine.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace KneeSpine.Web.Tests;

public abstract class MigrationTests(AppFixture fixture)
{
    [Fact]
    public async Task A_node_older_than_the_database_schema_refuses_to_start_naming_the_newer_migration()
    {
        await using var database = await TestDatabase.CreateAsync(fixture.Kind);
        await using (var current = TestApp.Start(database))
        {
            // What a newer version's start leaves behind: a migration this build does not have.
            await current.WithServiceAsync<KneeSpineDbContext, int>(db => db.Database.ExecuteSqlRawAsync(
                "INSERT INTO \"__EFMigrationsHistory\" (\"MigrationId\", \"ProductVersion\") VALUES ('29991231000000_FromANewerVersion', '10.0.10')",
                TestContext.Current.CancellationToken));
        }

        var error = Assert.ThrowsAny<Exception>(() => TestApp.Start(database)).Flatten();

        Assert.Contains("migrated by a newer KneeSpine (migration 29991231000000_FromANewerVersion", error, StringComparison.Ordinal);
        Assert.Contains("upgrade this node", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_applies_every_migration_of_the_configured_provider_to_an_empty_database()
    {
        var (provider, applied, all, pendingModelChanges) = await fixture.App.WithServiceAsync<KneeSpineDbContext, (string?, List<string>, List<string>, bool)>(async db =>
            (db.Database.ProviderName,
             (await db.Database.GetAppliedMigrationsAsync(TestContext.Current.CancellationToken)).ToList(),
             db.Database.GetMigrations().ToList(),
             db.Database.HasPendingModelChanges()));

        Assert.Contains(fixture.Kind == TestDatabaseKind.Postgres ? "Npgsql" : "Sqlite", provider, StringComparison.Ordinal);
        Assert.NotEmpty(all);
        Assert.Equal(all, applied);
        // A model change without a migration for this provider would fail here.
        Assert.False(pendingModelChanges);
    }
}

public sealed class MigrationsOnSqlite(SqliteApp app) : MigrationTests(app), IClassFixture<SqliteApp>;

public sealed class MigrationsOnPostgres(PostgresApp app) : MigrationTests(app), IClassFixture<PostgresApp>;
