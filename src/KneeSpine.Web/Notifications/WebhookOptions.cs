using System.ComponentModel.DataAnnotations;

namespace KneeSpine.Web.Notifications;

/// <summary>
/// <c>KneeSpine:Notifications:Webhook</c>: an optional HTTPS endpoint of a hospital paging system, told of each opened
/// worklist item through the same outbox as the emails, with an HMAC-SHA256 signature (<see cref="WebhookSignature"/>).
/// </summary>
public sealed class WebhookOptions
{
    public const string Section = "KneeSpine:Notifications:Webhook";

    /// <summary>The receiver's https address; no webhook when empty.</summary>
    public Uri? Url { get; set; }

    /// <summary>The shared secret the signature is made with (32 characters or more).</summary>
    public string? Secret { get; set; }

    /// <summary>A certificate (PEM or DER) to trust as the receiver's root, for a hospital's own certificate authority.</summary>
    public string? TrustedCertificatePath { get; set; }

    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    public bool IsConfigured => Url is not null;
}
