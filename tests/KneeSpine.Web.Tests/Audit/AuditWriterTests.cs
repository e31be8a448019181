using KneeSpine.Store.Audit;
using KneeSpine.Store.Database;
using KneeSpine.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KneeSpine.Web.Tests.Audit;

/// <summary>
/// Group commit (ADR-060): events written at the same moment share transactions, every caller returns only once
/// its own event is stored, and one event the database refuses fails only its own caller.
/// </summary>
public abstract class AuditWriterTests(AppFixture fixture)
{
    private const int Concurrent = 200;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private TestApp App => fixture.App;

    [Fact]
    public async Task Events_written_together_share_a_transaction_and_each_caller_returns_once_its_event_is_stored()
    {
        var tag = Guid.NewGuid().ToString("N");
        // The first transaction waits until every caller has queued its event, as requests do while one is written.
        var held = new FirstTransactionHeld();
        var writer = NewWriter(held.AroundAsync);
        await using (writer)
        {
            var events = Enumerable.Range(0, Concurrent).Select(i => Event($"{tag} {i}")).ToList();
            var writes = events.Select(e => StoredOnReturnAsync(writer, e)).ToList();
            held.Release();
            await Task.WhenAll(writes);

            Assert.Equal(Concurrent, events.Select(e => e.Id).Distinct().Count());
            Assert.Equal(Concurrent, await CountAsync(tag));
            Assert.InRange(held.Transactions, 1, 2);
        }
    }

    [Fact]
    public async Task An_event_the_database_refuses_fails_only_its_own_caller_and_the_rest_of_its_batch_is_stored()
    {
        var tag = Guid.NewGuid().ToString("N");
        // The refused event is queued right behind the first, so whichever batch takes it holds other events too.
        var held = new FirstTransactionHeld();
        var writer = NewWriter(held.AroundAsync);
        await using (writer)
        {
            var first = writer.WriteAsync(Event($"{tag} first"), Cancel);
            // An action outside the code set cannot be saved (its column holds only the specification's codes).
            var bad = Event($"{tag} bad");
            bad.Action = (AuditAction)999;
            var refused = writer.WriteAsync(bad, Cancel);
            var good = Enumerable.Range(0, 10).Select(i => writer.WriteAsync(Event($"{tag} {i}"), Cancel)).ToList();
            held.Release();

            await first;
            await Task.WhenAll(good);
            var error = await Assert.ThrowsAsync<DbUpdateException>(() => refused);
            Assert.IsType<ArgumentOutOfRangeException>(error.InnerException);
            Assert.Equal(11, await CountAsync(tag));
            Assert.True(held.Transactions >= 3, $"expected a failed shared batch, then one event at a time; saw {held.Transactions} transactions");
        }
    }

    [Fact]
    public async Task Disposing_finishes_the_queued_events_and_later_writes_are_refused_not_lost_silently()
    {
        var tag = Guid.NewGuid().ToString("N");
        using var gate = new SemaphoreSlim(0);
        var writer = NewWriter(async (db, work) =>
        {
            await gate.WaitAsync(Cancel);
            await work(db);
        });
        var queued = Enumerable.Range(0, 5).Select(i => writer.WriteAsync(Event($"{tag} {i}"), Cancel)).ToList();
        var disposing = writer.DisposeAsync().AsTask();
        gate.Release(10);
        await disposing;
        await Task.WhenAll(queued);

        Assert.Equal(5, await CountAsync(tag));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => writer.WriteAsync(Event($"{tag} late"), Cancel));
        Assert.Equal(5, await CountAsync(tag));
    }

    /// <summary>Counts the writer's transactions and holds the first one back until <see cref="Release"/>.</summary>
    private sealed class FirstTransactionHeld
    {
        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _transactions;

        public int Transactions => Volatile.Read(ref _transactions);

        public void Release() => _released.TrySetResult();

        public async Task AroundAsync(KneeSpineDbContext db, Func<KneeSpineDbContext, Task> work)
        {
            if (Interlocked.Increment(ref _transactions) == 1)
            {
                await _released.Task.WaitAsync(Cancel);
            }

            await work(db);
        }
    }

    private async Task StoredOnReturnAsync(AuditWriter writer, AuditEvent e)
    {
        await writer.WriteAsync(e, Cancel);
        // Readable at once, by another context, under the id it was given.
        Assert.Equal(e.Detail, await DetailAsync(e.Id));
    }

    private AuditWriter NewWriter(Func<KneeSpineDbContext, Func<KneeSpineDbContext, Task>, Task> around) =>
        new(async work =>
        {
            await using var scope = App.Services.CreateAsyncScope();
            await around(scope.ServiceProvider.GetRequiredService<KneeSpineDbContext>(), work);
        });

    private static AuditEvent Event(string detail) => new()
    {
        OccurredAt = TestApp.Now,
        Action = AuditAction.PatientRead,
        Outcome = AuditOutcome.Success,
        UserName = "audit writer test",
        StatusCode = 200,
        Detail = detail,
    };

    private Task<int> CountAsync(string tag) =>
        App.WithServiceAsync<KneeSpineDbContext, int>(db => db.AuditEvents.CountAsync(e => e.Detail!.StartsWith(tag), Cancel));

    private Task<string?> DetailAsync(long id) =>
        App.WithServiceAsync<KneeSpineDbContext, string?>(db => db.AuditEvents.AsNoTracking().Where(e => e.Id == id).Select(e => e.Detail).SingleAsync(Cancel));
}

public sealed class AuditWriterOnSqlite(SqliteApp app) : AuditWriterTests(app), IClassFixture<SqliteApp>;

public sealed class AuditWriterOnPostgres(PostgresApp app) : AuditWriterTests(app), IClassFixture<PostgresApp>;
