using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KneeSpine.Web.Tests.Infrastructure;

/// <summary>
/// A paging system's webhook for tests: a real Kestrel HTTPS server on 127.0.0.1 with its own self-signed certificate
/// (<see cref="CertificatePath"/>, for the app to trust), which checks each post's HMAC-SHA256 signature itself with
/// <see cref="Secret"/> and keeps what it received. <see cref="Failing"/> makes it answer 503.
/// </summary>
public sealed class WebhookTestReceiver : IAsyncDisposable
{
    public const string Secret = "a test secret that is long enough for the webhook";

    private readonly WebApplication _app;
    private readonly string _folder;

    private WebhookTestReceiver(WebApplication app, string folder, string certificatePath)
    {
        _app = app;
        _folder = folder;
        CertificatePath = certificatePath;
    }

    public Uri Url { get; private set; } = null!;

    public string CertificatePath { get; }

    public ConcurrentQueue<Post> Posts { get; } = new();

    public bool Failing { get; set; }

    /// <summary>The app's settings for this receiver.</summary>
    public IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["KneeSpine:Notifications:Webhook:Url"] = Url.AbsoluteUri,
        ["KneeSpine:Notifications:Webhook:Secret"] = Secret,
        ["KneeSpine:Notifications:Webhook:TrustedCertificatePath"] = CertificatePath,
        ["KneeSpine:Notifications:Webhook:Timeout"] = "00:00:10",
    };

    public static async Task<WebhookTestReceiver> StartAsync()
    {
        var folder = Directory.CreateTempSubdirectory("kneespine-webhook-").FullName;
        using var certificate = CreateCertificate();
        var certificatePath = Path.Combine(folder, "receiver.cer");
        await File.WriteAllBytesAsync(certificatePath, certificate.Export(X509ContentType.Cert));
        var serverCertificate = X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), null);

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrelHttpsConfiguration();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(serverCertificate)));
        var app = builder.Build();
        var receiver = new WebhookTestReceiver(app, folder, certificatePath);
        app.MapPost("/page", receiver.ReceiveAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        receiver.Url = new Uri(new Uri(address), "/page");
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    private async Task<IResult> ReceiveAsync(HttpRequest request)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer);
        var body = buffer.ToArray();
        var timestamp = request.Headers["X-KneeSpine-Timestamp"].ToString();
        var signature = request.Headers["X-KneeSpine-Signature"].ToString();
        // Computed here from the documented scheme, not with the app's code, so a wrong signature is caught.
        byte[] signed = [.. Encoding.UTF8.GetBytes(timestamp + "."), .. body];
        var expected = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), signed));
        var valid = CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(signature));
        Posts.Enqueue(new Post(Encoding.UTF8.GetString(body), timestamp, request.Headers["X-KneeSpine-Delivery"].ToString(), valid, Failing));
        return Failing ? Results.StatusCode(503) : valid ? Results.Ok() : Results.Unauthorized();
    }

    private static X509Certificate2 CreateCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: true, hasPathLengthConstraint: false, pathLengthConstraint: 0, critical: true));
        // Fixed dates: no test depends on today (the app's clock is fake, the TLS check uses the real one).
        return request.CreateSelfSigned(new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2099, 1, 1, 0, 0, 0, TimeSpan.Zero));
    }

    /// <summary>One post as received: its body, headers and whether its signature was right.</summary>
    public sealed record Post(string Body, string Timestamp, string Delivery, bool SignatureValid, bool AnsweredFailure);
}
