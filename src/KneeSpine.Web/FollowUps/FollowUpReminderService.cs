using Microsoft.Extensions.Options;

namespace KneeSpine.Web.FollowUps;

/// <summary>
/// Runs <see cref="FollowUpReminders.RunOnceAsync"/> at start and then every <see cref="FollowUpOptions.CheckEvery"/>
/// on the injected clock (a FakeTimeProvider in tests). Every node runs it; the outbox key keeps reminders single.
/// </summary>
internal sealed partial class FollowUpReminderService(
    IServiceScopeFactory scopes, IOptions<FollowUpOptions> options, TimeProvider time, ILogger<FollowUpReminderService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.CheckEvery, time);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<FollowUpReminders>().RunOnceAsync(time.GetUtcNow(), stoppingToken).ConfigureAwait(false);
            }
            catch (Exception error) when (!stoppingToken.IsCancellationRequested)
            {
                // A database outage must not end the loop: the next tick tries again, and nothing is lost meanwhile.
                LogRunFailed(logger, error);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The follow-up reminder run failed; it runs again at the next check.")]
    private static partial void LogRunFailed(ILogger logger, Exception error);
}
