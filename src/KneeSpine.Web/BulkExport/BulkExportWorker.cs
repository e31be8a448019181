using KneeSpine.Store.BulkExport;
using KneeSpine.Store.Database;
using KneeSpine.Web.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KneeSpine.Web.BulkExport;

/// <summary>
/// Each node's export loop: deletes expired exports, then takes queued jobs one at a time (a lease, so one node runs a
/// job) and runs them; sleeps until a kick-off on this node or <see cref="BulkExportOptions.PollEvery"/> passes.
/// </summary>
internal sealed partial class BulkExportWorker(
    IServiceScopeFactory scopes, OutboxNode node, BulkExportSignal signal, IOptions<BulkExportOptions> options, TimeProvider time, ILogger<BulkExportWorker> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await DeleteExpiredAsync(stoppingToken).ConfigureAwait(false);
                if (options.Value.RunJobs)
                {
                    while (await RunNextAsync(stoppingToken).ConfigureAwait(false))
                    {
                    }
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // Most likely the database is away; jobs are safe in it, so look again later.
                LogPassFailed(e);
            }

            try
            {
                using var wake = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                await Task.WhenAny(signal.WaitAsync(wake.Token), Task.Delay(options.Value.PollEvery, time, wake.Token)).ConfigureAwait(false);
                await wake.CancelAsync().ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task DeleteExpiredAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KneeSpineDbContext>();
        var now = time.GetUtcNow();
        // Chunks and files go with their job (cascade).
        var deleted = await db.BulkExportJobs.Where(j => j.ExpiresAt != null && j.ExpiresAt <= now).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        if (deleted > 0)
        {
            LogExpired(deleted);
        }
    }

    private async Task<bool> RunNextAsync(CancellationToken stoppingToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KneeSpineDbContext>();
        var now = time.GetUtcNow();
        if (await BulkExportLeases.TakeNextAsync(db, node.Id, now, now + options.Value.LeaseFor, stoppingToken).ConfigureAwait(false) is not { } id)
        {
            return false;
        }

        try
        {
            var runner = scope.ServiceProvider.GetRequiredService<BulkExportRunner>();
            if (await runner.RunAsync(id, node.Id, stoppingToken).ConfigureAwait(false))
            {
                LogCompleted(id);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: give the job back at once, so the next start (or another node) runs it without waiting out the lease.
            await ReleaseAsync(db, id, error: null, CancellationToken.None).ConfigureAwait(false);
            throw;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            LogJobFailed(e, id);
            db.ChangeTracker.Clear();
            await ReleaseAsync(db, id, e.Message, stoppingToken).ConfigureAwait(false);
        }

        return true;
    }

    private async Task ReleaseAsync(KneeSpineDbContext db, Guid id, string? error, CancellationToken cancellationToken)
    {
        var job = db.BulkExportJobs.Where(j => j.Id == id && j.LeasedBy == node.Id);
        if (error is null)
        {
            await job.ExecuteUpdateAsync(set => set.SetProperty(j => j.LeasedBy, (string?)null).SetProperty(j => j.LeasedUntil, (DateTimeOffset?)null), cancellationToken).ConfigureAwait(false);
            return;
        }

        var now = time.GetUtcNow();
        var message = error.Length > BulkExportJob.Limits.Error ? error[..BulkExportJob.Limits.Error] : error;
        // Tried enough: the job fails, its status says why, and it expires like a finished one.
        await job.Where(j => j.Attempts >= options.Value.MaxAttempts).ExecuteUpdateAsync(set => set
            .SetProperty(j => j.State, BulkExportState.Failed).SetProperty(j => j.Error, message)
            .SetProperty(j => j.CompletedAt, now).SetProperty(j => j.ExpiresAt, now + options.Value.FilesKeptFor)
            .SetProperty(j => j.LeasedBy, (string?)null).SetProperty(j => j.LeasedUntil, (DateTimeOffset?)null), cancellationToken).ConfigureAwait(false);
        await job.ExecuteUpdateAsync(set => set.SetProperty(j => j.Error, message)
            .SetProperty(j => j.LeasedBy, (string?)null).SetProperty(j => j.LeasedUntil, (DateTimeOffset?)null), cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Bulk export {JobId} completed.")]
    private partial void LogCompleted(Guid jobId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted {Count} expired bulk exports and their files.")]
    private partial void LogExpired(int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Bulk export {JobId} failed; it is tried again until it has failed KneeSpine:BulkExport:MaxAttempts times.")]
    private partial void LogJobFailed(Exception exception, Guid jobId);

    [LoggerMessage(Level = LogLevel.Error, Message = "The bulk export worker could not finish a pass; it tries again shortly.")]
    private partial void LogPassFailed(Exception exception);
}
