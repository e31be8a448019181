using System.ComponentModel.DataAnnotations;

namespace KneeSpine.Web.Notifications;

/// <summary>
/// <c>KneeSpine:Notifications:Smtp</c>: the mail server the outbox sender delivers through. Without a host, emails are
/// still stored in the outbox and wait (the start-up log and <c>/admin/outbox</c> say so) until a server is configured.
/// </summary>
public sealed class SmtpOptions
{
    public const string Section = "KneeSpine:Notifications:Smtp";

    public string? Host { get; set; }

    [Range(1, 65535)]
    public int Port { get; set; } = 587;

    /// <summary>Encrypt the connection: TLS from the start on port 465, otherwise STARTTLS, which the server must offer.</summary>
    public bool UseTls { get; set; } = true;

    /// <summary>Sign in with this user name (and <see cref="Password"/>) when set.</summary>
    public string? User { get; set; }

    public string? Password { get; set; }

    /// <summary>The sender address, e.g. <c>KneeSpine &lt;kneespine@clinic.example.org&gt;</c>.</summary>
    public string? From { get; set; }

    /// <summary>How long one connect, command or message may take before the attempt counts as failed.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);
}
