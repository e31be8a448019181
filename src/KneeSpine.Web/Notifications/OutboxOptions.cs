using System.ComponentModel.DataAnnotations;

namespace KneeSpine.Web.Notifications;

/// <summary><c>KneeSpine:Notifications:Outbox</c>: how the background sender works through the outbox.</summary>
public sealed class OutboxOptions
{
    public const string Section = "KneeSpine:Notifications:Outbox";

    /// <summary>How often the sender looks for due messages.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:01:00")]
    public TimeSpan PollEvery { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long a node holds a message while it sends it. A node that dies mid-send lets the lease run out and another
    /// node (or this one after a restart) sends the message again; longer than a slow send (several SMTP timeouts).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:30", "01:00:00")]
    public TimeSpan LeaseFor { get; set; } = TimeSpan.FromMinutes(5);
}
