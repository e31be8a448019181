using System.Data.Common;
using KneeSpine.Store.Audit;
using KneeSpine.Store.Database;
using KneeSpine.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KneeSpine.Web.Tests.Audit;

/// <summary>The audit trail cannot be changed or deleted: the context refuses it, and so does the database.</summary>
public abstract class AppendOnlyTests(AppFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private TestApp App => fixture.App;

    [Fact]
    public async Task Changing_a_tracked_event_is_refused_before_anything_reaches_the_database()
    {
        var id = await WriteEventAsync("change me");

        var refused = await WithContextAsync(async db =>
        {
            var e = await db.AuditEvents.SingleAsync(x => x.Id == id, Cancel);
            e.Detail = "changed";
            return await Assert.ThrowsAsync<AuditTrailAppendOnlyException>(() => db.SaveChangesAsync(Cancel));
        });

        Assert.Contains("append-only", refused.Message, StringComparison.Ordinal);
        Assert.Equal("change me", await DetailAsync(id));
    }

    [Fact]
    public async Task Deleting_a_tracked_event_is_refused_and_a_synchronous_save_too()
    {
        var id = await WriteEventAsync("delete me");

        await WithContextAsync<object?>(async db =>
        {
            db.AuditEvents.Remove(await db.AuditEvents.SingleAsync(x => x.Id == id, Cancel));
            Assert.Throws<AuditTrailAppendOnlyException>(() => db.SaveChanges());
            return null;
        });

        Assert.Equal("delete me", await DetailAsync(id));
    }

    [Fact]
    public async Task A_refused_change_leaves_other_pending_work_unsaved_too()
    {
        var id = await WriteEventAsync("paired");

        await WithContextAsync<object?>(async db =>
        {
            (await db.AuditEvents.SingleAsync(x => x.Id == id, Cancel)).Detail = "changed";
            db.AuditEvents.Add(new AuditEvent { OccurredAt = TestApp.Now, Action = AuditAction.PatientRead, UserName = "smuggled" });
            await Assert.ThrowsAsync<AuditTrailAppendOnlyException>(() => db.SaveChangesAsync(Cancel));
            return null;
        });

        Assert.False(await WithContextAsync(db => db.AuditEvents.AnyAsync(e => e.UserName == "smuggled", Cancel)));
    }

    [Fact]
    public async Task The_database_refuses_bulk_update_and_delete_that_bypass_the_change_tracker()
    {
        var id = await WriteEventAsync("bulk");

        var update = await WithContextAsync(db => Assert.ThrowsAnyAsync<DbException>(() =>
            db.AuditEvents.Where(e => e.Id == id).ExecuteUpdateAsync(set => set.SetProperty(e => e.Detail, "rewritten"), Cancel)));
        var delete = await WithContextAsync(db => Assert.ThrowsAnyAsync<DbException>(() =>
            db.AuditEvents.ExecuteDeleteAsync(Cancel)));

        Assert.Contains(AuditTriggers.Message, update.Message, StringComparison.Ordinal);
        Assert.Contains(AuditTriggers.Message, delete.Message, StringComparison.Ordinal);
        Assert.Equal("bulk", await DetailAsync(id));
    }

    [Fact]
    public async Task The_database_refuses_plain_sql_update_and_delete()
    {
        var id = await WriteEventAsync("raw");
        var statements = new List<string>
        {
            $"UPDATE \"AuditEvents\" SET \"Detail\" = 'rewritten' WHERE \"Id\" = {id}",
            $"DELETE FROM \"AuditEvents\" WHERE \"Id\" = {id}",
            "DELETE FROM \"AuditEvents\"",
        };
        if (fixture.Kind == TestDatabaseKind.Postgres)
        {
            statements.Add("TRUNCATE \"AuditEvents\"");
        }

        foreach (var sql in statements)
        {
            var refused = await WithContextAsync(db => Assert.ThrowsAnyAsync<DbException>(() => db.Database.ExecuteSqlRawAsync(sql, Cancel)));
            Assert.Contains(AuditTriggers.Message, refused.Message, StringComparison.Ordinal);
        }

        Assert.Equal("raw", await DetailAsync(id));
    }

    [Fact]
    public async Task Appending_still_works_and_ids_increase_in_writing_order()
    {
        var first = await WriteEventAsync("first");
        var second = await WriteEventAsync("second");

        Assert.True(second > first);
        Assert.Equal("first", await DetailAsync(first));
        Assert.Equal("second", await DetailAsync(second));
    }

    private async Task<long> WriteEventAsync(string detail)
    {
        var e = new AuditEvent { OccurredAt = TestApp.Now, Action = AuditAction.PatientRead, Outcome = AuditOutcome.Success, UserName = "append-only test", Detail = detail };
        await AuditTrail.WriteAsync(App, e);
        return e.Id;
    }

    private Task<string?> DetailAsync(long id) =>
        WithContextAsync(db => db.AuditEvents.AsNoTracking().Where(e => e.Id == id).Select(e => e.Detail).SingleAsync(Cancel));

    private async Task<T> WithContextAsync<T>(Func<KneeSpineDbContext, Task<T>> use)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await use(scope.ServiceProvider.GetRequiredService<KneeSpineDbContext>());
    }
}

public sealed class AppendOnlyOnSqlite(SqliteApp app) : AppendOnlyTests(app), IClassFixture<SqliteApp>;

public sealed class AppendOnlyOnPostgres(PostgresApp app) : AppendOnlyTests(app), IClassFixture<PostgresApp>;
