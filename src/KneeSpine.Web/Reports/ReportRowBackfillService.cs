namespace KneeSpine.Web.Reports;

/// <summary>
/// Runs <see cref="ReportRowBackfill"/> once the server has started, in the background so a large database does not
/// hold up start-up (ADR-150). Every node runs it; each batch only picks series still without a row. A failure (the
/// database away) is logged and tried again a minute later on the injected clock.
/// </summary>
internal sealed partial class ReportRowBackfillService(IServiceScopeFactory scopes, TimeProvider time, ILogger<ReportRowBackfillService> logger) : BackgroundService
{
    private static readonly TimeSpan RetryAfter = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var outcome = await scope.ServiceProvider.GetRequiredService<ReportRowBackfill>().RunAsync(cancellationToken: stoppingToken).ConfigureAwait(false);
                if (outcome.Written > 0 || outcome.Unreadable > 0)
                {
                    LogDone(logger, outcome.Written, outcome.Unreadable);
                }

                return;
            }
            catch (Exception error) when (!stoppingToken.IsCancellationRequested)
            {
                LogFailed(logger, error);
            }

            await Task.Delay(RetryAfter, time, stoppingToken).ConfigureAwait(false);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Outcomes report rows backfilled for {Written} earlier assessments ({Unreadable} unreadable, left out).")]
    private static partial void LogDone(ILogger logger, int written, int unreadable);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The outcomes report backfill failed; it is tried again in a minute. Reports leave out assessments still without a row.")]
    private static partial void LogFailed(ILogger logger, Exception error);
}
