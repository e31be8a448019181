using System.Net.Sockets;
using KneeSpine.Store.Database;
using KneeSpine.Store.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KneeSpine.Web.Notifications;

/// <summary>
/// Delivers the outbox: takes each due message under a lease (<see cref="OutboxLeases"/>), sends it, and records the
/// outcome: sent, or failed with the error and the next attempt (<see cref="OutboxBackoff"/>). Nothing here runs in a
/// request: a slow or broken mail server only delays the email, never the answer to the clinic or the patient.
/// </summary>
public sealed partial class OutboxSender(
    IServiceScopeFactory scopes,
    IOptions<SmtpOptions> smtp,
    IOptions<WebhookOptions> webhook,
    WebhookPoster poster,
    IOptions<OutboxOptions> outbox,
    OutboxNode node,
    TimeProvider time,
    ILogger<OutboxSender> logger)
{
    /// <summary>Keeps one pass from running forever when messages keep arriving; the next pass goes on.</summary>
    private const int MostPerRun = 500;

    private readonly SemaphoreSlim _oneRunAtATime = new(1, 1);

    /// <summary>The kinds this node can deliver: emails only with a mail server (else they wait untouched), webhooks only with a receiver.</summary>
    public IReadOnlyCollection<OutboxMessageKind> Deliverable =>
    [
        .. smtp.Value.IsConfigured ? [OutboxMessageKind.Email] : Array.Empty<OutboxMessageKind>(),
        .. webhook.Value.IsConfigured ? [OutboxMessageKind.Webhook] : Array.Empty<OutboxMessageKind>(),
    ];

    /// <summary>One pass: every message due now is attempted once. The hosted loop calls this; so do tests.</summary>
    public async Task<OutboxRun> RunOnceAsync(CancellationToken cancellationToken)
    {
        await _oneRunAtATime.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await RunAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _oneRunAtATime.Release();
        }
    }

    /// <summary>When the next unsent message falls due, so the loop need not wait a whole poll interval for it.</summary>
    public async Task<DateTimeOffset?> NextDueAsync(CancellationToken cancellationToken)
    {
        var kinds = Deliverable;
        if (kinds.Count == 0)
        {
            return null;
        }

        var scope = scopes.CreateAsyncScope();
        await using (scope.ConfigureAwait(false))
        {
            var db = scope.ServiceProvider.GetRequiredService<KneeSpineDbContext>();
            return await db.OutboxMessages.Where(m => m.SentAt == null && kinds.Contains(m.Kind))
                .OrderBy(m => m.NextAttemptAt).Select(m => (DateTimeOffset?)m.NextAttemptAt)
                .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<OutboxRun> RunAsync(CancellationToken cancellationToken)
    {
        var kinds = Deliverable;
        if (kinds.Count == 0)
        {
            return new OutboxRun(0, 0);
        }

        int sent = 0, failed = 0;
        var scope = scopes.CreateAsyncScope();
        await using (scope.ConfigureAwait(false))
        {
            var db = scope.ServiceProvider.GetRequiredService<KneeSpineDbContext>();
            var mailer = new SmtpMailer(smtp.Value, time);
            await using (mailer.ConfigureAwait(false))
            {
                while (sent + failed < MostPerRun)
                {
                    var started = time.GetUtcNow();
                    var message = await OutboxLeases.TakeNextAsync(db, node.Id, kinds, started, started + outbox.Value.LeaseFor, cancellationToken).ConfigureAwait(false);
                    if (message is null)
                    {
                        break;
                    }

                    if (await AttemptAsync(db, mailer, message, started, cancellationToken).ConfigureAwait(false))
                    {
                        sent++;
                    }
                    else
                    {
                        failed++;
                    }
                }
            }
        }

        return new OutboxRun(sent, failed);
    }

    private async Task<bool> AttemptAsync(KneeSpineDbContext db, SmtpMailer mailer, OutboxMessage message, DateTimeOffset started, CancellationToken cancellationToken)
    {
        var attempts = message.Attempts + 1;
        try
        {
            if (message.Kind == OutboxMessageKind.Webhook)
            {
                await poster.SendAsync(message, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await mailer.SendAsync(message, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && e is not OutOfMemoryException)
        {
            var error = Describe(e, message.Kind);
            var next = started + OutboxBackoff.After(attempts);
            LogFailed(message.Id, attempts, next, error);
            // The database may itself be failing; then the lease runs out and the message is tried again.
            await OutboxLeases.ReleaseAsync(db, message.Id, node.Id, set => set
                .SetProperty(m => m.Attempts, attempts)
                .SetProperty(m => m.LastAttemptAt, started)
                .SetProperty(m => m.LastError, error)
                .SetProperty(m => m.NextAttemptAt, next), CancellationToken.None).ConfigureAwait(false);
            return false;
        }

        var recorded = await OutboxLeases.ReleaseAsync(db, message.Id, node.Id, set => set
            .SetProperty(m => m.Attempts, attempts)
            .SetProperty(m => m.LastAttemptAt, started)
            .SetProperty(m => m.SentAt, time.GetUtcNow())
            .SetProperty(m => m.LastError, (string?)null), CancellationToken.None).ConfigureAwait(false);
        if (recorded == 0)
        {
            // The send outlasted the lease, and another node may have taken the message: it can arrive twice (ADR-084).
            LogLeaseLost(message.Id);
        }

        return true;
    }

    private static string Describe(Exception e, OutboxMessageKind kind)
    {
        var text = e switch
        {
            // Our own limit cancels; MailKit's socket timeout (the same length) can fire first on a busy machine.
            OperationCanceledException or TimeoutException or IOException { InnerException: SocketException { SocketErrorCode: SocketError.TimedOut } }
                => kind == OutboxMessageKind.Webhook ? "Timed out waiting for the webhook receiver." : "Timed out waiting for the mail server.",
            // The server's reply code tells an admin whether it refused the sender, the recipient or the message.
            MailKit.Net.Smtp.SmtpCommandException refused => $"The mail server answered {(int)refused.StatusCode} ({refused.ErrorCode}): {refused.Message}",
            _ => $"{e.GetType().Name}: {e.Message}",
        };
        return text.Length <= OutboxMessage.Limits.LastError ? text : text[..OutboxMessage.Limits.LastError];
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox message {MessageId} failed (attempt {Attempts}); next attempt at {NextAttemptAt:u}: {Error}")]
    private partial void LogFailed(Guid messageId, int attempts, DateTimeOffset nextAttemptAt, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox message {MessageId} was sent after its lease ran out; another node may send it again.")]
    private partial void LogLeaseLost(Guid messageId);
}
