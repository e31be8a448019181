using KneeSpine.Store.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KneeSpine.Web.CdsHooks;

/// <summary>
/// Deletes the ids of expired CDS Hooks JWTs at start and then every <see cref="CdsHooksOptions.PurgeEveryMinutes"/>
/// on the injected clock. Deleting them on each call put a second write on the request path, outside the SQLite write
/// gate, and concurrent calls met SQLite's lock and its 150 ms retry (issue 13, ADR-121).
/// </summary>
internal sealed partial class CdsTokenUsePurge(
    IServiceScopeFactory scopes, IOptions<CdsHooksOptions> options, TimeProvider time, ILogger<CdsTokenUsePurge> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(options.Value.PurgeEveryMinutes), time);
        do
        {
            try
            {
                await PurgeOnceAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception error) when (!stoppingToken.IsCancellationRequested)
            {
                // An outage only delays the purge: an expired id left behind refuses nothing a valid token could need.
                LogPurgeFailed(logger, error);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    internal async Task<int> PurgeOnceAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KneeSpineDbContext>();
        var now = time.GetUtcNow();
        return await db.WriteAsync(token => db.CdsTokenUses.Where(u => u.ExpiresAt < now).ExecuteDeleteAsync(token), cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Purging expired CDS Hooks JWT ids failed; the next run tries again.")]
    private static partial void LogPurgeFailed(ILogger logger, Exception error);
}
