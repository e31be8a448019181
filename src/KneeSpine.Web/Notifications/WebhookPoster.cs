using System.Net.Http.Headers;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using KneeSpine.Store.Notifications;
using Microsoft.Extensions.Options;

namespace KneeSpine.Web.Notifications;

/// <summary>Posts an outbox webhook message, signed (<see cref="WebhookSignature"/>); anything but a 2xx answer is a failure to retry.</summary>
public sealed class WebhookPoster(IHttpClientFactory clients, IOptions<WebhookOptions> options, TimeProvider time)
{
    public const string HttpClientName = "KneeSpine.Webhook";

    /// <summary>The connection settings: a connect limit, and the hospital's own root certificate when one is given.</summary>
    internal static SocketsHttpHandler CreateHandler(WebhookOptions settings)
    {
        var handler = new SocketsHttpHandler { ConnectTimeout = settings.Timeout, AllowAutoRedirect = false };
        if (settings.TrustedCertificatePath is { } path)
        {
            var policy = new X509ChainPolicy { TrustMode = X509ChainTrustMode.CustomRootTrust, RevocationMode = X509RevocationMode.NoCheck };
            policy.CustomTrustStore.Add(X509CertificateLoader.LoadCertificateFromFile(path));
            handler.SslOptions.CertificateChainPolicy = policy;
        }

        return handler;
    }

    public async Task SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var settings = options.Value;
        var body = Encoding.UTF8.GetBytes(message.Body);
        var timestamp = WebhookSignature.Timestamp(time.GetUtcNow());
        using var request = new HttpRequestMessage(HttpMethod.Post, message.Recipient) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add(WebhookSignature.TimestampHeader, timestamp);
        request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Sign(settings.Secret!, timestamp, body));
        // The same on every attempt, so a receiver can drop a copy sent again after a lease ran out.
        request.Headers.Add(WebhookSignature.DeliveryHeader, message.Id.ToString());
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(settings.Timeout);
        using var response = await clients.CreateClient(HttpClientName).SendAsync(request, limit.Token).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
    }
}
