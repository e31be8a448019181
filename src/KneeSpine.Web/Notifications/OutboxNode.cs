using System.Security.Cryptography;

namespace KneeSpine.Web.Notifications;

/// <summary>
/// This process's name in <see cref="Store.Notifications.OutboxMessage.LeasedBy"/>: the host and process, to tell an
/// operator which node holds a message, plus a random part so two apps in one process (tests) or a restarted process
/// with a reused id never take each other's leases for their own.
/// </summary>
public sealed class OutboxNode
{
    public string Id { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}";
}
