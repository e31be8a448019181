using Microsoft.Extensions.Options;

namespace KneeSpine.Web.Notifications;

/// <summary>
/// The one loop that runs <see cref="OutboxSender.RunOnceAsync"/> on each node: at start, then whenever a message falls
/// due or <see cref="OutboxOptions.PollEvery"/> passes (new messages from any node). Waits on the injected clock.
/// </summary>
public sealed partial class OutboxSenderService(
    OutboxSender sender,
    IOptions<SmtpOptions> smtp,
    IOptions<CareTeamOptions> careTeam,
    IOptions<OutboxOptions> outbox,
    TimeProvider time,
    ILogger<OutboxSenderService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!smtp.Value.IsConfigured)
        {
            LogNoMailServer(SmtpOptions.Section, careTeam.Value.Recipients.Count());
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            var wait = outbox.Value.PollEvery;
            try
            {
                await sender.RunOnceAsync(stoppingToken).ConfigureAwait(false);
                if (await sender.NextDueAsync(stoppingToken).ConfigureAwait(false) is { } due)
                {
                    var untilDue = due - time.GetUtcNow();
                    wait = untilDue < TimeSpan.Zero ? TimeSpan.Zero : untilDue < wait ? untilDue : wait;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // Most likely the database is away; the messages are safe in it, so try again later.
                LogRunFailed(e);
            }

            try
            {
                await Task.Delay(wait, time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No mail server is configured ({Section}:Host), so emails stay in the outbox unsent ({CareTeamAddresses} care-team addresses set). See /admin/outbox.")]
    private partial void LogNoMailServer(string section, int careTeamAddresses);

    [LoggerMessage(Level = LogLevel.Error, Message = "The outbox sender could not finish a pass; it tries again shortly.")]
    private partial void LogRunFailed(Exception exception);
}
