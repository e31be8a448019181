using KneeSpine.Store.Database;
using KneeSpine.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace KneeSpine.Web.Tests;

public abstract class MigrationTests(AppFixture fixture)
{
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
