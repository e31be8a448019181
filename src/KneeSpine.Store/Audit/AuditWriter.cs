using System.Threading.Channels;
using KneeSpine.Store.Database;

namespace KneeSpine.Store.Audit;

/// <summary>
/// Appends audit events with group commit (ADR-060): a caller's event joins the events other requests are writing
/// at the same moment, one writer inserts them together in one short transaction of its own, and every caller
/// returns only once its event is stored. Under load that is one INSERT batch and one commit (one fsync) for many
/// requests instead of one each; a lone event is written at once, as before.
/// </summary>
/// <remarks>
/// Each batch uses a context of its own, so whatever a request's context still tracks (a failed save, for one) is
/// never flushed with it. A batch that fails is retried one event at a time, so one bad event fails only its own
/// caller. Disposing stops taking events and finishes the ones already queued.
/// </remarks>
public sealed class AuditWriter : IAsyncDisposable
{
    /// <summary>At most this many events in one transaction.</summary>
    public const int MaxBatch = 256;

    private readonly Func<Func<KneeSpineDbContext, Task>, Task> withContext;
    private readonly Channel<Pending> queue = Channel.CreateBounded<Pending>(new BoundedChannelOptions(16 * MaxBatch)
    {
        SingleReader = true,
        FullMode = BoundedChannelFullMode.Wait,
    });
    private readonly Task writing;

    /// <param name="withContext">Runs the work with a context nothing else uses, then gives the context back.</param>
    public AuditWriter(Func<Func<KneeSpineDbContext, Task>, Task> withContext)
    {
        this.withContext = withContext;
        writing = Task.Run(WriteQueuedAsync);
    }

    /// <summary>Stores <paramref name="auditEvent"/>; returns once it is committed, throws when it could not be.</summary>
    /// <remarks><paramref name="cancellationToken"/> stops the waiting, not the write of an event already queued.</remarks>
    public async Task WriteAsync(AuditEvent auditEvent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(auditEvent);
        auditEvent.Fit();
        var pending = new Pending(auditEvent);
        try
        {
            await queue.Writer.WriteAsync(pending, cancellationToken).ConfigureAwait(false);
        }
        catch (ChannelClosedException)
        {
            throw new ObjectDisposedException(nameof(AuditWriter), "The audit writer has stopped; the event was not stored.");
        }

        await pending.Stored.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        queue.Writer.TryComplete();
        await writing.ConfigureAwait(false);
    }

    private async Task WriteQueuedAsync()
    {
        var batch = new List<Pending>(MaxBatch);
        while (await queue.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            batch.Clear();
            while (batch.Count < MaxBatch && queue.Reader.TryRead(out var pending))
            {
                batch.Add(pending);
            }

            if (batch.Count > 0)
            {
                await WriteBatchAsync(batch).ConfigureAwait(false);
            }
        }
    }

    private async Task WriteBatchAsync(List<Pending> batch)
    {
        try
        {
            await InsertAsync(batch).ConfigureAwait(false);
            batch.ForEach(pending => pending.Stored.TrySetResult());
            return;
        }
#pragma warning disable CA1031 // Any failure goes to the callers below; the writer must keep running for the next batch.
        catch (Exception exception) when (batch.Count == 1)
        {
            batch[0].Stored.TrySetException(exception);
            return;
        }
        catch (Exception)
        {
            // One at a time: a single event the database refuses must not take the others with it.
        }

        foreach (var pending in batch)
        {
            try
            {
                await InsertAsync([pending]).ConfigureAwait(false);
                pending.Stored.TrySetResult();
            }
            catch (Exception exception)
            {
                pending.Stored.TrySetException(exception);
            }
        }
#pragma warning restore CA1031
    }

    private Task InsertAsync(List<Pending> batch) =>
        withContext(async db =>
        {
            // A retry after a failed batch starts from new entries: the ids the failed attempt may have set are not theirs.
            batch.ForEach(pending => pending.Event.Id = 0);
            db.AuditEvents.AddRange(batch.Select(pending => pending.Event));
            await db.SaveChangesAsync(CancellationToken.None).ConfigureAwait(false);
        });

    private sealed class Pending(AuditEvent auditEvent)
    {
        public AuditEvent Event { get; } = auditEvent;

        public TaskCompletionSource Stored { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
