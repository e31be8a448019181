using KneeSpine.Store.Notifications;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace KneeSpine.Web.Notifications;

/// <summary>
/// Sends outbox emails with MailKit over one connection for a run of the sender, reconnecting after a failure.
/// Every network step has its own time limit, so a server that accepts the connection and never answers costs one
/// timeout, not a stuck sender.
/// </summary>
internal sealed class SmtpMailer(SmtpOptions options, TimeProvider time) : IAsyncDisposable
{
    private SmtpClient? _client;

    public async Task SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var email = Compose(message);
        try
        {
            var client = await ConnectedAsync(cancellationToken).ConfigureAwait(false);
            using var limit = Limit(cancellationToken);
            await client.SendAsync(email, limit.Token).ConfigureAwait(false);
        }
        catch
        {
            // After a failure the connection's state is unknown: the next message starts afresh.
            await DropAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_client is { IsConnected: true } client)
        {
            try
            {
                using var limit = new CancellationTokenSource(options.Timeout);
                await client.DisconnectAsync(quit: true, limit.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or IOException or SmtpProtocolException or SmtpCommandException)
            {
                // The messages are sent; a server that does not say goodbye changes nothing.
            }
        }

        await DropAsync().ConfigureAwait(false);
    }

    private MimeMessage Compose(OutboxMessage message)
    {
        // Validated at start (SmtpOptionsValidator): a configured server has a sender.
        var from = MailboxAddress.Parse(options.From!);
        var email = new MimeMessage
        {
            Subject = message.Subject,
            Date = time.GetUtcNow(),
            // The same id on every attempt, so a mail system (or a reader) can spot a copy sent again after a lease ran out.
            MessageId = $"{message.Id:N}@{from.Domain}",
            Body = new TextPart("plain") { Text = message.Body },
        };
        email.From.Add(from);
        email.To.Add(MailboxAddress.Parse(message.Recipient));
        // RFC 3834: a machine wrote this, so auto-responders do not answer it.
        email.Headers.Add("Auto-Submitted", "auto-generated");
        return email;
    }

    private async Task<SmtpClient> ConnectedAsync(CancellationToken cancellationToken)
    {
        if (_client is { IsConnected: true } connected)
        {
            return connected;
        }

        await DropAsync().ConfigureAwait(false);
        var client = new SmtpClient { Timeout = (int)options.Timeout.TotalMilliseconds };
        _client = client;
        var security = !options.UseTls ? SecureSocketOptions.None
            : options.Port == 465 ? SecureSocketOptions.SslOnConnect
            : SecureSocketOptions.StartTls;
        using (var limit = Limit(cancellationToken))
        {
            await client.ConnectAsync(options.Host!, options.Port, security, limit.Token).ConfigureAwait(false);
        }

        if (!string.IsNullOrEmpty(options.User))
        {
            using var limit = Limit(cancellationToken);
            await client.AuthenticateAsync(options.User, options.Password!, limit.Token).ConfigureAwait(false);
        }

        return client;
    }

    /// <summary>Real time, not the app's clock: this bounds waiting on a network peer.</summary>
    private CancellationTokenSource Limit(CancellationToken cancellationToken)
    {
        var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(options.Timeout);
        return limit;
    }

    private Task DropAsync()
    {
        _client?.Dispose();
        _client = null;
        return Task.CompletedTask;
    }
}
